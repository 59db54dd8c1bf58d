"""What the measures share: demo rows per scale, a loaded embedded store, one Neo4j server.

Everything lives in a temporary folder and a throw-away Neo4j (the tests' server, or
`NEO4J_TEST_URI`, which is wiped): the bench never touches `data/` or a real store.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphdb.base import GraphStore
from graphdb.sqlite import SqliteStore
from mapping.io.demo import generate
from schemas.enums import PERSON_LABELS
from schemas.records import LinkRow, NodeRow

ROOT = Path(__file__).resolve().parents[1]
ACTOR = "bench"
Rows = tuple[list[NodeRow], list[LinkRow]]


def empty_snapshot_cache() -> None:
    """Forget the analytics' cached store snapshots, as any write to the store would.

    `mapping.analytics.build` reads the store once per store revision; timing the first page
    visit or `analyse` run after a change means emptying that cache before each run.
    """
    from mapping.analytics import build

    cache = getattr(build, "_SNAPSHOTS", None)
    if cache is not None:
        cache.clear()


class Neo4jMissing(RuntimeError):
    """No Neo4j could be reached or started here; its rows say why."""


@dataclass(slots=True)
class Bench:
    """The run's options and the shared, lazily built fixtures."""

    scale: str = "borough"
    repeat: int = 3
    with_neo4j: bool = True
    per_row_sample: int = 2000
    neo4j_server: tuple[str, str, str] | None = None
    """(uri, user, password) of a throw-away server to use (it is wiped) instead of starting one."""
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="cm-bench-")))
    _rows: dict[str, Rows] = field(default_factory=dict)
    _embedded: dict[str, SqliteStore] = field(default_factory=dict)
    _neo4j: Any = None
    _neo4j_scale: str | None = None
    _server: Any = None
    _server_dir: Path | None = None
    _neo4j_error: str | None = None
    _neo4j_version: str | None = None

    # -- scales ---------------------------------------------------------------------------
    @property
    def main_scale(self) -> str:
        """`borough` for the borough and county runs, `small` for a smoke run."""
        return "small" if self.scale == "small" else "borough"

    @property
    def heavy_repeat(self) -> int:
        """Runs of the expensive (county) measures: a third of `repeat`, at least one."""
        return max(1, self.repeat // 3)

    def rows(self, scale: str) -> Rows:
        if scale not in self._rows:
            self._rows[scale] = generate(scale, seed=7)
        return self._rows[scale]

    def busiest_person(self, scale: str) -> str:
        """The child or person of concern with the most links (ties by id)."""
        nodes, links = self.rows(scale)
        people = {n.id for n in nodes if n.label in PERSON_LABELS}
        degree: Counter[str] = Counter()
        for link in links:
            for end in (link.source, link.target):
                if end in people:
                    degree[end] += 1
        return min(degree, key=lambda p: (-degree[p], p))

    # -- stores ---------------------------------------------------------------------------
    def embedded(self, scale: str) -> SqliteStore:
        """A file store in the work folder holding the scale's demo data."""
        if scale not in self._embedded:
            store = SqliteStore(self.workdir / f"read-{scale}.db")
            store.init()
            nodes, links = self.rows(scale)
            store.write(nodes, links, actor=ACTOR)
            self._embedded[scale] = store
        return self._embedded[scale]

    def adopt_embedded(self, scale: str, path: Path) -> None:
        """Use a file an ingest measure just filled as the scale's read store."""
        if scale not in self._embedded:
            self._embedded[scale] = SqliteStore(path)

    def neo4j(self) -> GraphStore:
        """The Neo4j store (empty or holding whatever the last measure left); starts a server."""
        if self._neo4j is not None:
            return self._neo4j  # type: ignore[no-any-return]
        if not self.with_neo4j:
            raise Neo4jMissing("skipped in this run")
        if self._neo4j_error:
            raise Neo4jMissing(self._neo4j_error)
        logging.getLogger("neo4j").setLevel(logging.ERROR)
        try:
            uri, user, password = self._server_credentials()
            from graphdb.neo4j import Neo4jStore

            store = Neo4jStore(uri, user, password)
            store.init()
            store.wipe()
        except Exception as exc:  # any failure to start or reach it becomes a row's reason
            self._neo4j_error = f"Neo4j: {type(exc).__name__}: {str(exc).splitlines()[0][:80]}"
            raise Neo4jMissing(self._neo4j_error) from exc
        self._neo4j = store
        return store

    def neo4j_loaded(self, scale: str) -> GraphStore:
        """The Neo4j store holding exactly the scale's demo data."""
        store = self.neo4j()
        if self._neo4j_scale != scale:
            store.wipe()
            nodes, links = self.rows(scale)
            store.write(nodes, links, actor=ACTOR)
            self._neo4j_scale = scale
        return store

    def neo4j_holds(self, scale: str | None) -> None:
        """Record what a measure left in the Neo4j store (None: something else)."""
        self._neo4j_scale = scale

    def neo4j_credentials(self) -> tuple[str, str, str]:
        self.neo4j()
        return self._server_credentials()

    def neo4j_version(self) -> str:
        """The server's version string, or why there is none (never starts a server)."""
        if self._neo4j is None:
            return self._neo4j_error or "not used in this run"
        if self._neo4j_version is None:
            try:
                uri, user, password = self.neo4j_credentials()
                import neo4j

                with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
                    records, _, _ = driver.execute_query(
                        "CALL dbms.components() YIELD versions, edition "
                        "RETURN versions[0] AS v, edition AS e",
                        database_="system",
                    )
                    self._neo4j_version = f"{records[0]['v']} {records[0]['e']}"
            except Exception as exc:  # reported, never fatal
                self._neo4j_version = f"not measured ({type(exc).__name__})"
        return self._neo4j_version

    def _server_credentials(self) -> tuple[str, str, str]:
        if self.neo4j_server is not None:
            return self.neo4j_server
        uri = os.environ.get("NEO4J_TEST_URI")
        if uri:
            return (
                uri,
                os.environ.get("NEO4J_TEST_USER", "neo4j"),
                os.environ.get("NEO4J_TEST_PASSWORD", "contextmap-test"),
            )
        if self._server is None:
            from tests.neo4j_server import start_server

            self._server, self._server_dir = start_server()
        return self._server.uri, self._server.user, self._server.password

    def close(self) -> None:
        """Close the stores, stop the server this run started and remove the work folder."""
        for store in self._embedded.values():
            store.close()
        self._embedded.clear()
        if self._neo4j is not None:
            self._neo4j.close()
            self._neo4j = None
        if self._server is not None:
            from tests.neo4j_server import stop_server

            stop_server(self._server, self._server_dir)
            self._server = None
        shutil.rmtree(self.workdir, ignore_errors=True)
