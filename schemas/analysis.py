"""Typed analytics results: the CONTRACTS §5 report and the app's network views (no logic).

Every list item carries a plain-English ``why``: analytics suggest, people decide. Field names
of §5 are fixed; the extra fields here are additions only.
"""

from __future__ import annotations

from pydantic import Field

from schemas.common import Model


class GraphSummary(Model):
    """What was analysed: node and link counts after the filters, and the filters themselves."""

    nodes: int = Field(ge=0)
    links: int = Field(ge=0)
    since: str | None = None
    until: str | None = None
    persons: int = Field(default=0, ge=0)
    person_links: int = Field(default=0, ge=0)
    as_of: str | None = None
    window_days: int = 7
    facts_only: bool = False
    min_grading: str | None = None
    modularity: float = 0.0
    approximate_betweenness: bool = False


class Broker(Model):
    id: str
    label: str
    name: str
    betweenness: float = Field(ge=0.0, le=1.0)
    degree: int = Field(ge=0)
    why: str
    eigenvector: float = Field(default=0.0, ge=0.0, le=1.0)
    approximate: bool = False
    peer_groups_linked: int = Field(default=0, ge=0)


class PeerGroup(Model):
    group: int = Field(ge=0)
    members: list[str]
    size: int = Field(ge=0)
    categories: dict[str, int] = Field(default_factory=dict)
    why: str = ""
    dominant: list[str] = Field(default_factory=list)
    children: int = Field(default=0, ge=0)
    persons_of_concern: int = Field(default=0, ge=0)


class Hotspot(Model):
    id: str
    name: str
    score: float = Field(ge=0.0)
    children: int = Field(ge=0)
    incidents: int = Field(ge=0)
    why: str
    location_type: str | None = None
    high_rag_children: int = Field(default=0, ge=0)
    recent_incidents: int = Field(default=0, ge=0)
    persons_of_concern: int = Field(default=0, ge=0)
    incident_weight: float = Field(default=0.0, ge=0.0)


class CoLocation(Model):
    a: str
    b: str
    location: str
    times: int = Field(ge=1)
    first: str
    last: str
    why: str = ""
    location_name: str | None = None


class AtRisk(Model):
    id: str
    via: list[str]
    hops: int = Field(ge=1, le=2)
    why: str
    score: float = Field(default=0.0, ge=0.0)
    name: str | None = None
    sources: list[str] = Field(default_factory=list)


class Duplicate(Model):
    a: str
    b: str
    similarity: float = Field(ge=0.0, le=1.0)
    why: str
    same_date_of_birth: bool = False
    alias_match: bool = False


class CommonChild(Model):
    id: str
    panels: list[str]
    why: str = ""
    name: str | None = None


class AnalysisReport(Model):
    """The whole `analyse --json` object of CONTRACTS §5."""

    graph: GraphSummary
    brokers: list[Broker] = Field(default_factory=list)
    peer_groups: list[PeerGroup] = Field(default_factory=list)
    hotspots: list[Hotspot] = Field(default_factory=list)
    co_location: list[CoLocation] = Field(default_factory=list)
    at_risk_by_association: list[AtRisk] = Field(default_factory=list)
    possible_duplicates: list[Duplicate] = Field(default_factory=list)
    common_children: list[CommonChild] = Field(default_factory=list)


# -- the app's network views ---------------------------------------------------------------
class EgoNetwork(Model):
    """A person's neighbourhood, kept small: expansion stops at nodes past the neighbour cap."""

    center: str
    hops: int = Field(ge=0)
    nodes: list[str]
    edges: list[tuple[str, str]]
    truncated: bool = False
    capped: list[str] = Field(default_factory=list)
    why: str = ""


class CoreSummary(Model):
    """Triangles and k-core membership: how tightly knit the people around someone are."""

    triangles: dict[str, int] = Field(default_factory=dict)
    core_number: dict[str, int] = Field(default_factory=dict)
    k: int = Field(default=0, ge=0)
    k_core: list[str] = Field(default_factory=list)


class ChronologyEntry(Model):
    date: str | None
    kind: str
    link_id: str | None = None
    other_id: str | None = None
    other_label: str | None = None
    detail: str = ""


class PlaceCount(Model):
    """A location (or person) and how many distinct linked records put someone there."""

    id: str
    name: str
    count: int = Field(ge=0)
    people: list[str] = Field(default_factory=list)


__all__ = [
    "AnalysisReport",
    "AtRisk",
    "Broker",
    "ChronologyEntry",
    "CoLocation",
    "CommonChild",
    "CoreSummary",
    "Duplicate",
    "EgoNetwork",
    "GraphSummary",
    "Hotspot",
    "PeerGroup",
    "PlaceCount",
]
