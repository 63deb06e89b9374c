"""Rent feature package."""
