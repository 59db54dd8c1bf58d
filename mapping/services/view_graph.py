"""Graph measures of a view: peer groups, betweenness, server-side layout and bridging people.

NetworkX on the records of one view only (small by construction), so a map shows its own
structure; store-wide measures come from `mapping.analytics`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from graphdb.base import GraphStore
from mapping.analytics.betweenness import betweenness
from mapping.analytics.communities import partition
from mapping.services.access import User
from mapping.services.views import (
    Namer,
    NetworkView,
    ViewLink,
    ViewNode,
    node_detail,
    rag_max,
    view_link,
)
from schemas.enums import PERSON_LABELS, NodeLabel, Purpose
from schemas.records import StoredLink, StoredNode

EXACT_BETWEENNESS = 1500
"""Views larger than this get a seeded 300-source estimate of betweenness."""
LAYOUT_SEED = 7
CLUSTER_ABOVE = 400
"""Views with more nodes are laid out group by group (force-directed layout is quadratic)."""


def _peer_groups(G: nx.Graph, kinds: dict[str, str]) -> dict[str, int]:
    """Louvain groups of the people in a view, joined directly or through a shared group/object."""
    people = sorted(n for n in G if kinds[n] in PERSON_LABELS)
    P = nx.Graph()
    P.add_nodes_from(people)
    P.add_edges_from((a, b) for a, b in G.subgraph(people).edges())
    for hub in sorted(n for n in G if kinds[n] in (NodeLabel.GROUP, NodeLabel.OBJECT)):
        members = sorted(n for n in G.neighbors(hub) if n in P)
        P.add_edges_from((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    groups = [c for c in partition(P).communities if len(c) > 1]
    return {str(n): number for number, members in enumerate(groups, 1) for n in members}


def build_view(
    store: GraphStore,
    user: User,
    purpose: Purpose | None,
    nodes: dict[str, StoredNode],
    links: Iterable[StoredLink],
    *,
    focus_id: str | None = None,
    **options: object,
) -> NetworkView:
    """Minimise names, annotate centrality and peer groups, and wrap as a NetworkView."""
    namer = Namer(store, user, purpose, focus_id)
    kept = [view_link(x) for x in sorted(links, key=lambda x: x.id)]
    G = nx.Graph()
    G.add_nodes_from(sorted(nodes))
    G.add_edges_from((x.source, x.target) for x in kept if x.source != x.target)
    sample = None if len(G) <= EXACT_BETWEENNESS else 300
    between = betweenness(G, k=sample, seed=LAYOUT_SEED) if len(G) else {}
    groups = _peer_groups(G, {n: str(node.label) for n, node in nodes.items()})
    view_nodes = []
    for node_id in sorted(nodes):
        node = nodes[node_id]
        name, minimised = namer.name(node)
        view_nodes.append(
            ViewNode(
                id=node_id,
                kind=str(node.label),
                label=name,
                rag=rag_max(node),
                peer_group=groups.get(node_id),
                betweenness=round(float(between.get(node_id, 0.0)), 6),
                degree=int(G.degree(node_id)),
                focus=node_id == focus_id,
                minimised=minimised,
                detail=node_detail(node, name, minimised),
            )
        )
    return NetworkView(
        nodes=view_nodes,
        links=kept,
        purpose=purpose,
        focus_id=focus_id,
        minimised=not namer.full,
        **options,  # type: ignore[arg-type]
    )


def _spring(
    G: nx.Graph, seed: int, iterations: int = 60, *, polish: bool = True
) -> dict[str, tuple[float, float]]:
    if len(G) == 1:
        return {str(n): (0.0, 0.0) for n in G}
    if polish and len(G) <= 60 and nx.is_connected(G):
        pos = nx.kamada_kawai_layout(G)
    else:
        k = 1.6 / max(1, len(G)) ** 0.5
        pos = nx.spring_layout(G, seed=seed, k=k, iterations=iterations)
    return {str(n): (float(x), float(y)) for n, (x, y) in pos.items()}


def _clustered(G: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Large views: lay out the peer groups, then each group inside its own disc.

    Force-directed layout is quadratic in the nodes; two small layouts stay fast at thousands.
    """
    groups = partition(G, seed=seed).communities
    member = {n: i for i, members in enumerate(groups) for n in members}
    C = nx.Graph()
    C.add_nodes_from(range(len(groups)))
    for a, b in G.edges():
        if member[a] != member[b]:
            pair = (member[a], member[b])
            C.add_edge(*pair, weight=C.get_edge_data(*pair, {"weight": 0})["weight"] + 1)
    centres = (
        nx.spring_layout(C, seed=seed, weight="weight", iterations=80)
        if len(C) > 1
        else {0: (0, 0)}
    )
    total = max(1, len(G))
    pos: dict[str, tuple[float, float]] = {}
    for i, members in enumerate(groups):
        radius = 0.9 * (len(members) / total) ** 0.5
        inner = _spring(G.subgraph(members), seed, iterations=40, polish=False)
        cx, cy = centres[i]
        for node, (x, y) in inner.items():
            pos[node] = (float(cx) * 2.2 + x * radius, float(cy) * 2.2 + y * radius)
    return pos


def layout(
    nodes: Sequence[ViewNode], links: Sequence[ViewLink], *, seed: int = LAYOUT_SEED
) -> dict[str, tuple[float, float]]:
    """Server-side positions in pixels: Kamada–Kawai when small and connected, spring up to
    `CLUSTER_ABOVE` nodes, and groups laid out one by one above that.

    Example:
        >>> a, b = ViewNode("a", "Child", "A."), ViewNode("b", "Child", "B.")
        >>> sorted(layout([a, b], [ViewLink("x", "a", "b", "ASSOCIATES_WITH", "fact")]))
        ['a', 'b']
    """
    G = nx.Graph()
    G.add_nodes_from(sorted(n.id for n in nodes))
    G.add_edges_from(sorted((x.source, x.target) for x in links if x.source != x.target))
    if not len(G):
        return {}
    pos = _clustered(G, seed) if len(G) > CLUSTER_ABOVE else _spring(G, seed)
    scale = max(250.0, 55.0 * len(G) ** 0.5)
    return {n: (x * scale, y * scale) for n, (x, y) in pos.items()}


def bridges(view: NetworkView, *, top: int = 5) -> list[tuple[ViewNode, str]]:
    """The people in a view with the highest betweenness, each with why."""
    people = [n for n in view.nodes if n.kind in PERSON_LABELS and n.betweenness > 0]
    people.sort(key=lambda n: (-n.betweenness, -n.degree, n.id))
    neighbours: dict[str, set[int]] = {}
    group = {n.id: n.peer_group for n in view.nodes}
    for x in view.links:
        for one, other in ((x.source, x.target), (x.target, x.source)):
            if group.get(other) is not None:
                neighbours.setdefault(one, set()).add(int(group[other] or 0))
    out = []
    for rank, node in enumerate(people[:top], 1):
        why = (
            f"Ranked {rank} in this view: lies on {node.betweenness:.1%} of the shortest paths "
            f"between other records here, with {node.degree} direct links"
        )
        own = {node.peer_group} if node.peer_group else set()
        reached = len(neighbours.get(node.id, set()) | own)
        why += f", reaching {reached} peer groups." if reached > 1 else "."
        if node.kind == NodeLabel.CHILD:
            why += " A child in a bridging position may be at risk of being used: a victim first."
        out.append((node, why))
    return out
