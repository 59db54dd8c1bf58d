"""Shared fixtures: the real Neo4j test server (session-wide) and stores for every backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from graphdb.base import GraphStore
from graphdb.neo4j import Neo4jStore
from graphdb.sqlite import SqliteStore
from tests.neo4j_server import Neo4jServer, neo4j_for_tests

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# CI runs are reproducible (the same examples every time); `make fuzz` explores afresh.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if IN_CI else "dev")


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    try:
        with neo4j_for_tests() as server:
            yield server
    except Exception as exc:  # a missing server is a failure, never a silent skip
        if IN_CI or os.environ.get("CONTEXTMAP_SKIP_NEO4J") != "1":
            raise
        pytest.skip(f"CONTEXTMAP_SKIP_NEO4J=1 and no Neo4j test server ({exc})")


@pytest.fixture(scope="session")
def neo4j_store_session(neo4j_server: Neo4jServer) -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    store.init()
    yield store
    store.close()


def _fresh_store(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    if kind == "sqlite":
        store: GraphStore = SqliteStore(tmp_path / "contract.db")
        store.init()
        request.addfinalizer(store.close)
        return store
    neo = request.getfixturevalue("neo4j_store_session")
    neo.wipe()
    return neo  # type: ignore[no-any-return]


@pytest.fixture(params=["sqlite", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    """A fresh, initialised, empty store of each backend."""
    return _fresh_store(request.param, request, tmp_path)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "unit.db")
    store.init()
    yield store
    store.close()
