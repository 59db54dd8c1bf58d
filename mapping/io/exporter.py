"""Export the store as JSON Lines (round-trips through import), CSV or GraphML."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graphdb.base import GraphStore
from mapping.io.pseudonymise import pseudonymise_link, pseudonymise_node
from schemas.interchange import link_record, node_record
from schemas.records import LinkRow, NodeRow

FORMATS = ("jsonl", "csv", "graphml")


@dataclass(frozen=True, slots=True)
class ExportResult:
    nodes: int
    links: int
    path: Path


def _rows(
    store: GraphStore, pseudonym_key: bytes | None
) -> tuple[Iterator[NodeRow], Iterator[LinkRow]]:
    def nodes() -> Iterator[NodeRow]:
        for n in store.iter_nodes():
            props = n.properties
            if pseudonym_key is not None:
                props = pseudonymise_node(str(n.label), n.id, props, pseudonym_key)
            yield NodeRow(n.id, n.label, props)

    def links() -> Iterator[LinkRow]:
        for x in store.iter_links():
            props = pseudonymise_link(x.properties) if pseudonym_key is not None else x.properties
            yield LinkRow(x.id, x.type, x.source, x.target, props)

    return nodes(), links()


def _flat(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def export_store(
    store: GraphStore, path: Path, *, fmt: str = "jsonl", pseudonym_key: bytes | None = None
) -> ExportResult:
    """Write everything in the store to `path` (a folder for csv); returns the counts."""
    nodes, links = _rows(store, pseudonym_key)
    if fmt == "jsonl":
        n_nodes = n_links = 0
        with path.open("w", encoding="utf-8") as handle:
            for node in nodes:
                handle.write(json.dumps(node_record(node), ensure_ascii=False) + "\n")
                n_nodes += 1
            for link in links:
                handle.write(json.dumps(link_record(link), ensure_ascii=False) + "\n")
                n_links += 1
        return ExportResult(n_nodes, n_links, path)
    if fmt == "csv":
        path.mkdir(parents=True, exist_ok=True)
        node_list, link_list = list(nodes), list(links)
        _write_csv(
            path / "nodes.csv",
            ["label", "id"],
            [{"label": str(n.label), "id": n.id, **n.properties} for n in node_list],
        )
        _write_csv(
            path / "links.csv",
            ["type", "id", "source", "target"],
            [
                {
                    "type": str(x.type),
                    "id": x.id,
                    "source": x.source,
                    "target": x.target,
                    **x.properties,
                }
                for x in link_list
            ],
        )
        return ExportResult(len(node_list), len(link_list), path)
    if fmt == "graphml":
        G = nx.MultiDiGraph()
        for node in nodes:
            G.add_node(
                node.id, label=str(node.label), **{k: _flat(v) for k, v in node.properties.items()}
            )
        for link in links:
            G.add_edge(
                link.source,
                link.target,
                key=link.id,
                id=link.id,
                type=str(link.type),
                **{k: _flat(v) for k, v in link.properties.items()},
            )
        nx.write_graphml(G, path)
        return ExportResult(G.number_of_nodes(), G.number_of_edges(), path)
    raise ValueError(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")


def _write_csv(path: Path, keys: list[str], rows: list[dict[str, Any]]) -> None:
    extra = sorted({k for row in rows for k in row} - set(keys))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=keys + extra)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(v) for k, v in row.items()})
