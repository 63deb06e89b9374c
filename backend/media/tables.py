"""Tables of the media feature."""
