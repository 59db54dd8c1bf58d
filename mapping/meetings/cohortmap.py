"""Which records the meeting's map shows: the cohort, what the meeting added, and the people,
places, groups and objects most connected to them (incidents and workflow records left out).
"""

from __future__ import annotations

from graphdb.base import GraphStore
from mapping.meetings.changelog import ChangeKind, SessionLog
from mapping.meetings.sessions import MeetingView
from schemas.enums import LinkType, NodeLabel
from schemas.records import StoredLink, StoredNode

MAX_NODES = 40
MAP_TYPES = [
    t
    for t in LinkType
    if t
    not in (
        LinkType.DISCUSSED_AT,
        LinkType.ASSIGNED_TO,
        LinkType.SUBJECT_OF,
        LinkType.INVOLVED_IN,
        LinkType.OCCURRED_AT,
    )
]
# Neighbours most worth a place on a small picture come first.
PRIORITY = {
    NodeLabel.PERSON_OF_CONCERN: 0,
    NodeLabel.GROUP: 1,
    NodeLabel.LOCATION: 2,
    NodeLabel.CHILD: 3,
    NodeLabel.OBJECT: 4,
}


def cohort_graph(
    store: GraphStore, meeting: MeetingView, log: SessionLog, *, max_nodes: int = MAX_NODES
) -> tuple[list[StoredNode], list[StoredLink], set[str]]:
    """(nodes, links among them, ids of links added in the meeting) for the picture."""
    added = log.of(ChangeKind.ADDED)
    new_nodes = {c.ref for c in added if c.what not in ("link", "sighting", "suggestion")}
    new_links = {c.ref for c in added if c.type}
    new_ends = {e for c in added if c.type for e in (c.source, c.target) if e}
    core = list(dict.fromkeys([*meeting.cohort, *sorted(new_nodes | new_ends)]))
    degree: dict[str, int] = {}
    for link in store.links_of(core, types=MAP_TYPES):
        if link.properties.get("status") == "dismissed":
            continue
        for end in (link.source, link.target):
            if end not in core:
                degree[end] = degree.get(end, 0) + 1
    candidates = store.get_nodes(degree)
    ranked = sorted(
        (n for n in candidates.values() if n.label in PRIORITY),
        key=lambda n: (-degree[n.id], PRIORITY[n.label], n.id),
    )
    keep = [n.id for n in ranked[: max(0, max_nodes - len(core))]]
    nodes = store.get_nodes([*core, *keep])
    links = [
        x for x in store.links_of(nodes, types=MAP_TYPES) if x.source in nodes and x.target in nodes
    ]
    return list(nodes.values()), links, new_links
