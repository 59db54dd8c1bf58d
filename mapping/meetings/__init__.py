"""Meetings and governance: panel calendar, sessions, live mapping, actions, agenda, minutes,
and the quarterly report (use cases over a GraphStore; no UI, no Cypher)."""
