"""Tickets feature package."""
