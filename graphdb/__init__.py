"""Storage: one GraphStore interface, an embedded SQLite backend and a Neo4j backend."""
