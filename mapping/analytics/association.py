"""Risk by association: children within two hops of a person of concern or a gang (CONTRACTS §5).

Association is not evidence of harm: each result is a prompt to consider whether a child is at
risk of exploitation, never a rating. Pure functions on the reach network (`build.reach_network`:
the person network plus gang nodes joined by MEMBER_OF).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

import networkx as nx

from schemas.analysis import AtRisk
from schemas.enums import NodeLabel

MAX_HOPS = 2


def is_source(attrs: dict[str, object]) -> bool:
    """Persons of concern and gangs (group nodes in the reach network are gangs only)."""
    return attrs.get("label") in (NodeLabel.PERSON_OF_CONCERN, NodeLabel.GROUP)


def rated_high(attrs: dict[str, object]) -> bool:
    rag = attrs.get("rag") or {}
    return isinstance(rag, dict) and "high" in rag.values()


def within_reach(R: nx.Graph) -> dict[Hashable, dict[Hashable, int]]:
    """Child → {source → distance 1 or 2} for children not rated high in any category."""
    reach: dict[Hashable, dict[Hashable, int]] = defaultdict(dict)
    for source in sorted((n for n, a in R.nodes(data=True) if is_source(a)), key=str):
        first = set(R.neighbors(source))
        second = {w for v in first for w in R.neighbors(v)} - first - {source}
        for distance, ring in ((1, first), (2, second)):
            for node in ring:
                attrs = R.nodes[node]
                if attrs.get("label") == NodeLabel.CHILD and not rated_high(attrs):
                    reach[node].setdefault(source, distance)
    return reach


def shortest_via(R: nx.Graph, child: Hashable, sources: dict[Hashable, int]) -> list[Hashable]:
    """The lexicographically smallest shortest path (by id text) from the child to a source."""
    hops = min(sources.values())
    nearest = sorted((s for s, d in sources.items() if d == hops), key=str)
    if hops == 1:
        return [child, nearest[0]]
    for middle in sorted(R.neighbors(child), key=str):
        ends = [s for s in nearest if R.has_edge(middle, s)]
        if ends:
            return [child, middle, ends[0]]
    raise ValueError(f"no path of {hops} hops from {child}")  # unreachable by construction


def at_risk_by_association(R: nx.Graph, *, top: int = 20) -> list[AtRisk]:
    """Children within 2 hops of a person of concern or gang, not rated high in any category.

    score = sum of 1 / distance over the distinct sources within reach; ranked by score, then
    id; `via` runs from the child to its nearest source (smallest ids first on ties).

    Example:
        >>> R = nx.Graph([("C1", "C2"), ("C2", "P1")])
        >>> nx.set_node_attributes(R, {"C1": "Child", "C2": "Child", "P1": "PersonOfConcern"}, "label")
        >>> [(x.id, x.hops, x.score, x.via) for x in at_risk_by_association(R)]
        [('C2', 1, 1.0, ['C2', 'P1']), ('C1', 2, 0.5, ['C1', 'C2', 'P1'])]
    """
    reach = within_reach(R)
    scored = sorted(
        ((child, round(sum(1.0 / d for d in s.values()), 6)) for child, s in reach.items()),
        key=lambda cs: (-cs[1], str(cs[0])),
    )
    out = []
    for child, score in scored[:top]:
        sources = reach[child]
        via = shortest_via(R, child, sources)
        out.append(
            AtRisk(
                id=str(child),
                via=[str(v) for v in via],
                hops=len(via) - 1,
                score=score,
                name=str(R.nodes[child].get("name", child)),
                sources=sorted(str(s) for s in sources),
                why=_why(R, sources, via),
            )
        )
    return out


def _describe(R: nx.Graph, node: Hashable) -> str:
    attrs = R.nodes[node]
    if attrs.get("label") == NodeLabel.GROUP:
        return f"the gang {attrs.get('name', node)} ({node})"
    return f"person of concern {node}"


def _why(R: nx.Graph, sources: dict[Hashable, int], via: list[Hashable]) -> str:
    direct = sorted((s for s, d in sources.items() if d == 1), key=str)
    indirect = sorted((s for s, d in sources.items() if d == 2), key=str)
    parts = []
    if direct:
        parts.append("linked directly to " + ", ".join(_describe(R, s) for s in direct[:3]))
    if indirect:
        parts.append("two steps from " + ", ".join(_describe(R, s) for s in indirect[:3]))
    more = len(direct[3:]) + len(indirect[3:])
    text = "; ".join(parts) + (f" and {more} more" if more else "")
    if len(via) == 3:
        text += f" (through {via[1]})"
    return (
        text[:1].upper()
        + text[1:]
        + ". Not rated high in any category: consider whether this child is at risk of"
        " exploitation. Association is not evidence of harm."
    )
