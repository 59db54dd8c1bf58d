"""What the meeting page reads: record search, the cohort in discussion order, the links around
it (to change or dismiss), and the map picture. Every read is authorised and audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graphdb.base import GraphStore
from mapping import audit
from mapping.meetings.changelog import read_log
from mapping.meetings.cohortmap import MAP_TYPES, cohort_graph
from mapping.meetings.discussion import DiscussedChild, discussion_order
from mapping.meetings.picture import map_picture
from mapping.meetings.sessions import load_meeting
from mapping.services.access import Permission, User, authorise
from schemas.enums import NodeLabel
from schemas.nodes import display_name

LABEL_WORDS = {
    NodeLabel.CHILD: "young person",
    NodeLabel.PERSON_OF_CONCERN: "person of concern",
    NodeLabel.LOCATION: "place",
    NodeLabel.GROUP: "group",
    NodeLabel.OBJECT: "phone / vehicle / account",
}


@dataclass(frozen=True, slots=True)
class Found:
    id: str
    label: str
    name: str

    @property
    def text(self) -> str:
        return f"{self.name} ({LABEL_WORDS.get(NodeLabel(self.label), self.label)})"


@dataclass(frozen=True, slots=True)
class LinkChoice:
    id: str
    text: str


def _audit(store: GraphStore, user: User, action: str, ids: Iterable[str]) -> None:
    audit.record(store, actor=user.username, role=user.role, action=action, entity_ids=list(ids))


def find_records(
    store: GraphStore,
    user: User,
    text: str,
    *,
    labels: Iterable[NodeLabel] | None = None,
    limit: int = 10,
) -> list[Found]:
    """People, places, groups or objects whose name or alias starts with `text` (2+ letters)."""
    authorise(store, user, Permission.RUN_MEETING)
    if len(text.strip()) < 2:
        return []
    wanted = list(labels) if labels else list(LABEL_WORDS)
    hits = [
        h
        for h in store.find(text.strip(), labels=wanted, limit=limit)
        if not h.properties.get("merged_into")
    ]
    _audit(store, user, "meeting_search", [h.id for h in hits])
    return [Found(h.id, str(h.label), display_name(h.label, h.properties)) for h in hits]


def cohort_in_order(store: GraphStore, user: User, meeting_id: str) -> list[DiscussedChild]:
    """The meeting's young people in discussion order (victim first)."""
    authorise(store, user, Permission.VIEW_AGENDA, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    nodes = store.get_nodes(meeting.cohort)
    _audit(store, user, "view_cohort", [meeting_id, *nodes])
    return discussion_order(nodes[c] for c in meeting.cohort if c in nodes)


def records_named(store: GraphStore, user: User, meeting_id: str) -> list[Found]:
    """The cohort, what the meeting added and their direct neighbours, for pickers."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    nodes, _, _ = cohort_graph(store, meeting, read_log(store, meeting_id))
    order = {c: i for i, c in enumerate(meeting.cohort)}
    shown = [n for n in nodes if n.label in LABEL_WORDS]
    shown.sort(key=lambda n: (order.get(n.id, len(order)), str(n.label), n.id))
    _audit(store, user, "view_cohort_records", [meeting_id, *(n.id for n in shown)])
    return [Found(n.id, str(n.label), display_name(n.label, n.properties)) for n in shown]


def cohort_links(store: GraphStore, user: User, meeting_id: str) -> list[LinkChoice]:
    """Current links touching the cohort, described for a change / dismiss picker."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    links = [
        x
        for x in store.links_of(meeting.cohort, types=MAP_TYPES)
        if x.properties.get("status") != "dismissed"
    ]
    nodes = store.get_nodes({e for x in links for e in (x.source, x.target)})

    def name(node_id: str) -> str:
        node = nodes.get(node_id)
        return display_name(node.label, node.properties) if node else node_id

    out = []
    for x in sorted(links, key=lambda x: (name(x.source), name(x.target), x.id)):
        p = x.properties
        kind = p.get("kind") or p.get("role")
        said = ", ".join(
            str(v) for v in (p.get("reporting_agency"), p.get("basis"), p.get("grading")) if v
        )
        label = str(x.type).replace("_", " ").lower() + (f" ({kind})" if kind else "")
        out.append(
            LinkChoice(
                x.id, f"{name(x.source)} — {label} — {name(x.target)} · {said or 'no provenance'}"
            )
        )
    _audit(store, user, "view_cohort_links", [meeting_id, *nodes])
    return out


def map_png(store: GraphStore, user: User, meeting_id: str) -> bytes:
    """The cohort's map as a PNG (the same picture the minutes carry)."""
    authorise(store, user, Permission.VIEW_AGENDA, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    nodes, links, fresh = cohort_graph(store, meeting, read_log(store, meeting_id))
    _audit(store, user, "view_cohort_map", [meeting_id, *(n.id for n in nodes)])
    return map_picture(nodes, links, cohort=meeting.cohort, new_links=fresh, title=meeting.title)
