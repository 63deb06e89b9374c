"""Media feature package."""
