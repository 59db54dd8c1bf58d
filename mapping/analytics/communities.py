"""Peer groups: communities of people more closely linked to each other than to others.

Louvain with a fixed seed on the person network; pure functions, no store access.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import networkx as nx

from schemas.analysis import PeerGroup
from schemas.enums import Category, NodeLabel

SEED = 42
MIN_SIZE = 3
"""Communities smaller than this are not reported (a pair is a link, not a group)."""
MAX_SIZE = 50
"""Communities larger than this are broken into the smaller communities Louvain merged them
from: modularity's resolution limit otherwise merges a town's friendship groups into one."""
CONCERNING = frozenset({"medium", "high"})


@dataclass(frozen=True, slots=True)
class Partition:
    """Louvain communities (each sorted, largest first) and their modularity."""

    communities: list[list[Hashable]]
    modularity: float

    def membership(self) -> dict[Hashable, int]:
        return {n: i for i, members in enumerate(self.communities) for n in members}


def partition(G: nx.Graph, *, seed: int = SEED, max_size: int = MAX_SIZE) -> Partition:
    """Louvain communities of `G`, broken down to at most `max_size` people, with modularity.

    Louvain builds a hierarchy (each level merges the communities of the level below); a
    final community larger than `max_size` is replaced by the communities it was merged from,
    level by level, until it is small enough or is a first-level community. Communities are
    ordered largest first, then by their smallest member (as text); every node is in exactly
    one; modularity (0.0 without edges) is that of the partition returned. Results depend
    on node order as well as the seed: build graphs with nodes added in sorted order (as
    `build.py` does).

    Example:
        >>> p = partition(nx.barbell_graph(4, 0))
        >>> [sorted(c) for c in p.communities], round(p.modularity, 3)
        ([[0, 1, 2, 3], [4, 5, 6, 7]], 0.423)
    """
    if G.number_of_nodes() == 0:
        return Partition([], 0.0)
    if G.number_of_edges() == 0:
        return Partition([[n] for n in sorted(G, key=str)], 0.0)
    levels = [list(level) for level in nx.community.louvain_partitions(G, seed=seed)]
    found = _descend(levels, max_size)
    groups = [sorted(c, key=str) for c in found]
    groups.sort(key=lambda c: (-len(c), str(c[0])))
    return Partition(groups, float(nx.community.modularity(G, found)))


def _descend(levels: list[list[set[Hashable]]], max_size: int) -> list[set[Hashable]]:
    """Replace communities above `max_size` by their parts one Louvain level down."""
    member_of = [{n: i for i, c in enumerate(level) for n in c} for level in levels]
    out: list[set[Hashable]] = []
    stack = [(len(levels) - 1, c) for c in reversed(levels[-1])]
    while stack:
        depth, community = stack.pop()
        if len(community) <= max_size or depth == 0:
            out.append(community)
            continue
        below = sorted({member_of[depth - 1][n] for n in community})
        stack.extend((depth - 1, levels[depth - 1][i]) for i in reversed(below))
    return out


def category_counts(G: nx.Graph, members: list[Hashable]) -> dict[str, int]:
    """Category → number of members rated medium or high in it (node attribute ``rag``)."""
    counts: Counter[str] = Counter()
    for node in members:
        rag = G.nodes[node].get("rag") or {}
        counts.update(str(cat) for cat, level in rag.items() if level in CONCERNING)
    order = {str(c): i for i, c in enumerate(Category)}
    return {k: counts[k] for k in sorted(counts, key=lambda c: (order.get(c, 99), c))}


def peer_groups(
    G: nx.Graph,
    *,
    top: int = 20,
    seed: int = SEED,
    min_size: int = MIN_SIZE,
    found: Partition | None = None,
) -> list[PeerGroup]:
    """The `top` largest communities of at least `min_size` people, each with a reason.

    `categories` counts members rated medium or high per category of concern; `dominant`
    names the most common. Members are sorted ids; groups are numbered from 0, largest first.

    Example:
        >>> groups = peer_groups(nx.barbell_graph(4, 0))
        >>> [(g.group, g.size) for g in groups]
        [(0, 4), (1, 4)]
    """
    part = found or partition(G, seed=seed)
    kept = [c for c in part.communities if len(c) >= min_size][:top]
    out = []
    for number, members in enumerate(kept):
        cats = category_counts(G, members)
        best = max(cats.values(), default=0)
        dominant = [c for c, v in cats.items() if v == best and v > 0]
        labels = Counter(str(G.nodes[m].get("label", "")) for m in members)
        children, pocs = labels[NodeLabel.CHILD], labels[NodeLabel.PERSON_OF_CONCERN]
        out.append(
            PeerGroup(
                group=number,
                members=[str(m) for m in members],
                size=len(members),
                categories=cats,
                dominant=dominant,
                children=children,
                persons_of_concern=pocs,
                why=_why(G, members, children, pocs, cats, dominant),
            )
        )
    return out


def _why(
    G: nx.Graph,
    members: list[Hashable],
    children: int,
    pocs: int,
    cats: Mapping[str, int],
    dominant: list[str],
) -> str:
    inside = G.subgraph(members).number_of_edges()
    outside = sum(1 for m in members for n in G.neighbors(m) if n not in set(members))
    who = f"{len(members)} people"
    if children or pocs:
        who += f" ({children} children, {pocs} persons of concern)"
    text = (
        f"{who} with {inside} links among themselves and {outside} to others: more closely "
        "linked to each other than to the rest of the network."
    )
    if dominant:
        shared = " and ".join(dominant)
        text += f" Most often rated medium or high for {shared} ({cats[dominant[0]]} members)."
    if pocs:
        text += " Persons of concern are in this group: consider it as a context of risk."
    return text
