"""Tables of the rent feature."""
