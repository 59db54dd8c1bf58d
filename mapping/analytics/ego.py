"""Views for exploring the network in the app: ego networks, paths, cohesion, chronologies.

Maps open small and grow on demand, so every view here is bounded (neighbour cap, hop limit).
Pure functions on the graphs and snapshots of `build.py`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

import networkx as nx

from mapping.analytics.build import AnalysisData, group_members, incident_date
from schemas.analysis import ChronologyEntry, CoreSummary, EgoNetwork, PlaceCount
from schemas.enums import LinkType, NodeLabel
from schemas.links import link_date
from schemas.records import StoredLink

NEIGHBOUR_CAP = 100
"""Above this many neighbours a node is a supernode: only its best-connected `cap` are shown."""
MAX_PATH_HOPS = 4


def ego_network(
    G: nx.Graph, center: Hashable, *, hops: int = 1, cap: int = NEIGHBOUR_CAP
) -> EgoNetwork:
    """`center` and everyone within `hops` links, expanding at most `cap` neighbours a node.

    A node with more than `cap` neighbours contributes its `cap` highest-degree neighbours
    (ties by id) and is listed in `capped`; the edges are all edges among the nodes kept.

    Example:
        >>> e = ego_network(nx.star_graph(5), 0, cap=3)
        >>> e.nodes, e.truncated, e.capped
        (['0', '1', '2', '3'], True, ['0'])
    """
    if center not in G:
        return EgoNetwork(center=str(center), hops=hops, nodes=[], edges=[])
    kept, capped = {center}, []
    frontier = [center]
    for _ in range(max(0, hops)):
        nxt = []
        for node in frontier:
            around = sorted(G.neighbors(node), key=lambda n: (-G.degree(n), str(n)))
            if len(around) > cap:
                capped.append(node)
                around = around[:cap]
            for other in around:
                if other not in kept:
                    kept.add(other)
                    nxt.append(other)
        frontier = sorted(nxt, key=str)
    H = G.subgraph(kept)
    edges = sorted(tuple(sorted((str(a), str(b)))) for a, b in H.edges())
    total = len(set(nx.single_source_shortest_path_length(G, center, cutoff=hops))) if hops else 1
    why = f"{len(kept)} of the {total} people within {hops} links"
    if capped:
        why += f"; {len(capped)} supernodes shown with their {cap} best-connected neighbours only"
    return EgoNetwork(
        center=str(center),
        hops=hops,
        nodes=sorted(str(n) for n in kept),
        edges=[(a, b) for a, b in edges],
        truncated=bool(capped),
        capped=sorted(str(n) for n in capped),
        why=why + ".",
    )


def paths_between(
    G: nx.Graph, source: Hashable, target: Hashable, *, max_hops: int = MAX_PATH_HOPS
) -> list[list[str]]:
    """Every shortest path of at most `max_hops` links between two people, sorted; [] if none.

    Example:
        >>> paths_between(nx.cycle_graph(4), 0, 2)
        [['0', '1', '2'], ['0', '3', '2']]
    """
    if source not in G or target not in G:
        return []
    try:
        length = nx.shortest_path_length(G, source, target)
    except nx.NetworkXNoPath:
        return []
    if length > max_hops:
        return []
    return sorted([str(n) for n in p] for p in nx.all_shortest_paths(G, source, target))


def cohesion(
    G: nx.Graph, nodes: Iterable[Hashable] | None = None, *, k: int | None = None
) -> CoreSummary:
    """Triangles and core numbers (of `nodes`, default all) and the members of the k-core.

    `k` defaults to the highest core number: the most tightly knit set of people.

    Example:
        >>> c = cohesion(nx.complete_graph(4))
        >>> c.k, c.k_core, c.triangles["0"]
        (3, ['0', '1', '2', '3'], 3)
    """
    H = nx.Graph(G)
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    wanted = list(H) if nodes is None else [n for n in nodes if n in H]
    triangles = nx.triangles(H, wanted) if wanted else {}
    cores = nx.core_number(H) if H.number_of_nodes() else {}
    level = k if k is not None else max(cores.values(), default=0)
    return CoreSummary(
        triangles={str(n): int(triangles[n]) for n in sorted(wanted, key=str)},
        core_number={str(n): int(cores[n]) for n in sorted(wanted, key=str)},
        k=level,
        k_core=sorted(str(n) for n, c in cores.items() if c >= level),
    )


def chronology(data: AnalysisData, person_id: str) -> list[ChronologyEntry]:
    """Everything dated about one person, oldest first (undated last).

    Feed it `from_subgraph(store.neighbourhood(person_id))` to see every link type.
    """
    entries = []
    for link in data.links:
        if person_id not in (link.source, link.target):
            continue
        other = link.target if link.source == person_id else link.source
        node = data.nodes.get(other)
        day, detail = link_date(link.properties), str(link.properties.get("kind") or "")
        if link.type == LinkType.INVOLVED_IN and node is not None:
            day = incident_date(node) or day
            role = link.properties.get("role") or "involved"
            detail = f"{node.properties.get('incident_type', 'incident')} ({role})"
        entries.append(
            ChronologyEntry(
                date=day,
                kind=str(link.type),
                link_id=link.id,
                other_id=other,
                other_label=str(node.label) if node else None,
                detail=detail,
            )
        )
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.link_id or ""))
    return entries


def new_links(data: AnalysisData, since: str) -> list[StoredLink]:
    """Links recorded on or after `since` (ISO date): "new since the last panel"."""
    fresh = [link for link in data.links if link.meta.created_at[:10] >= since[:10]]
    return sorted(fresh, key=lambda x: (x.meta.created_at, x.id))


def location_children(B: nx.MultiGraph, location: Hashable) -> list[PlaceCount]:
    """Children linked to a place (seen, frequenting, living, in an incident), most links first."""
    if location not in B:
        return []
    counts: dict[Hashable, int] = defaultdict(int)
    for _, other in B.edges(location):
        if B.nodes[other].get("label") == NodeLabel.CHILD:
            counts[other] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [PlaceCount(id=str(c), name=str(B.nodes[c].get("name", c)), count=n) for c, n in ranked]


def group_places(data: AnalysisData, B: nx.MultiGraph, group_id: str) -> list[PlaceCount]:
    """Places where a group's members are linked, with how often and which members."""
    members = group_members(data).get(group_id, [])
    seen: dict[Hashable, list[str]] = defaultdict(list)
    for member in members:
        if member in B:
            for _, place in B.edges(member):
                seen[place].append(member)
    ranked = sorted(seen.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    return [
        PlaceCount(
            id=str(p),
            name=str(B.nodes[p].get("name", p)),
            count=len(who),
            people=sorted(set(who)),
        )
        for p, who in ranked
    ]
