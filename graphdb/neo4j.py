"""The Neo4j server store (5.26 LTS; single server, cluster via neo4j://, or Aura).

Each node is stored with its properties flattened (scalars and lists, for Bloom and Cypher
users) plus `_doc`, the exact JSON of its properties, so both stores return identical records.
"""

from __future__ import annotations

import heapq
import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors

from graphdb import cypher
from graphdb.base import Existing, GraphStore, WriteResult, plan_writes
from graphdb.errors import Conflict, IntegrityError, NotFound, StoreError, StoreUnavailable
from graphdb.terms import search_terms
from schemas.audit import AuditEntry, utc_now
from schemas.enums import LinkType, NodeLabel
from schemas.records import (
    LinkRow,
    Meta,
    NodeRow,
    Revision,
    StoredLink,
    StoredNode,
    canonical_json,
    text_hash,
)

BATCH = 5000
T = TypeVar("T")
_seq = itertools.count()


@contextmanager
def _translated() -> Iterator[None]:
    """Driver exceptions become our own error types at this boundary."""
    try:
        yield
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
        raise StoreUnavailable("the Neo4j server cannot be reached; try again shortly") from exc
    except neo4j_errors.AuthError as exc:
        raise StoreUnavailable(
            "Neo4j refused the credentials (NEO4J_USER / NEO4J_PASSWORD)"
        ) from exc
    except neo4j_errors.ConstraintError as exc:
        raise IntegrityError(f"Neo4j constraint violated: {exc.message}") from exc
    except neo4j_errors.Neo4jError as exc:
        raise StoreError(f"Neo4j error {exc.code}") from exc
    except neo4j_errors.DriverError as exc:
        raise StoreUnavailable(f"Neo4j driver error: {exc}") from exc


