"""Tables of the sync protocol."""
