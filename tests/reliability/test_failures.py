"""Failures that must not corrupt anything: kill -9 mid-import, the Neo4j server going away."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from graphdb import StoreUnavailable
from graphdb.neo4j import Neo4jStore
from graphdb.sqlite import SqliteStore
from schemas.enums import LinkType, NodeLabel
from schemas.interchange import link_row, node_row
from tests.neo4j_server import _launch, start_server, stop_server

WRITER = textwrap.dedent(
    """
    import sys
    from graphdb.sqlite import SqliteStore
    from schemas.interchange import link_row, node_row
    from schemas.enums import LinkType, NodeLabel
    store = SqliteStore(sys.argv[1]); store.init()
    batch = 0
    print("started", flush=True)
    while True:
        nodes = [node_row(NodeLabel.CHILD, f"C-{batch}-{i}", {"forename": f"N{i}"}) for i in range(500)]
        links = [link_row(LinkType.ASSOCIATES_WITH, None, f"C-{batch}-{i}", f"C-{batch}-{i+1}", {})
                 for i in range(499)]
        store.write(nodes, links, actor="writer")
        batch += 1
    """
)


def test_kill_9_during_embedded_import_leaves_a_consistent_store(tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "started"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # let several batches commit, then kill mid-batch
        if db.exists() and SqliteStore(db).counts().get("Child", 0) >= 1500:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = SqliteStore(db)
    counts = store.counts()
    assert counts["Child"] >= 1500
    assert counts["Child"] % 500 == 0, "every batch is all or nothing"
    assert counts["ASSOCIATES_WITH"] == counts["Child"] // 500 * 499
    ids = {n.id for n in store.iter_nodes()}
    assert all(x.source in ids and x.target in ids for x in store.iter_links())
    store.write([node_row(NodeLabel.CHILD, "after", {"forename": "After"})], [], actor="t")
    assert store.get_node("after") is not None
    store.close()


@pytest.mark.neo4j
def test_neo4j_stopped_mid_session_gives_a_clear_error_and_recovers(tmp_path: Path) -> None:
    server, data_dir = start_server()
    store = Neo4jStore(server.uri, server.user, server.password)
    try:
        store.init()
        store.write([node_row(NodeLabel.CHILD, "C-1", {"forename": "Ada"})], [], actor="t")
        assert server.process is not None
        server.process.terminate()
        server.process.wait(timeout=60)
        with pytest.raises(StoreUnavailable, match="cannot be reached"):
            store.get_node("C-1")
        with pytest.raises(StoreUnavailable):
            store.write(
                [node_row(NodeLabel.CHILD, "C-2", {"forename": "Bo"})],
                [link_row(LinkType.ASSOCIATES_WITH, None, "C-1", "C-2", {})],
                actor="t",
            )
        port = int(server.uri.rsplit(":", 1)[1])
        restarted = _launch(port, data_dir, server.password)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    node = store.get_node("C-1")
                    break
                except StoreUnavailable:
                    if time.monotonic() > deadline or restarted.poll() is not None:
                        raise
                    time.sleep(1)
            assert node is not None and node.properties["forename"] == "Ada"
            assert store.get_node("C-2") is None, "the failed write left nothing behind"
            store.write([node_row(NodeLabel.CHILD, "C-3", {"forename": "Cy"})], [], actor="t")
            assert store.counts() == {"Child": 2}
        finally:
            restarted.terminate()
            restarted.wait(timeout=60)
    finally:
        store.close()
        stop_server(server, data_dir)
