"""open_store(): the one place a store URL becomes a GraphStore."""

from __future__ import annotations

from pathlib import Path

from graphdb.base import GraphStore
from graphdb.errors import ConfigurationError
from graphdb.settings import DEFAULT_DB, NEO4J_SCHEMES, StoreSettings


def open_store(settings: StoreSettings | None = None) -> GraphStore:
    """Open the configured store (not initialised; call `init()` once).

    >>> store = open_store(StoreSettings(CONTEXTMAP_STORE="embedded:///tmp/doctest.db"))
    >>> store.name
    'sqlite'
    """
    settings = settings or StoreSettings()
    url = settings.store.strip()
    if not url:
        from graphdb.sqlite import SqliteStore

        return SqliteStore(DEFAULT_DB)
    if url.startswith("embedded://"):
        from graphdb.sqlite import SqliteStore

        path = url.removeprefix("embedded://")
        if not path:
            raise ConfigurationError("CONTEXTMAP_STORE: embedded:// needs a file path")
        return SqliteStore(Path(path))
    if url.startswith(NEO4J_SCHEMES):
        from graphdb.neo4j import Neo4jStore

        return Neo4jStore(
            url,
            settings.neo4j_user,
            settings.neo4j_password.get_secret_value(),
            settings.neo4j_database,
        )
    raise ConfigurationError(
        "CONTEXTMAP_STORE: expected embedded:///path, bolt://, neo4j://, bolt+s:// or neo4j+s://"
    )
