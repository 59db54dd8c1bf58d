"""The GraphStore interface every backend implements, with the logic they share.

Backends implement a few primitives (`_apply`, `_existing`, `get_nodes`, `links_of`, …);
traversals and write planning live here so both stores give the same answers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from graphdb.errors import IntegrityError
from graphdb.terms import SearchField
from schemas.audit import AuditEntry
from schemas.enums import LinkType, NodeLabel
from schemas.records import (
    LinkRow,
    NodeRow,
    Revision,
    StoredLink,
    StoredNode,
    Subgraph,
    UpsertResult,
    canonical_json,
    text_hash,
)


@dataclass(frozen=True, slots=True)
class Existing:
    """What a store already holds for an id: enough to plan an upsert."""

    label: str
    hash: str
    version: int


@dataclass(slots=True)
class WritePlan:
    """Rows split into new, changed and unchanged, each with its hash and canonical JSON."""

    create: list[tuple[NodeRow | LinkRow, str, str]] = field(default_factory=list)
    update: list[tuple[NodeRow | LinkRow, str, str]] = field(default_factory=list)
    unchanged: int = 0

    def result(self) -> UpsertResult:
        return UpsertResult(len(self.create), len(self.update), self.unchanged)


@dataclass(frozen=True, slots=True)
class WriteResult:
    nodes: UpsertResult
    links: UpsertResult


def plan_writes(
    rows: Sequence[NodeRow] | Sequence[LinkRow], existing: dict[str, Existing]
) -> WritePlan:
    """Split rows against what exists; a repeated id in one batch keeps its last version."""
    plan = WritePlan()
    latest: dict[str, NodeRow | LinkRow] = {row.id: row for row in rows}
    for row in latest.values():
        kind = str(row.label) if isinstance(row, NodeRow) else str(row.type)
        document = canonical_json(row.properties)
        digest = text_hash(document)
        found = existing.get(row.id)
        if found is None:
            plan.create.append((row, digest, document))
        elif found.label != kind:
            raise IntegrityError(f"id {row.id} already exists as {found.label}, not {kind}")
        elif found.hash == digest:
            plan.unchanged += 1
        else:
            plan.update.append((row, digest, document))
    plan.unchanged += len(rows) - len(latest)
    return plan


class GraphStore(ABC):
    """One interface over the embedded SQLite store and the Neo4j server store."""

    name: str = "store"

    # -- lifecycle ------------------------------------------------------------------------
    @abstractmethod
    def init(self) -> None:
        """Create schema, constraints and indexes; idempotent."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def wipe(self) -> None:
        """Delete every node, link, revision and audit entry (tests and demo reloads only)."""

    @abstractmethod
    def revision(self) -> str:
        """A token that changes whenever a node or link is written (for caching reads).

        It also changes when the store is wiped, and names the store, so two stores never
        share a token.
        """

    # -- writes ---------------------------------------------------------------------------
    @abstractmethod
    def write(
        self, nodes: Sequence[NodeRow], links: Sequence[LinkRow], *, actor: str
    ) -> WriteResult:
        """Upsert nodes then links in one transaction, idempotent on id; all or nothing.

        A changed record keeps its previous version as a revision. A link whose ends are
        neither in the batch nor in the store raises IntegrityError and writes nothing.
        """

    @abstractmethod
    def update_node(
        self,
        node_id: str,
        properties: dict[str, object],
        *,
        actor: str,
        expected_version: int | None = None,
    ) -> StoredNode:
        """Replace one node's properties (already validated), keeping the old version.

        Raises NotFound, or Conflict when `expected_version` is not the current version.
        """

    # -- reads ----------------------------------------------------------------------------
    @abstractmethod
    def get_nodes(self, node_ids: Iterable[str]) -> dict[str, StoredNode]: ...

    def get_node(self, node_id: str) -> StoredNode | None:
        return self.get_nodes([node_id]).get(node_id)

    @abstractmethod
    def get_link(self, link_id: str) -> StoredLink | None: ...

    @abstractmethod
    def history(self, entity_id: str) -> list[Revision]:
        """Earlier versions of a node or link, oldest first."""

    @abstractmethod
    def _find_ids(self, prefixes: list[tuple[str, str]], limit: int) -> set[str]:
        """Ids of nodes with a search term starting with one of the (field, prefix) pairs."""

    def find(
        self,
        text: str,
        *,
        field: SearchField = SearchField.ANY,
        labels: Iterable[NodeLabel] | None = None,
        limit: int = 20,
    ) -> list[StoredNode]:
        """Nodes whose name, alias, phone or vehicle starts with `text` (case/accent-blind)."""
        from graphdb.terms import query_prefixes, search_terms

        prefixes = query_prefixes(text, field)
        if not prefixes:
            return []
        wanted = set(labels) if labels else None
        found = self.get_nodes(self._find_ids(prefixes, limit=2000))
        hits = [n for n in found.values() if wanted is None or n.label in wanted]

        def rank(node: StoredNode) -> tuple[int, str, str]:
            terms = search_terms(node.label, node.properties)
            exact = any((f, p) in terms for f, p in prefixes)
            return (0 if exact else 1, str(node.label), node.id)

        return sorted(hits, key=rank)[:limit]

    @abstractmethod
    def links_of(
        self, node_ids: Iterable[str], *, types: Iterable[LinkType] | None = None
    ) -> list[StoredLink]:
        """Every link with either end in `node_ids`, sorted by id."""

    @abstractmethod
    def existing(self, ids: Iterable[str]) -> dict[str, Existing]:
        """Label or type, hash and version of the ids that exist (nodes and links alike)."""

    @abstractmethod
    def iter_nodes(self, labels: Iterable[NodeLabel] | None = None) -> Iterator[StoredNode]:
        """Every node (of the labels), in id order."""

    @abstractmethod
    def iter_links(self, types: Iterable[LinkType] | None = None) -> Iterator[StoredLink]:
        """Every link (of the types), in id order."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Number of nodes per label and links per type (only those present)."""

    # -- audit ----------------------------------------------------------------------------
    @abstractmethod
    def append_audit(self, entry: AuditEntry) -> None:
        """Append one entry to the append-only audit trail."""

    @abstractmethod
    def audit_entries(self, *, since: str | None = None) -> list[AuditEntry]:
        """Audit entries at or after `since` (ISO date or time), oldest first."""

    # -- side documents (accounts, access requests, settings: not part of the graph) --------
    @abstractmethod
    def put_document(
        self, kind: str, key: str, doc: dict[str, object], *, expected_version: int | None = None
    ) -> int:
        """Insert or replace a document; returns its new version.

        `expected_version=0` means "must not exist yet"; a mismatch raises Conflict.
        """

    @abstractmethod
    def get_document(self, kind: str, key: str) -> tuple[dict[str, object], int] | None:
        """The document and its version, or None."""

    @abstractmethod
    def list_documents(self, kind: str) -> list[tuple[str, dict[str, object]]]:
        """(key, document) pairs of one kind, sorted by key."""

    # -- shared traversals ----------------------------------------------------------------
    def subgraph(
        self,
        *,
        labels: Iterable[NodeLabel] | None = None,
        types: Iterable[LinkType] | None = None,
    ) -> Subgraph:
        """Nodes of the labels and the links of the types between them (for analytics)."""
        nodes = list(self.iter_nodes(labels))
        ids = {n.id for n in nodes}
        links = [
            link for link in self.iter_links(types) if link.source in ids and link.target in ids
        ]
        return Subgraph(nodes, links)

    def neighbourhood(
        self,
        node_id: str,
        *,
        hops: int = 1,
        types: Iterable[LinkType] | None = None,
        labels: Iterable[NodeLabel] | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Subgraph:
        """The node, everything within `hops` links of it, and the links among them.

        Links outside the [since, until] window (by observed dates) are not followed; nodes
        of other `labels` are not entered.
        """
        from schemas.links import link_in_window

        start = self.get_node(node_id)
        if start is None:
            return Subgraph()
        wanted = set(labels) if labels else None
        type_list = list(types) if types else None
        nodes = {start.id: start}
        kept: dict[str, StoredLink] = {}
        frontier = {start.id}
        for _ in range(max(0, hops)):
            if not frontier:
                break
            candidates = [
                link
                for link in self.links_of(frontier, types=type_list)
                if link_in_window(link.properties, since, until)
            ]
            ends = {e for link in candidates for e in (link.source, link.target)} - nodes.keys()
            fresh = {
                n.id: n
                for n in self.get_nodes(ends).values()
                if wanted is None or n.label in wanted
            }
            nodes.update(fresh)
            for link in candidates:
                if link.source in nodes and link.target in nodes:
                    kept[link.id] = link
            frontier = set(fresh)
        for link in self.links_of(frontier, types=type_list):
            if (
                link.source in nodes
                and link.target in nodes
                and link_in_window(link.properties, since, until)
            ):
                kept[link.id] = link
        return Subgraph(
            sorted(nodes.values(), key=lambda n: n.id), sorted(kept.values(), key=lambda x: x.id)
        )

    def shortest_paths(
        self,
        source_id: str,
        target_id: str,
        *,
        max_hops: int = 4,
        types: Iterable[LinkType] | None = None,
    ) -> list[list[str]]:
        """Every shortest path (node ids) of at most `max_hops` links, sorted; [] if none."""
        if source_id == target_id:
            return [[source_id]] if self.get_node(source_id) else []
        type_list = list(types) if types else None
        parents: dict[str, set[str]] = {source_id: set()}
        frontier = {source_id}
        for _ in range(max_hops):
            nxt: dict[str, set[str]] = {}
            for link in self.links_of(frontier, types=type_list):
                for a, b in ((link.source, link.target), (link.target, link.source)):
                    if a in frontier and b not in parents:
                        nxt.setdefault(b, set()).add(a)
            if not nxt:
                return []
            parents.update(nxt)
            if target_id in nxt:
                return sorted(_unwind(parents, target_id))
            frontier = set(nxt)
        return []


def _unwind(parents: dict[str, set[str]], node: str) -> list[list[str]]:
    if not parents[node]:
        return [[node]]
    return [path + [node] for p in sorted(parents[node]) for path in _unwind(parents, p)]
