"""Tables of the news feature."""
