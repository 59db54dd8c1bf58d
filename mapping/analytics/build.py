"""Store data → NetworkX graphs: the one place analytics graphs are built (no measures here).

The store is read once (`read_store`) into an `AnalysisData` snapshot, filtered by date window,
basis and grading; every graph is then built from that snapshot with node ids as keys, added in
sorted order so that the same data always gives the same graph, in every backend.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from graphdb.base import GraphStore
from schemas.enums import GANG_TYPES, PERSON_LABELS, LinkType, NodeLabel
from schemas.links import link_date, link_in_window
from schemas.nodes import display_name
from schemas.records import StoredLink, StoredNode, Subgraph

ANALYSED_LABELS = (
    NodeLabel.CHILD,
    NodeLabel.PERSON_OF_CONCERN,
    NodeLabel.LOCATION,
    NodeLabel.GROUP,
    NodeLabel.INCIDENT,
)
ANALYSED_TYPES = (
    LinkType.ASSOCIATES_WITH,
    LinkType.CONCERN_FOR,
    LinkType.MEMBER_OF,
    LinkType.SEEN_AT,
    LinkType.FREQUENTS,
    LinkType.LIVES_AT,
    LinkType.PLACED_AT,
    LinkType.INVOLVED_IN,
    LinkType.OCCURRED_AT,
)
PERSON_TYPES = frozenset({LinkType.ASSOCIATES_WITH, LinkType.CONCERN_FOR})
PLACE_TYPES = frozenset({LinkType.SEEN_AT, LinkType.FREQUENTS, LinkType.LIVES_AT})
MAX_GROUP_CLIQUE = 250
"""Groups larger than this add no co-membership edges (a 1,000-strong list is not a tie)."""

_MIN_GRADING = re.compile(r"^([1-3])-([A-E])(?:-[PC])?$")


@dataclass(frozen=True, slots=True)
class Filters:
    """Which links count: observed in [since, until], facts only, at least a grading.

    `min_grading` is `S-I` or `S-I-H` (e.g. ``"2-B"``): a link passes when its source
    evaluation is at most S and its assessment at most I (1 and A are best); ungraded links
    fail once a minimum is set.
    """

    since: str | None = None
    until: str | None = None
    facts_only: bool = False
    min_grading: str | None = None

    def __post_init__(self) -> None:
        if self.min_grading is not None and not _MIN_GRADING.match(self.min_grading):
            raise ValueError("min_grading: must be S-I or S-I-H from the 3x5x2 scale, e.g. 2-B")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}", value):
                raise ValueError(f"{name}: must be an ISO date YYYY-MM-DD")

    def admits(self, properties: dict[str, object]) -> bool:
        """True when a link with these properties passes every filter."""
        if not link_in_window(properties, self.since, self.until):
            return False
        if self.facts_only and properties.get("basis") != "fact":
            return False
        if self.min_grading:
            grading = str(properties.get("grading") or "")
            if len(grading) < 3:
                return False
            return grading[0] <= self.min_grading[0] and grading[2] <= self.min_grading[2]
        return True

    def date_in_window(self, day: str | None) -> bool:
        if day is None:
            return True
        return not ((self.since and day < self.since) or (self.until and day > self.until))


@dataclass(frozen=True)
class AnalysisData:
    """One filtered snapshot of the store: what every measure reads."""

    nodes: dict[str, StoredNode]
    links: list[StoredLink]
    filters: Filters = field(default_factory=Filters)
    recorded_pairs: frozenset[tuple[str, str]] = frozenset()
    as_of: str | None = None

    def of_label(self, *labels: NodeLabel) -> list[StoredNode]:
        return [n for n in self.nodes.values() if n.label in labels]

    def of_type(self, *types: LinkType) -> list[StoredLink]:
        return [link for link in self.links if link.type in types]


def read_store(store: GraphStore, filters: Filters | None = None) -> AnalysisData:
    """Read the analysed labels and link types once and filter them.

    Example:
        >>> from graphdb.sqlite import SqliteStore
        >>> store = SqliteStore(":memory:"); store.init()
        >>> read_store(store).links
        []
    """
    return from_subgraph(snapshot(store), filters)


_SNAPSHOTS: OrderedDict[str, Subgraph] = OrderedDict()
_SNAPSHOT_LOCK = threading.Lock()
SNAPSHOTS_KEPT = 2


def snapshot(store: GraphStore) -> Subgraph:
    """The analysed part of the store, read once per store revision and shared.

    Pages call the analytics on every visit; a store that has not changed since the last
    read is not read again. The revision is taken before reading, so a write during the
    read only makes the next call read afresh. Callers must not mutate the result.
    """
    key = store.revision()
    with _SNAPSHOT_LOCK:
        cached = _SNAPSHOTS.get(key)
        if cached is not None:
            _SNAPSHOTS.move_to_end(key)
            return cached
    sub = Subgraph(list(store.iter_nodes(ANALYSED_LABELS)), list(store.iter_links(ANALYSED_TYPES)))
    with _SNAPSHOT_LOCK:
        _SNAPSHOTS[key] = sub
        while len(_SNAPSHOTS) > SNAPSHOTS_KEPT:
            _SNAPSHOTS.popitem(last=False)
    return sub


def from_subgraph(sub: Subgraph, filters: Filters | None = None) -> AnalysisData:
    """Filter a subgraph into an `AnalysisData` snapshot (incidents by `occurred_at`)."""
    rules = filters or Filters()
    nodes: dict[str, StoredNode] = {}
    for node in sorted(sub.nodes, key=lambda n: n.id):
        if node.label not in ANALYSED_LABELS or node.properties.get("merged_into"):
            continue
        if node.label == NodeLabel.INCIDENT and not rules.date_in_window(incident_date(node)):
            continue
        nodes[node.id] = node
    links = sorted(
        (x for x in sub.links if x.source in nodes and x.target in nodes),
        key=lambda x: x.id,
    )
    recorded = frozenset(
        pair_key(x.source, x.target)
        for x in links
        if x.type in PERSON_TYPES and x.source != x.target
    )
    kept = [x for x in links if rules.admits(x.properties)]
    return AnalysisData(nodes, kept, rules, recorded, _as_of(nodes, kept, rules))


def incident_date(node: StoredNode) -> str | None:
    value = node.properties.get("occurred_at")
    return str(value)[:10] if value else None


def _as_of(nodes: dict[str, StoredNode], links: list[StoredLink], rules: Filters) -> str | None:
    """The reference date for recency: `until`, else the latest date in the data."""
    if rules.until:
        return rules.until[:10]
    dates = [d for d in (incident_date(n) for n in nodes.values()) if d]
    dates += [d for d in (link_date(x.properties) for x in links) if d]
    return max(dates) if dates else None


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def person_name(node: StoredNode) -> str:
    """Forename + family name (or the node's display name for other labels)."""
    return display_name(str(node.label), node.properties)


def is_gang(node: StoredNode) -> bool:
    return node.label == NodeLabel.GROUP and node.properties.get("group_type") in GANG_TYPES


def group_members(data: AnalysisData) -> dict[str, list[str]]:
    """Group id → sorted person ids linked to it by MEMBER_OF."""
    members: dict[str, set[str]] = defaultdict(set)
    for link in data.of_type(LinkType.MEMBER_OF):
        if data.nodes[link.source].label in PERSON_LABELS:
            members[link.target].add(link.source)
    return {g: sorted(m) for g, m in sorted(members.items())}


def person_network(data: AnalysisData, *, max_clique: int = MAX_GROUP_CLIQUE) -> nx.Graph:
    """Children and persons of concern, joined by ASSOCIATES_WITH, CONCERN_FOR and co-membership.

    Node attributes: ``label``, ``name``, ``rag`` (category → rating). Edges carry no
    attributes (one edge however many links join a pair; `links_between` says which).
    """
    G = nx.Graph()
    for node in data.of_label(NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN):
        rag = node.properties.get("rag") if node.label == NodeLabel.CHILD else None
        G.add_node(node.id, label=str(node.label), name=person_name(node), rag=dict(rag or {}))
    pairs: set[tuple[str, str]] = set()
    for link in data.of_type(*PERSON_TYPES):
        if link.source != link.target and link.source in G and link.target in G:
            pairs.add(pair_key(link.source, link.target))
    for members in group_members(data).values():
        if len(members) <= max_clique:
            pairs.update(itertools.combinations(members, 2))
    G.add_edges_from(sorted(pairs))
    return G


def links_between(data: AnalysisData, a: str, b: str) -> list[StoredLink]:
    """The person links joining two people directly, and MEMBER_OF links to shared groups."""
    direct = [
        x for x in data.of_type(*PERSON_TYPES) if pair_key(x.source, x.target) == pair_key(a, b)
    ]
    shared = {g for g, m in group_members(data).items() if a in m and b in m}
    via_group = [
        x for x in data.of_type(LinkType.MEMBER_OF) if x.target in shared and x.source in (a, b)
    ]
    return direct + via_group


def reach_network(data: AnalysisData, G: nx.Graph | None = None) -> nx.Graph:
    """The person network plus gang nodes (street gang, OCG, county line) joined by MEMBER_OF."""
    base = G if G is not None else person_network(data)
    R = base.copy()
    gangs = {n.id: n for n in data.of_label(NodeLabel.GROUP) if is_gang(n)}
    for gang_id, gang in gangs.items():
        R.add_node(gang_id, label=str(NodeLabel.GROUP), name=person_name(gang), rag={})
    edges = []
    for gang_id, members in group_members(data).items():
        if gang_id in gangs:
            edges += [pair_key(m, gang_id) for m in members]
    R.add_edges_from(sorted(edges))
    return R


def place_graph(data: AnalysisData) -> nx.MultiGraph:
    """Persons and locations; one edge per dated presence.

    Edges carry ``type`` (SEEN_AT, FREQUENTS, LIVES_AT or INCIDENT), ``date`` (ISO day or
    None) and, for incidents, ``incident`` (the incident id). Location nodes carry
    ``incidents``: a sorted list of (date, severity, incident id) for incidents there.
    """
    B = nx.MultiGraph()
    for node in data.of_label(NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN, NodeLabel.LOCATION):
        attrs: dict[str, object] = {"label": str(node.label), "name": person_name(node)}
        if node.label == NodeLabel.LOCATION:
            attrs["location_type"] = node.properties.get("location_type")
            attrs["of_concern"] = bool(node.properties.get("of_concern"))
            attrs["incidents"] = []
        else:
            attrs["rag"] = dict(node.properties.get("rag") or {})
        B.add_node(node.id, **attrs)
    incident_place: dict[str, str] = {}
    for link in data.of_type(LinkType.OCCURRED_AT):
        incident = data.nodes[link.source]
        if link.target in B and link.source not in incident_place:
            incident_place[link.source] = link.target
            severity = int(incident.properties.get("severity") or 1)
            B.nodes[link.target]["incidents"].append(
                (incident_date(incident), severity, incident.id)
            )
    for link in data.links:
        if link.type in PLACE_TYPES and link.source in B and link.target in B:
            B.add_edge(
                link.source,
                link.target,
                key=link.id,
                type=str(link.type),
                date=link_date(link.properties),
            )
        elif link.type == LinkType.INVOLVED_IN and link.target in incident_place:
            if link.source in B and B.nodes[link.source]["label"] != str(NodeLabel.LOCATION):
                day = incident_date(data.nodes[link.target])
                B.add_edge(
                    link.source,
                    incident_place[link.target],
                    key=link.id,
                    type="INCIDENT",
                    date=day,
                    incident=link.target,
                )
    for place in set(incident_place.values()):
        found: list[tuple[str | None, int, str]] = B.nodes[place]["incidents"]
        found.sort(key=lambda t: (t[0] or "", t[1], t[2]))
    return B


def shared_places(B: nx.Graph | nx.MultiGraph, people: Iterable[str]) -> nx.Graph:
    """Project a person–place graph onto people: weight = number of places both are linked to.

    Example:
        >>> B = nx.Graph([("a", "x"), ("b", "x"), ("b", "y"), ("c", "y")])
        >>> sorted(shared_places(B, ["a", "b", "c"]).edges(data="weight"))
        [('a', 'b', 1), ('b', 'c', 1)]
    """
    wanted = sorted(set(people))
    P = nx.Graph()
    P.add_nodes_from(wanted)
    keep = set(wanted)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for place in sorted({v for p in wanted for v in B.neighbors(p)} - keep, key=str):
        linked = sorted({u for u in B.neighbors(place) if u in keep}, key=str)
        for a, b in itertools.combinations(linked, 2):
            weights[(a, b)] += 1
    P.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return P
