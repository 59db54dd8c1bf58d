"""Embedded ingest: `SqliteStore.write` against a raw `executemany` of the same rows.

The baseline is what the store cannot do with less: one transaction, the properties as JSON
text, into a bare pair of tables keyed on id (no revisions, terms, hashes or end checks), with
the same WAL journal settings. Both start from a fresh file each run.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bench.context import ACTOR, Bench
from bench.measure import Row, Timing, interleaved, megabytes, peak_memory, rate, seconds, times
from graphdb.sqlite import SqliteStore
from schemas.records import LinkRow, NodeRow

RAW_TABLES = """
CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE links (id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL,
                    target TEXT NOT NULL, props TEXT NOT NULL);
"""
WITHIN_RAW = 2.0
COUNTY_OVER_BOROUGH = 12.0


def _fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def store_write(path: Path, nodes: list[NodeRow], links: list[LinkRow]) -> None:
    """The measured path: what `import` and `demo` call, into a fresh file."""
    store = SqliteStore(path)
    try:
        store.init()
        store.write(nodes, links, actor=ACTOR)
    finally:
        store.close()


def raw_write(path: Path, nodes: list[NodeRow], links: list[LinkRow]) -> None:
    """The baseline: two executemany calls in one transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(RAW_TABLES)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO nodes VALUES (?, ?, ?)",
            ((n.id, str(n.label), json.dumps(n.properties)) for n in nodes),
        )
        conn.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?)",
            ((x.id, str(x.type), x.source, x.target, json.dumps(x.properties)) for x in links),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def ingest(bench: Bench, scale: str, repeat: int) -> tuple[Timing, Timing, int, int]:
    """(store timing, raw timing, store peak bytes, rows) for one scale."""
    nodes, links = bench.rows(scale)
    ours_path, raw_path = bench.workdir / f"ingest-{scale}.db", bench.workdir / f"raw-{scale}.db"

    def setup() -> None:
        _fresh(ours_path)
        _fresh(raw_path)

    peak = peak_memory(lambda: store_write(ours_path, nodes, links), setup=setup)
    raw, ours = interleaved(
        [lambda: raw_write(raw_path, nodes, links), lambda: store_write(ours_path, nodes, links)],
        repeat=repeat,
        setup=setup,
    )
    _fresh(raw_path)
    bench.adopt_embedded(scale, ours_path)  # the last run's file serves the read measures
    return ours, raw, peak, len(nodes) + len(links)


def measure(bench: Bench) -> list[Row]:
    """Rows for the main scale, and for county (with its ratio to borough) when asked."""
    rows: list[Row] = []
    scale = bench.main_scale
    ours, raw, peak, count = ingest(bench, scale, bench.repeat)
    ratio = ours.median / raw.median
    rows.append(
        Row(
            f"Embedded ingest, {scale} ({count:,} rows), `SqliteStore.write`",
            f"{ours.spread()}, {rate(count, ours.median)}",
            f"raw `executemany`, bare tables: {seconds(raw.median)}",
            times(ratio),
            f"≤ {WITHIN_RAW:g}× raw",
            ratio <= WITHIN_RAW,
            megabytes(peak),
        )
    )
    if bench.scale != "county":
        return rows
    big, big_raw, big_peak, big_count = ingest(bench, "county", bench.heavy_repeat)
    big_ratio = big.median / big_raw.median
    rows.append(
        Row(
            f"Embedded ingest, county ({big_count:,} rows), `SqliteStore.write`",
            f"{big.spread()}, {rate(big_count, big.median)}",
            f"raw `executemany`, bare tables: {seconds(big_raw.median)}",
            times(big_ratio),
            f"≤ {WITHIN_RAW:g}× raw",
            big_ratio <= WITHIN_RAW,
            megabytes(big_peak),
        )
    )
    growth = big.median / ours.median
    rows.append(
        Row(
            f"Embedded ingest, county vs borough ({big_count / count:.1f}× the rows)",
            seconds(big.median),
            f"borough: {seconds(ours.median)}",
            times(growth),
            f"≤ {COUNTY_OVER_BOROUGH:g}× borough",
            growth <= COUNTY_OVER_BOROUGH,
        )
    )
    return rows
