"""Validated node and link rows as the stores take and return them (plain dataclasses, cheap)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from schemas.enums import LinkType, NodeLabel

JsonDict = dict[str, Any]


def canonical_json(properties: JsonDict) -> str:
    """One text per property set, so equal properties hash equal in every store."""
    return json.dumps(properties, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(properties: JsonDict) -> str:
    return text_hash(canonical_json(properties))


def text_hash(document: str) -> str:
    """The hash of an already canonical JSON text (saves encoding it twice)."""
    return hashlib.sha256(document.encode("utf-8")).hexdigest()[:32]


def derived_link_id(link_type: str, source: str, target: str, observed_from: object) -> str:
    """The id of a link given without one: source + type + target + observed_from (CONTRACTS §4)."""
    key = f"{source}|{link_type}|{target}|{observed_from or ''}"
    return "L-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class NodeRow:
    id: str
    label: NodeLabel
    properties: JsonDict


@dataclass(frozen=True, slots=True)
class LinkRow:
    id: str
    type: LinkType
    source: str
    target: str
    properties: JsonDict


@dataclass(frozen=True, slots=True)
class Meta:
    version: int
    created_at: str
    updated_at: str
    created_by: str
    updated_by: str


@dataclass(frozen=True, slots=True)
class StoredNode:
    id: str
    label: NodeLabel
    properties: JsonDict
    meta: Meta


@dataclass(frozen=True, slots=True)
class StoredLink:
    id: str
    type: LinkType
    source: str
    target: str
    properties: JsonDict
    meta: Meta


@dataclass(frozen=True, slots=True)
class Revision:
    """An earlier version of a node or link, kept when it was changed."""

    entity_id: str
    version: int
    properties: JsonDict
    changed_at: str
    changed_by: str


@dataclass(slots=True)
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self


@dataclass(frozen=True, slots=True)
class Subgraph:
    nodes: list[StoredNode] = field(default_factory=list)
    links: list[StoredLink] = field(default_factory=list)

    def node_ids(self) -> set[str]:
        return {n.id for n in self.nodes}
