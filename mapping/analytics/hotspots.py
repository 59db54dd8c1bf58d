"""Hotspots: places ranked by a documented score of who is linked there and what happened there.

score = CHILD_POINTS x distinct children linked
      + RAG points of those children (HIGH_POINTS if rated high in any category,
        MEDIUM_POINTS if medium at most)
      + sum over incidents there of severity / 5 x 0.5 ^ (age in days / HALF_LIFE_DAYS)
      + POC_POINTS x distinct persons of concern linked

Ages are measured back from `as_of` (the `--until` date, else the latest date in the data,
never the wall clock). The score is >= 0 and at most
2 x children + incidents + 2 x persons of concern. Pure functions on the person–place graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

import networkx as nx

from schemas.analysis import Hotspot
from schemas.enums import Category, NodeLabel

CHILD_POINTS = 1.0
HIGH_POINTS = 1.0
MEDIUM_POINTS = 0.5
POC_POINTS = 2.0
HALF_LIFE_DAYS = 90.0
RECENT_DAYS = 90
SERIOUS = 4


@dataclass(frozen=True, slots=True)
class PlaceFacts:
    """What is linked to one place: the parts of its score."""

    children: list[Hashable]
    high: list[Hashable]
    medium: list[Hashable]
    high_categories: list[str]
    pocs: list[Hashable]
    incidents: int
    recent: int
    serious_recent: int
    incident_weight: float

    @property
    def score(self) -> float:
        return (
            CHILD_POINTS * len(self.children)
            + HIGH_POINTS * len(self.high)
            + MEDIUM_POINTS * len(self.medium)
            + self.incident_weight
            + POC_POINTS * len(self.pocs)
        )


def decay(day: str | None, as_of: str | None) -> float:
    """Recency weight in (0, 1]: 1 on `as_of`, halving every HALF_LIFE_DAYS before it.

    Example:
        >>> decay("2026-01-01", "2026-04-01")
        0.5
    """
    age = _age(day, as_of)
    return 1.0 if age is None else 0.5 ** (max(0, age) / HALF_LIFE_DAYS)


def _age(day: str | None, as_of: str | None) -> int | None:
    if not day or not as_of:
        return None
    return (date.fromisoformat(as_of[:10]) - date.fromisoformat(day[:10])).days


def place_facts(B: nx.MultiGraph, place: Hashable, *, as_of: str | None) -> PlaceFacts:
    """The components of one place's score from the person–place graph (see `build.place_graph`)."""
    people = sorted(set(B.neighbors(place)), key=str)
    children = [p for p in people if B.nodes[p].get("label") == NodeLabel.CHILD]
    pocs = [p for p in people if B.nodes[p].get("label") == NodeLabel.PERSON_OF_CONCERN]
    high, medium, cats = [], [], Counter[str]()
    for child in children:
        rag = B.nodes[child].get("rag") or {}
        levels = set(rag.values())
        if "high" in levels:
            high.append(child)
            cats.update(str(c) for c, v in rag.items() if v == "high")
        elif "medium" in levels:
            medium.append(child)
    order = {str(c): i for i, c in enumerate(Category)}
    incidents = B.nodes[place].get("incidents") or []
    weight, recent, serious = 0.0, 0, 0
    for day, severity, _ in incidents:
        weight += min(5, max(1, int(severity))) / 5 * decay(day, as_of)
        age = _age(day, as_of)
        if age is not None and 0 <= age <= RECENT_DAYS:
            recent += 1
            serious += int(severity) >= SERIOUS
    return PlaceFacts(
        children,
        high,
        medium,
        sorted(cats, key=lambda c: (-cats[c], order.get(c, 99), c)),
        pocs,
        len(incidents),
        recent,
        serious,
        weight,
    )


def hotspots(B: nx.MultiGraph, *, as_of: str | None = None, top: int = 20) -> list[Hotspot]:
    """The `top` places by score (> 0), ties by children then id, each with a reason.

    Example:
        >>> B = nx.MultiGraph()
        >>> B.add_node("L1", label="Location", name="Chicken Shack", incidents=[])
        >>> B.add_node("C1", label="Child", rag={"CCE": "high"})
        >>> B.add_edge("C1", "L1")
        0
        >>> [(h.id, h.score) for h in hotspots(B)]
        [('L1', 2.0)]
    """
    places = [n for n, a in B.nodes(data=True) if a.get("label") == NodeLabel.LOCATION]
    scored = [(place, place_facts(B, place, as_of=as_of)) for place in places]
    scored = [(p, f) for p, f in scored if f.score > 0]
    scored.sort(key=lambda pf: (-round(pf[1].score, 6), -len(pf[1].children), str(pf[0])))
    out = []
    for place, facts in scored[:top]:
        attrs = B.nodes[place]
        out.append(
            Hotspot(
                id=str(place),
                name=str(attrs.get("name", place)),
                score=round(facts.score, 6),
                children=len(facts.children),
                incidents=facts.incidents,
                location_type=attrs.get("location_type"),
                high_rag_children=len(facts.high),
                recent_incidents=facts.recent,
                persons_of_concern=len(facts.pocs),
                incident_weight=round(facts.incident_weight, 6),
                why=_why(facts, attrs.get("of_concern", False), as_of),
            )
        )
    return out


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _why(f: PlaceFacts, of_concern: object, as_of: str | None) -> str:
    parts = []
    if f.children:
        text = _plural(len(f.children), "child", "children") + " linked"
        if f.high:
            text += f", {len(f.high)} rated high for {', '.join(f.high_categories[:3])}"
        if f.medium:
            text += f", {len(f.medium)} rated medium"
        parts.append(text)
    if f.incidents:
        text = _plural(f.incidents, "incident")
        if f.recent:
            since = f" to {as_of}" if as_of else ""
            text += f", {f.recent} in the {RECENT_DAYS} days{since}"
            if f.serious_recent:
                text += f" ({f.serious_recent} of severity {SERIOUS}+)"
        parts.append(text)
    if f.pocs:
        parts.append(
            "a person of concern seen or linked there"
            if len(f.pocs) == 1
            else f"{len(f.pocs)} persons of concern seen or linked there"
        )
    if of_concern:
        parts.append("already flagged as a place of concern")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."
