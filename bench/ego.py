"""Two-hop ego network of the busiest person through `store.neighbourhood`, both stores.

The baseline is one hand-written query per store returning the same nodes and links as raw
rows (SQLite: a recursive CTE; Neo4j: one Cypher statement): the ratio is what the store's
portable breadth-first search and record decoding cost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import neo4j

from bench.context import Bench, Neo4jMissing
from bench.measure import Row, interleaved, megabytes, peak_memory, seconds, times, unavailable
from graphdb.base import GraphStore

HOPS = 2

SQL_REACH = """
WITH RECURSIVE reach(id, depth) AS (
    SELECT ?, 0
    UNION
    SELECT l.target, r.depth + 1 FROM reach r JOIN links l ON l.source = r.id WHERE r.depth < ?
    UNION
    SELECT l.source, r.depth + 1 FROM reach r JOIN links l ON l.target = r.id WHERE r.depth < ?
), ids(id) AS (SELECT DISTINCT id FROM reach)
"""
# Constants joined to constants; every value is a `?` parameter.
SQL_NODES = (
    SQL_REACH  # noqa: S608
    + "SELECT n.id, n.label, n.props FROM ids JOIN nodes n ON n.id = ids.id"
)
SQL_LINKS = (
    SQL_REACH  # noqa: S608
    + "SELECT l.id, l.type, l.source, l.target, l.props FROM ids "
    "JOIN links l ON l.source = ids.id WHERE l.target IN (SELECT id FROM ids)"
)
CYPHER_EGO = """
MATCH (s:Entity {id: $id})
OPTIONAL MATCH (s)-[*1..2]-(m:Entity)
WITH s, collect(DISTINCT m) AS around
WITH [s] + around AS ns
UNWIND ns AS a
OPTIONAL MATCH (a)-[r]->(b:Entity) WHERE b IN ns
RETURN a.id AS id, a._label AS label, a._doc AS doc,
       collect([r.id, type(r), b.id, r._doc]) AS links
"""


def sqlite_ego(path: Path, person: str) -> tuple[int, int]:
    """(nodes, links) of the two-hop ego network by raw SQL; rows are left undecoded."""
    conn = sqlite3.connect(path)
    try:
        params = (person, HOPS, HOPS)
        nodes = conn.execute(SQL_NODES, params).fetchall()
        links = conn.execute(SQL_LINKS, params).fetchall()
        return len(nodes), len(links)
    finally:
        conn.close()


def cypher_ego(driver: neo4j.Driver, person: str) -> tuple[int, int]:
    """(nodes, links) of the two-hop ego network by one Cypher statement."""
    records, _, _ = driver.execute_query(
        CYPHER_EGO, id=person, database_="neo4j", routing_=neo4j.RoutingControl.READ
    )
    links = {link[0] for r in records for link in r["links"] if link[0] is not None}
    return len(records), len(links)


def _row(
    name: str, store: GraphStore, person: str, baseline: Callable[[], tuple[int, int]], repeat: int
) -> Row:
    sub = store.neighbourhood(person, hops=HOPS)
    same = baseline() == (len(sub.nodes), len(sub.links))
    peak = peak_memory(lambda: store.neighbourhood(person, hops=HOPS))
    ours, base = interleaved(
        [lambda: store.neighbourhood(person, hops=HOPS), baseline], repeat=repeat
    )
    check = "same rows" if same else "**different rows**"
    return Row(
        f"Ego network, {HOPS} hops around {person} ({len(sub.nodes):,} nodes, "
        f"{len(sub.links):,} links), {name} `neighbourhood`",
        ours.spread(),
        f"one hand-written query: {seconds(base.median)} ({check})",
        times(ours.median / base.median),
        "—",
        None,
        megabytes(peak),
    )


def measure(bench: Bench) -> list[Row]:
    scale = bench.main_scale
    person = bench.busiest_person(scale)
    store = bench.embedded(scale)
    rows = [
        _row(
            "embedded",
            store,
            person,
            lambda: sqlite_ego(Path(store.path), person),
            bench.repeat,
        )
    ]
    try:
        server = bench.neo4j_loaded(scale)
        uri, user, password = bench.neo4j_credentials()
    except Neo4jMissing as exc:
        return [*rows, unavailable(f"Ego network, {HOPS} hops, Neo4j", str(exc))]
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        rows.append(_row("Neo4j", server, person, lambda: cypher_ego(driver, person), bench.repeat))
    return rows