def _flat(properties: dict[str, Any]) -> dict[str, Any]:
    """Scalars and homogeneous scalar lists, as Neo4j can store them natively."""
    flat: dict[str, Any] = {}
    for key, value in properties.items():
        if isinstance(value, str | int | float | bool):
            flat[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            flat[key] = value
    return flat


def _node_params(row: NodeRow, digest: str, document: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "flat": _flat(row.properties),
        "doc": document,
        "hash": digest,
        "terms": [f"{f}:{t}" for f, t in search_terms(row.label, row.properties)],
    }


def _link_params(row: LinkRow, digest: str, document: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "source": row.source,
        "target": row.target,
        "flat": _flat(row.properties),
        "doc": document,
        "hash": digest,
    }


def _meta(r: dict[str, Any]) -> Meta:
    return Meta(r["version"], r["created_at"], r["updated_at"], r["created_by"], r["updated_by"])


def _node(r: dict[str, Any]) -> StoredNode:
    return StoredNode(r["id"], NodeLabel(r["label"]), json.loads(r["doc"]), _meta(r))


def _link(r: dict[str, Any]) -> StoredLink:
    return StoredLink(
        r["id"], LinkType(r["type"]), r["source"], r["target"], json.loads(r["doc"]), _meta(r)
    )


def _batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Neo4jStore(GraphStore):
    """GraphStore on a Neo4j 5 server through the official driver."""

    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.uri = uri
        self.database = database
        with _translated():
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_acquisition_timeout=30,
                notifications_min_severity="OFF",
            )

    # -- plumbing -------------------------------------------------------------------------
    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        with _translated():
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.database, routing_=neo4j.RoutingControl.READ
            )
        return [r.data() for r in records]

    def _write_tx(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with _translated(), self._driver.session(database=self.database) as session:
            return session.execute_write(work)

    def revision(self) -> str:
        rows = self._read(cypher.REVISION)
        state = f"{rows[0]['epoch']}:{rows[0]['value']}" if rows else "empty"
        return f"neo4j:{self.uri}/{self.database}:{state}"

    def ping(self) -> None:
        self._read(cypher.PING)

    # -- lifecycle ------------------------------------------------------------------------
    def init(self) -> None:
        with _translated(), self._driver.session(database=self.database) as session:
            for statement in cypher.CONSTRAINTS:
                session.run(statement).consume()
            for link_type in LinkType:
                session.run(cypher.for_type(cypher.LINK_INDEX, link_type)).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    def close(self) -> None:
        self._driver.close()

    def wipe(self) -> None:
        with _translated(), self._driver.session(database=self.database) as session:
            session.run(cypher.WIPE).consume()

    # -- writes ---------------------------------------------------------------------------
    def _existing_tx(
        self, tx: neo4j.ManagedTransaction, ids: list[str], types: Iterable[LinkType]
    ) -> dict[str, Existing]:
        found: dict[str, Existing] = {}
        for part in _batches(ids):
            ids_part = list(part)
            for r in tx.run(cypher.EXISTING_NODES, ids=ids_part):
                found[r["id"]] = Existing(r["kind"], r["hash"], r["version"])
            for link_type in types:
                query = cypher.for_type(cypher.EXISTING_LINKS, link_type)
                for r in tx.run(query, ids=ids_part):
                    found[r["id"]] = Existing(r["kind"], r["hash"], r["version"])
        return found

    def _existing_links_tx(
        self, tx: neo4j.ManagedTransaction, links: Sequence[LinkRow]
    ) -> dict[str, Existing]:
        """Existing links, each id looked up only under its own type's index."""
        by_type: dict[LinkType, list[str]] = {}
        for link in links:
            by_type.setdefault(link.type, []).append(link.id)
        found: dict[str, Existing] = {}
        for link_type, ids in sorted(by_type.items()):
            query = cypher.for_type(cypher.EXISTING_LINKS, link_type)
            for part in _batches(ids):
                for r in tx.run(query, ids=list(part)):
                    found[r["id"]] = Existing(r["kind"], r["hash"], r["version"])
        return found

    def existing(self, ids: Iterable[str]) -> dict[str, Existing]:
        id_list = list(ids)
        return self._write_tx(lambda tx: self._existing_tx(tx, id_list, list(LinkType)))

    def write(
        self, nodes: Sequence[NodeRow], links: Sequence[LinkRow], *, actor: str
    ) -> WriteResult:
        now = utc_now()

        def work(tx: neo4j.ManagedTransaction) -> WriteResult:
            node_plan = plan_writes(nodes, self._existing_tx(tx, [n.id for n in nodes], []))
            for template, pairs in (
                (cypher.CREATE_NODES, node_plan.create),
                (cypher.UPDATE_NODES, node_plan.update),
            ):
                by_label: dict[NodeLabel, list[dict[str, Any]]] = {}
                for row, digest, document in pairs:
                    assert isinstance(row, NodeRow)
                    by_label.setdefault(row.label, []).append(_node_params(row, digest, document))
                for label, rows in sorted(by_label.items()):
                    for part in _batches(rows):
                        tx.run(
                            cypher.for_label(template, label),
                            rows=list(part),
                            label=str(label),
                            now=now,
                            actor=actor,
                        ).consume()
            link_plan = plan_writes(links, self._existing_links_tx(tx, links))
            ends = sorted({e for x in links for e in (x.source, x.target)})
            for id_part in _batches(ends):
                missing = [r["id"] for r in tx.run(cypher.MISSING_NODES, ids=list(id_part))]
                if missing:
                    culprit = next(x for x in links if missing[0] in (x.source, x.target))
                    raise IntegrityError(f"link {culprit.id}: no node with id {missing[0]}")
            for template, pairs in (
                (cypher.CREATE_LINKS, link_plan.create),
                (cypher.UPDATE_LINKS, link_plan.update),
            ):
                by_type: dict[LinkType, list[dict[str, Any]]] = {}
                for row, digest, document in pairs:
                    assert isinstance(row, LinkRow)
                    by_type.setdefault(row.type, []).append(_link_params(row, digest, document))
                for link_type, rows in sorted(by_type.items()):
                    for part in _batches(rows):
                        tx.run(
                            cypher.for_type(template, link_type),
                            rows=list(part),
                            now=now,
                            actor=actor,
                        ).consume()
            if node_plan.create or node_plan.update or link_plan.create or link_plan.update:
                tx.run(cypher.BUMP_REVISION).consume()
            return WriteResult(node_plan.result(), link_plan.result())

        return self._write_tx(work)

    def update_node(
        self,
        node_id: str,
        properties: dict[str, object],
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> StoredNode:
        def work(tx: neo4j.ManagedTransaction) -> None:
            record = tx.run(cypher.NODE_VERSION, id=node_id).single()
            if record is None:
                raise NotFound(f"no node with id {node_id}")
            if expected_version is not None and record["version"] != expected_version:
                raise Conflict.stale(node_id, record["version"], expected_version)
            label = NodeLabel(record["label"])
            row = NodeRow(node_id, label, dict(properties))
            document = canonical_json(row.properties)
            params = _node_params(row, text_hash(document), document)
            tx.run(
                cypher.for_label(cypher.UPDATE_NODES, label),
                rows=[params],
                now=utc_now(),
                actor=actor,
            ).consume()
            tx.run(cypher.BUMP_REVISION).consume()

        self._write_tx(work)
        stored = self.get_node(node_id)
        assert stored is not None
        return stored

    # -- reads ----------------------------------------------------------------------------
    def get_nodes(self, node_ids: Iterable[str]) -> dict[str, StoredNode]:
        ids = list(dict.fromkeys(node_ids))
        found: dict[str, StoredNode] = {}
        for part in _batches(ids):
            found.update((r["id"], _node(r)) for r in self._read(cypher.GET_NODES, ids=list(part)))
        return found

    def get_link(self, link_id: str) -> StoredLink | None:
        for link_type in LinkType:
            rows = self._read(cypher.for_type(cypher.GET_LINK, link_type), id=link_id)
            if rows:
                return _link(rows[0])
        return None

    def history(self, entity_id: str) -> list[Revision]:
        return [
            Revision(
                r["entity_id"], r["version"], json.loads(r["doc"]), r["changed_at"], r["changed_by"]
            )
            for r in self._read(cypher.HISTORY, id=entity_id)
        ]

    def _find_ids(self, prefixes: list[tuple[str, str]], limit: int) -> set[str]:
        wanted = [f"{field}:{prefix}" for field, prefix in prefixes]
        return {r["id"] for r in self._read(cypher.FIND, prefixes=wanted, limit=limit)}

    def links_of(
        self, node_ids: Iterable[str], *, types: Iterable[LinkType] | None = None
    ) -> list[StoredLink]:
        ids = list(dict.fromkeys(node_ids))
        type_list = [str(t) for t in types] if types else None
        found: dict[str, StoredLink] = {}
        for part in _batches(ids, 2000):
            for r in self._read(cypher.LINKS_OF, ids=list(part), types=type_list):
                found[r["id"]] = _link(r)
        return [found[k] for k in sorted(found)]

    def iter_nodes(self, labels: Iterable[NodeLabel] | None = None) -> Iterator[StoredNode]:
        wanted = [str(label) for label in labels] if labels else None
        after = ""
        while True:
            rows = self._read(cypher.ITER_NODES, after=after, labels=wanted, page=BATCH)
            yield from (_node(r) for r in rows)
            if len(rows) < BATCH:
                return
            after = rows[-1]["id"]

    def iter_links(self, types: Iterable[LinkType] | None = None) -> Iterator[StoredLink]:
        wanted = sorted(set(types)) if types else list(LinkType)
        streams = [
            sorted(
                (_link(r) for r in self._read(cypher.for_type(cypher.ITER_LINKS, t))),
                key=lambda x: x.id,
            )
            for t in wanted
        ]
        yield from heapq.merge(*streams, key=lambda x: x.id)

    def counts(self) -> dict[str, int]:
        rows = self._read(cypher.COUNT_NODES) + self._read(cypher.COUNT_LINKS)
        return {str(r["kind"]): int(r["n"]) for r in sorted(rows, key=lambda r: str(r["kind"]))}

    def shortest_paths(
        self,
        source_id: str,
        target_id: str,
        *,
        max_hops: int = 4,
        types: Iterable[LinkType] | None = None,
    ) -> list[list[str]]:
        """Native `allShortestPaths`; the contract suite checks it agrees with the BFS."""
        if source_id == target_id:
            return [[source_id]] if self.get_node(source_id) else []
        hops = max(1, min(int(max_hops), 10))
        query = cypher.SHORTEST_PATHS.replace("{max_hops}", str(hops))
        type_list = [str(t) for t in types] if types else None
        rows = self._read(query, source=source_id, target=target_id, types=type_list)
        return [list(p) for p in sorted({tuple(r["ids"]) for r in rows})]

    # -- documents ------------------------------------------------------------------------
    def put_document(
        self, kind: str, key: str, doc: dict[str, object], *, expected_version: int | None = None
    ) -> int:
        def work(tx: neo4j.ManagedTransaction) -> int:
            record = tx.run(cypher.DOCUMENT_VERSION, kind=kind, key=key).single()
            current = int(record["version"]) if record else 0
            if expected_version is not None and current != expected_version:
                raise Conflict(f"{kind} {key} was changed by someone else; reload and try again")
            tx.run(
                cypher.PUT_DOCUMENT,
                kind=kind,
                key=key,
                doc=canonical_json(doc),
                version=current + 1,
            ).consume()
            return current + 1

        return self._write_tx(work)

    def get_document(self, kind: str, key: str) -> tuple[dict[str, object], int] | None:
        rows = self._read(cypher.GET_DOCUMENT, kind=kind, key=key)
        return (json.loads(rows[0]["doc"]), int(rows[0]["version"])) if rows else None

    def list_documents(self, kind: str) -> list[tuple[str, dict[str, object]]]:
        return [
            (r["key"], json.loads(r["doc"])) for r in self._read(cypher.LIST_DOCUMENTS, kind=kind)
        ]

    # -- audit ----------------------------------------------------------------------------
    def append_audit(self, entry: AuditEntry) -> None:
        params = entry.model_dump()
        params["seq"] = time.monotonic_ns() * 1000 + next(_seq) % 1000
        self._write_tx(lambda tx: tx.run(cypher.APPEND_AUDIT, **params).consume())

    def audit_entries(self, *, since: str | None = None) -> list[AuditEntry]:
        return [AuditEntry(**r) for r in self._read(cypher.AUDIT_ENTRIES, since=since or "")]
