"""Messages feature package."""
