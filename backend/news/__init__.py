"""News feature package."""
