"""Fixtures for the analytics tests: factory networks loaded into a real embedded store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graphdb.sqlite import SqliteStore
from tests.factories import Network

Loader = Callable[[Network], SqliteStore]


@pytest.fixture
def load(tmp_path: Path) -> Iterator[Loader]:
    """Write a factory network into a fresh SqliteStore and return the store."""
    opened: list[SqliteStore] = []

    def _load(network: Network) -> SqliteStore:
        store = SqliteStore(tmp_path / f"t{len(opened)}.db")
        store.init()
        nodes, links = network
        store.write(nodes, links, actor="test")
        opened.append(store)
        return store

    yield _load
    for store in opened:
        store.close()
