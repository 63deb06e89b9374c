"""Tables of the messages feature."""
