"""Use cases: each takes a store and the acting user, checks the role, audits, returns schemas."""
