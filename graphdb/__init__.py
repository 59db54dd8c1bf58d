"""Storage: one GraphStore interface, an embedded SQLite backend and a Neo4j backend."""

from graphdb.base import GraphStore, WriteResult
from graphdb.errors import (
    ConfigurationError,
    Conflict,
    IntegrityError,
    NotFound,
    StoreError,
    StoreUnavailable,
)
from graphdb.factory import open_store
from graphdb.settings import StoreSettings
from graphdb.terms import SearchField

__all__ = [
    "ConfigurationError",
    "Conflict",
    "GraphStore",
    "IntegrityError",
    "NotFound",
    "SearchField",
    "StoreError",
    "StoreSettings",
    "StoreUnavailable",
    "WriteResult",
    "open_store",
]
