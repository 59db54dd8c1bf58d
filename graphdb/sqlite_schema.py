"""The embedded store's schema as versioned migrations (index i brings user_version i to i+1)."""

from __future__ import annotations

# Versioned migrations: index i brings the schema from user_version i to i + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE nodes (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, props TEXT NOT NULL, hash TEXT NOT NULL,
        version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        created_by TEXT NOT NULL, updated_by TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX nodes_label ON nodes(label, id);
    CREATE TABLE links (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
        props TEXT NOT NULL, hash TEXT NOT NULL, version INTEGER NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        created_by TEXT NOT NULL, updated_by TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX links_source ON links(source, type);
    CREATE INDEX links_target ON links(target, type);
    CREATE INDEX links_type ON links(type, id);
    CREATE TABLE revisions (
        entity_id TEXT NOT NULL, version INTEGER NOT NULL, props TEXT NOT NULL,
        changed_at TEXT NOT NULL, changed_by TEXT NOT NULL, PRIMARY KEY (entity_id, version)
    ) WITHOUT ROWID;
    CREATE TABLE terms (node_id TEXT NOT NULL, field TEXT NOT NULL, term TEXT NOT NULL);
    CREATE INDEX terms_lookup ON terms(field, term);
    CREATE INDEX terms_node ON terms(node_id);
    """,
    """
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
        role TEXT, action TEXT NOT NULL, entity_ids TEXT NOT NULL, purpose TEXT,
        outcome TEXT NOT NULL, detail TEXT
    );
    CREATE INDEX audit_at ON audit(at);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """,
    """
    CREATE TABLE documents (
        kind TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
    ) WITHOUT ROWID;
    """,
    """
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO store_meta (key, value) VALUES ('epoch', lower(hex(randomblob(8))));
    INSERT INTO store_meta (key, value) VALUES ('revision', '0');
    """,
)
BUMP_REVISION = "UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'"
