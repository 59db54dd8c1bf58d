"""The panel's Places / People of Concern item: ranked persons and places, each with why.

Person score = 2 x children linked by CONCERN_FOR + 1 x children associated
             + 1 per linked child rated high (0.5 if medium at most)
             + sum over incidents involving them of severity / 5 x recency decay (90-day half-life)
             + 5 x betweenness in the person network (estimated from 256 sources when large).
Places use the hotspot score of `mapping.analytics.hotspots`. With a category, only children
rated in that category (or concern links of that kind) count. Analytics suggest; the panel decides.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from graphdb.base import GraphStore
from mapping import audit
from mapping.analytics.betweenness import betweenness
from mapping.analytics.build import (
    AnalysisData,
    Filters,
    incident_date,
    person_network,
    place_graph,
    read_store,
)
from mapping.analytics.hotspots import decay, hotspots
from mapping.services.access import Permission, User, authorise
from mapping.services.agenda_model import Agenda, ConcernItem, LinkedChild, MapPoint, plural
from mapping.services.agenda_news import new_index, review_status
from mapping.services.views import DISRUPTION_NAMES, Namer, full_identities, plain, rag_max
from schemas.enums import RAG_ORDER, LinkType, NodeLabel, Purpose, Rag
from schemas.records import StoredNode

TOP = 20
SAMPLE_ABOVE = 1000
CONCERN_CATEGORY = {
    "sexual": "CSE",
    "criminal": "CCE",
    "county_lines": "CCE",
    "trafficking": "MSHT",
    "radicalisation": "PREVENT",
}
BROKER_RANKS = 20
"""Only a top-20 betweenness rank is worth a mention in why."""


def _counts(child: StoredNode, category: str | None, concern_kind: str | None = None) -> bool:
    if category is None:
        return True
    rag = child.properties.get("rag") or {}
    return category in rag or CONCERN_CATEGORY.get(str(concern_kind)) == category


def _level(child: StoredNode, category: str | None) -> str | None:
    rag = child.properties.get("rag") or {}
    if category:
        return str(rag[category]) if category in rag else None
    return rag_max(child)


def _rag_words(children: list[tuple[StoredNode, str]], category: str | None) -> str:
    levels = Counter(_level(c, category) for c, _ in children)
    cats = Counter(
        str(k)
        for c, _ in children
        for k, v in (c.properties.get("rag") or {}).items()
        if v == "high"
    )
    parts = []
    if levels["high"]:
        top = category or ", ".join(k for k, _ in cats.most_common(2))
        parts.append(f"{levels['high']} rated high for {top}")
    if levels["medium"]:
        parts.append(f"{levels['medium']} medium")
    return f" ({', '.join(parts)})" if parts else ""


def _linked_child(namer: Namer, child: StoredNode, via: str) -> LinkedChild:
    name, minimised = namer.name(child)
    rag = {str(k): str(v) for k, v in (child.properties.get("rag") or {}).items()}
    return LinkedChild(child.id, name, minimised, rag, rag_max(child), via)


def _item(
    namer: Namer,
    node: StoredNode,
    children: list[tuple[StoredNode, str]],
    score: float,
    why: str,
    today: date,
    new: list[str],
) -> ConcernItem:
    p = node.properties
    name, _ = namer.name(node)
    ordered = sorted(
        children, key=lambda cv: (-RAG_ORDER.get(Rag(rag_max(cv[0]) or "low"), 0), cv[0].id)
    )
    detail = str(p.get("status") or p.get("location_type") or "").replace("_", " ")
    return ConcernItem(
        id=node.id,
        kind=str(node.label),
        name=name,
        score=round(score, 3),
        why=why,
        children=[_linked_child(namer, c, via) for c, via in ordered],
        disruption=[
            plain(DISRUPTION_NAMES.get(str(m), str(m))) for m in p.get("disruption_measures") or []
        ],
        review_date=str(p["review_date"]) if p.get("review_date") else None,
        review_status=review_status(node, today),
        new_since_panel=new,
        detail=detail,
        latitude=float(p["latitude"]) if p.get("latitude") is not None else None,
        longitude=float(p["longitude"]) if p.get("longitude") is not None else None,
    )


def _persons(
    data: AnalysisData, namer: Namer, category: str | None, new: dict[str, list[str]], today: date
) -> list[ConcernItem]:
    G = person_network(data)
    sample = 256 if len(G) > SAMPLE_ABOVE else None
    between = betweenness(G, k=sample, seed=42) if len(G) else {}
    order = sorted(between, key=lambda n: (-between[n], str(n)))
    rank = {n: i for i, n in enumerate(order, 1)}
    linked: dict[str, dict[str, tuple[StoredNode, str]]] = defaultdict(dict)
    incidents: dict[str, list[StoredNode]] = defaultdict(list)
    for x in data.links:
        ends = (data.nodes[x.source], data.nodes[x.target])
        for me, other in (ends, ends[::-1]):
            if me.label != NodeLabel.PERSON_OF_CONCERN:
                continue
            if other.label == NodeLabel.CHILD and _counts(
                other, category, x.properties.get("kind")
            ):
                via = "concern" if x.type == LinkType.CONCERN_FOR else "associate"
                if linked[me.id].get(other.id, (other, ""))[1] != "concern":
                    linked[me.id][other.id] = (other, via)
            elif other.label == NodeLabel.INCIDENT and x.type == LinkType.INVOLVED_IN:
                incidents[me.id].append(other)
    out = []
    for poc in data.of_label(NodeLabel.PERSON_OF_CONCERN):
        children = list(linked[poc.id].values())
        if category and not children:
            continue
        concern = sum(1 for _, via in children if via == "concern")
        high = sum(1 for c, _ in children if _level(c, category) == "high")
        medium = sum(1 for c, _ in children if _level(c, category) == "medium")
        found = incidents[poc.id]
        weight = sum(
            min(5, int(i.properties.get("severity") or 1)) / 5 * decay(incident_date(i), data.as_of)
            for i in found
        )
        score = 2 * concern + (len(children) - concern) + high + 0.5 * medium + weight
        score += 5 * between.get(poc.id, 0.0)
        parts = []
        if children:
            parts.append(
                plural(len(children), "child", "children")
                + " linked"
                + _rag_words(children, category)
            )
        if found:
            parts.append(plural(len(found), "incident"))
        if between.get(poc.id, 0.0) > 0 and rank[poc.id] <= BROKER_RANKS:
            estimate = "an estimated " if sample else ""
            parts.append(
                f"ranked {rank[poc.id]} of {len(G):,} people by {estimate}betweenness "
                "(joins otherwise separate parts of the network)"
            )
        if poc.properties.get("disruption_measures"):
            parts.append("disruption measures in force")
        text = "; ".join(parts) or "flagged, with nothing linked in this window"
        why = text[:1].upper() + text[1:] + "."
        out.append(_item(namer, poc, children, score, why, today, new.get(poc.id, [])))
    return sorted(out, key=lambda i: (-i.score, i.id))


def _places(
    data: AnalysisData, namer: Namer, category: str | None, new: dict[str, list[str]], today: date
) -> list[ConcernItem]:
    B = place_graph(data)
    scored = {h.id: h for h in hotspots(B, as_of=data.as_of, top=len(B))}
    ranked = []
    for place in data.of_label(NodeLabel.LOCATION):
        hot = scored.get(place.id)
        flagged = bool(place.properties.get("of_concern"))
        if hot is None and not flagged and not place.properties.get("disruption_measures"):
            continue
        kids = sorted(
            n for n in B.neighbors(place.id) if B.nodes[n].get("label") == NodeLabel.CHILD
        )
        children = [(data.nodes[c], "seen or linked") for c in kids]
        children = [cv for cv in children if _counts(cv[0], category)]
        if category and not children:
            continue
        ranked.append((-(hot.score if hot else 0.0), place.id, place, hot, children, flagged))
    ranked.sort(key=lambda r: (r[0], r[1]))
    out = []
    for number, (_, _, place, hot, children, flagged) in enumerate(ranked):
        if number >= TOP and not flagged:
            continue
        why = hot.why if hot else "Flagged as a place of concern; nothing linked in this window."
        if category:
            why += f" {plural(len(children), 'child', 'children')} rated for {category}."
        score = hot.score if hot else 0.0
        out.append(_item(namer, place, children, score, why, today, new.get(place.id, [])))
    return out


def places_people_of_concern(
    store: GraphStore,
    user: User,
    *,
    since: str | None = None,
    until: str | None = None,
    category: str | None = None,
    last_panel_date: str | None = None,
    purpose: Purpose = Purpose.PANEL_OVERSIGHT,
    today: date | None = None,
) -> Agenda:
    """The agenda item: persons and places ranked with why, linked children, reviews, news.

    Raises:
        PermissionDenied: the role may not see the agenda (refusal audited).
        ValueError: a malformed date (the message names it).
    """
    authorise(store, user, Permission.VIEW_AGENDA)
    day = today or date.today()
    data = read_store(store, Filters(since=since, until=until))
    namer = Namer(store, user, purpose)
    last = last_panel_date[:10] if last_panel_date else None
    new = new_index(data, last)
    persons = _persons(data, namer, category, new, day)
    places = _places(data, namer, category, new, day)
    points = [
        MapPoint(i.id, i.name, i.latitude, i.longitude, i.score, i.kind, i.why)
        for i in places
        if i.latitude is not None and i.longitude is not None
    ]
    flagged = [
        n
        for n in data.of_label(NodeLabel.PERSON_OF_CONCERN, NodeLabel.LOCATION)
        if last and str(n.properties.get("flagged_at") or "") > last
    ]
    agenda = Agenda(
        persons=persons,
        places=places,
        points=points,
        new_flags=sorted(namer.name(n)[0] for n in flagged),
        since=since,
        until=until,
        category=category,
        last_panel_date=last,
        as_of=data.as_of,
        purpose=purpose,
        minimised=not full_identities(user, purpose),
    )
    shown = [i.id for i in persons + places] + sorted(
        {c.id for i in persons + places for c in i.children}
    )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_places_people_of_concern",
        entity_ids=shown,
        purpose=purpose.value,
        detail=f"category={category or 'all'}; since={since or '-'}; until={until or '-'}",
    )
    return agenda
