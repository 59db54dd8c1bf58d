"""Meetings as sessions: create one, record attendees (with the live quorum), the cohort,
decisions, when papers went out, and close it.

Each function takes the store and the acting user, authorises, writes, then audits. Meeting
nodes are edited with `update_node(expected_version=…)`; a concurrent edit is re-read and the
change re-applied, so two people adding attendees at once both land.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from graphdb.base import GraphStore
from graphdb.errors import Conflict, NotFound
from mapping import audit
from mapping.meetings.changelog import Paper, mark_sent
from mapping.meetings.view import (
    MEETING_TYPE_NAMES,
    MeetingClosed,
    MeetingView,
    load_meeting,
    meeting_view,
    open_meeting,
)
from mapping.services.access import Permission, User, authorise
from schemas.enums import Agency, LinkType, MeetingType, NodeLabel
from schemas.interchange import link_row, node_row

RETRIES = 5


def _audit(
    store: GraphStore, user: User, action: str, ids: Iterable[str], detail: str = ""
) -> None:
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action=action,
        entity_ids=list(ids),
        detail=detail or None,
    )


def _edit(
    store: GraphStore,
    user: User,
    meeting_id: str,
    change: Callable[[dict[str, Any]], None],
    *,
    allow_closed: bool = False,
) -> MeetingView:
    """Apply `change` to the meeting's properties with optimistic concurrency (re-read on clash)."""
    for _ in range(RETRIES):
        node = store.get_node(meeting_id)
        if node is None or node.label != NodeLabel.MEETING:
            raise NotFound(f"no meeting {meeting_id}")
        if not allow_closed and node.properties.get("status") == "closed":
            raise MeetingClosed(f"meeting: {meeting_id} is closed; nothing more can be recorded")
        props = dict(node.properties)
        change(props)
        row = node_row(NodeLabel.MEETING, meeting_id, props)
        try:
            stored = store.update_node(
                meeting_id, row.properties, actor=user.username, expected_version=node.meta.version
            )
        except Conflict:
            continue
        return meeting_view(stored)
    raise Conflict(f"meeting {meeting_id}: changed by someone else too often; please retry")


def create_meeting(
    store: GraphStore,
    user: User,
    *,
    meeting_type: MeetingType,
    title: str,
    held_on: date,
    venue: str | None = None,
    cohort: Sequence[str] = (),
) -> str:
    """Create a meeting (open) and link its cohort to it; returns the meeting id."""
    authorise(store, user, Permission.RUN_MEETING)
    if not title.strip():
        raise ValueError("title: give the meeting a title")
    meeting_id = f"MTG-{held_on:%Y%m%d}-{secrets.token_hex(3).upper()}"
    props: dict[str, Any] = {
        "meeting_type": meeting_type.value,
        "title": title.strip(),
        "held_on": held_on.isoformat(),
        "venue": (venue or "").strip() or None,
        "cohort": [],
        "status": "open",
    }
    row = node_row(NodeLabel.MEETING, meeting_id, {k: v for k, v in props.items() if v is not None})
    store.write([row], [], actor=user.username)
    _audit(store, user, "create_meeting", [meeting_id], meeting_type.value)
    if cohort:
        add_to_cohort(store, user, meeting_id, cohort)
    return meeting_id


def list_meetings(store: GraphStore, user: User) -> list[MeetingView]:
    """Every meeting, most recent first."""
    authorise(store, user, Permission.VIEW_AGENDA)
    meetings = [meeting_view(n) for n in store.iter_nodes([NodeLabel.MEETING])]
    return sorted(meetings, key=lambda m: (m.held_on, m.id), reverse=True)


