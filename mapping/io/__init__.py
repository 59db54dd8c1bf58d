"""Interchange and demo data: reading, writing and generating node and link rows."""
