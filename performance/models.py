"""Models for this area."""