def get_meeting(store: GraphStore, user: User, meeting_id: str) -> MeetingView:
    """One meeting; viewing it (and so its cohort's names) is audited."""
    authorise(store, user, Permission.VIEW_AGENDA, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    _audit(store, user, "view_meeting", [meeting_id, *meeting.cohort])
    return meeting


def add_attendee(
    store: GraphStore, user: User, meeting_id: str, *, name: str, agency: Agency | str
) -> MeetingView:
    """Record someone present and the agency they represent."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    name, agency = name.strip(), Agency(agency).value
    if not name:
        raise ValueError("name: say who is attending")

    def change(props: dict[str, Any]) -> None:
        people = list(props.get("attendees", []))
        if not any(a["name"] == name and a["agency"] == agency for a in people):
            people.append({"name": name, "agency": agency})
        props["attendees"] = people

    meeting = _edit(store, user, meeting_id, change)
    _audit(store, user, "add_attendee", [meeting_id], agency)
    return meeting


def remove_attendee(
    store: GraphStore, user: User, meeting_id: str, *, name: str, agency: str
) -> MeetingView:
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))

    def change(props: dict[str, Any]) -> None:
        props["attendees"] = [
            a for a in props.get("attendees", []) if (a["name"], a["agency"]) != (name, agency)
        ]

    meeting = _edit(store, user, meeting_id, change)
    _audit(store, user, "remove_attendee", [meeting_id], agency)
    return meeting


def add_to_cohort(
    store: GraphStore, user: User, meeting_id: str, child_ids: Iterable[str]
) -> MeetingView:
    """Add young people to the meeting's cohort and link each to it with `DISCUSSED_AT`."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    wanted = list(dict.fromkeys(child_ids))
    found = store.get_nodes(wanted)
    for child_id in wanted:
        node = found.get(child_id)
        if node is None or node.label != NodeLabel.CHILD:
            raise ValueError(f"cohort: {child_id} is not a young person on record")
    meeting = open_meeting(store, meeting_id)
    links = [
        link_row(
            LinkType.DISCUSSED_AT,
            f"{meeting_id}-D-{child_id}",
            child_id,
            meeting_id,
            {
                "reported_at": meeting.held_on.isoformat(),
                "reported_by": user.username,
                "meeting_id": meeting_id,
                "status": "in_cohort",
            },
        )
        for child_id in wanted
    ]
    store.write([], links, actor=user.username)

    def change(props: dict[str, Any]) -> None:
        props["cohort"] = list(dict.fromkeys([*props.get("cohort", []), *wanted]))

    meeting = _edit(store, user, meeting_id, change)
    _audit(store, user, "add_to_cohort", [meeting_id, *wanted])
    return meeting


def remove_from_cohort(
    store: GraphStore, user: User, meeting_id: str, child_id: str
) -> MeetingView:
    """Take a young person off the cohort (the DISCUSSED_AT link is kept, marked withdrawn)."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id, child_id))
    meeting = open_meeting(store, meeting_id)
    link = store.get_link(f"{meeting_id}-D-{child_id}")
    if link is not None:
        props = dict(link.properties, status="withdrawn")
        store.write(
            [],
            [link_row(LinkType.DISCUSSED_AT, link.id, link.source, link.target, props)],
            actor=user.username,
        )

    def change(props: dict[str, Any]) -> None:
        props["cohort"] = [c for c in props.get("cohort", []) if c != child_id]

    meeting = _edit(store, user, meeting.id, change)
    _audit(store, user, "remove_from_cohort", [meeting_id, child_id])
    return meeting


def record_decision(store: GraphStore, user: User, meeting_id: str, text: str) -> MeetingView:
    """Add a decision to the meeting's record."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    text = text.strip()
    if len(text) < 3:
        raise ValueError("decision: write the decision in a few words")

    def change(props: dict[str, Any]) -> None:
        props["decisions"] = [*props.get("decisions", []), text]

    meeting = _edit(store, user, meeting_id, change)
    _audit(store, user, "record_decision", [meeting_id])
    return meeting


def close_meeting(
    store: GraphStore, user: User, meeting_id: str, *, now: datetime | None = None
) -> MeetingView:
    """Close the meeting: its record is final and the 48-hour / 7-day clocks start."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    closed_at = (now or datetime.now(UTC)).isoformat(timespec="seconds")

    def change(props: dict[str, Any]) -> None:
        props["status"] = "closed"
        props["closed_at"] = closed_at

    meeting = _edit(store, user, meeting_id, change)
    _audit(store, user, "close_meeting", [meeting_id])
    return meeting


def record_sent(
    store: GraphStore, user: User, meeting_id: str, paper: Paper, *, at: datetime | None = None
) -> None:
    """Record that the agenda, the actions or the minutes went out (for met / missed)."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    load_meeting(store, meeting_id)
    mark_sent(store, meeting_id, paper, at or datetime.now(UTC))
    _audit(store, user, "record_sent", [meeting_id], str(paper))


__all__ = [
    "MEETING_TYPE_NAMES",
    "MeetingClosed",
    "MeetingView",
    "load_meeting",
    "open_meeting",
]
