"""A store holding the meetings world (see the package docstring)."""

from __future__ import annotations

import pytest

from graphdb.sqlite import SqliteStore
from tests.unit.meetings import build_world


@pytest.fixture
def world(sqlite_store: SqliteStore) -> SqliteStore:
    build_world(sqlite_store)
    return sqlite_store
