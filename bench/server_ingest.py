"""Neo4j ingest: `Neo4jStore.write` against per-row MERGE and a hand-written UNWIND batch.

Both baselines use the plain driver on the same server, schema (the store's constraints and
indexes) and rows; properties are flattened as the store flattens them, anything nested as
JSON text. Per-row MERGE (one auto-commit transaction per row) is timed on a sample and
extrapolated: nodes and links separately, so the mix of the real data set is kept.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from typing import Any

import neo4j

from bench.context import ACTOR, Bench, Neo4jMissing
from bench.measure import (
    Row,
    clock,
    interleaved,
    megabytes,
    peak_memory,
    rate,
    seconds,
    times,
    unavailable,
)
from schemas.enums import LinkType, NodeLabel
from schemas.records import LinkRow, NodeRow

BATCH = 5000
OVER_PER_ROW = 20.0
WITHIN_UNWIND = 1.5

# Labels and types are interpolated from the schema enums only, as in graphdb/cypher.py.
ROW_NODE = "MERGE (n:Entity {id: $id}) SET n:{label}, n += $props"
ROW_LINK = """
MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target})
MERGE (a)-[r:{type} {id: $id}]->(b) SET r += $props
"""
BATCH_NODES = "UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n:{label}, n += row.props"
BATCH_LINKS = """
UNWIND $rows AS row
MATCH (a:Entity {id: row.source}) MATCH (b:Entity {id: row.target})
MERGE (a)-[r:{type} {id: row.id}]->(b) SET r += row.props
"""


def _label(template: str, label: NodeLabel) -> str:
    return template.replace("{label}", NodeLabel(label).value)


def _type(template: str, link_type: LinkType) -> str:
    return template.replace("{type}", LinkType(link_type).value)


def flat(properties: dict[str, Any]) -> dict[str, Any]:
    """Scalars and string lists as they are; anything else (e.g. `rag`) as JSON text."""
    out: dict[str, Any] = {}
    for key, value in properties.items():
        if isinstance(value, str | int | float | bool):
            out[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out[key] = value
        elif value is not None:
            out[key] = json.dumps(value, sort_keys=True)
    return out


def _node_param(n: NodeRow) -> dict[str, Any]:
    return {"id": n.id, "props": flat(n.properties)}


def _link_param(x: LinkRow) -> dict[str, Any]:
    return {"id": x.id, "source": x.source, "target": x.target, "props": flat(x.properties)}


def _batches(items: Sequence[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(items), BATCH):
        yield list(items[i : i + BATCH])


def _run_batch(tx: neo4j.ManagedTransaction, query: str, rows: list[dict[str, Any]]) -> None:
    tx.run(query, rows=rows).consume()


def unwind_write(driver: neo4j.Driver, nodes: list[NodeRow], links: list[LinkRow]) -> None:
    """The hand-written batch import: one label or type per statement, 5,000 rows a batch."""
    by_label: dict[NodeLabel, list[dict[str, Any]]] = {}
    for n in nodes:
        by_label.setdefault(n.label, []).append(_node_param(n))
    by_type: dict[LinkType, list[dict[str, Any]]] = {}
    for x in links:
        by_type.setdefault(x.type, []).append(_link_param(x))
    work = [(_label(BATCH_NODES, label), rows) for label, rows in sorted(by_label.items())]
    work += [(_type(BATCH_LINKS, t), rows) for t, rows in sorted(by_type.items())]
    with driver.session(database="neo4j") as session:
        for query, rows in work:
            for part in _batches(rows):
                session.execute_write(_run_batch, query, part)


def per_row_rates(
    driver: neo4j.Driver, nodes: list[NodeRow], links: list[LinkRow], sample: int
) -> tuple[float, float, int, int]:
    """(node rows/s, link rows/s, nodes sampled, links sampled), one auto-commit per row.

    Links need their ends: every node is loaded by UNWIND (untimed) before the link sample.
    """
    pick = random.Random(7)
    node_sample = pick.sample(nodes, min(len(nodes), sample // 2))
    link_sample = pick.sample(links, min(len(links), sample - len(node_sample)))
    with driver.session(database="neo4j") as session:
        node_time = clock(
            lambda: [
                session.run(_label(ROW_NODE, n.label), id=n.id, props=flat(n.properties)).consume()
                for n in node_sample
            ]
        )
    unwind_write(driver, nodes, [])
    with driver.session(database="neo4j") as session:
        link_time = clock(
            lambda: [
                session.run(_type(ROW_LINK, x.type), **_link_param(x)).consume()
                for x in link_sample
            ]
        )
    return (
        len(node_sample) / node_time,
        len(link_sample) / link_time,
        len(node_sample),
        len(link_sample),
    )


def measure(bench: Bench) -> list[Row]:
    scale = bench.main_scale
    title = f"Neo4j ingest, {scale}, `Neo4jStore.write` (one transaction)"
    try:
        store = bench.neo4j()
        uri, user, password = bench.neo4j_credentials()
    except Neo4jMissing as exc:
        return [unavailable(title, str(exc)), unavailable("Neo4j ingest vs per-row MERGE", "")]
    nodes, links = bench.rows(scale)
    count = len(nodes) + len(links)
    bench.neo4j_holds(None)
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        peak = peak_memory(lambda: store.write(nodes, links, actor=ACTOR), setup=store.wipe)
        store.wipe()
        node_rate, link_rate, n_sampled, l_sampled = per_row_rates(
            driver, nodes, links, bench.per_row_sample
        )
        unwind, ours = interleaved(
            [
                lambda: unwind_write(driver, nodes, links),
                lambda: store.write(nodes, links, actor=ACTOR),
            ],
            repeat=bench.repeat,
            setup=store.wipe,
        )
    bench.neo4j_holds(scale)  # the last run was ours
    per_row_time = len(nodes) / node_rate + len(links) / link_rate
    speedup = per_row_time / ours.median
    over_unwind = ours.median / unwind.median
    return [
        Row(
            f"{title} vs hand-written UNWIND",
            f"{ours.spread()}, {rate(count, ours.median)}",
            f"UNWIND + MERGE, 5,000-row batches: {seconds(unwind.median)}, "
            f"{rate(count, unwind.median)}",
            times(over_unwind),
            f"≤ {WITHIN_UNWIND:g}× UNWIND",
            over_unwind <= WITHIN_UNWIND,
            megabytes(peak) + " (client)",
        ),
        Row(
            f"Neo4j ingest, {scale}, `Neo4jStore.write` vs per-row MERGE",
            rate(count, ours.median),
            f"per-row MERGE, auto-commit: {rate(count, per_row_time)} "
            f"(≈ {seconds(per_row_time)}; extrapolated from {n_sampled:,} nodes at "
            f"{node_rate:,.0f}/s + {l_sampled:,} links at {link_rate:,.0f}/s)",
            times(speedup) + " faster",
            f"≥ {OVER_PER_ROW:g}× faster",
            speedup >= OVER_PER_ROW,
        ),
    ]
