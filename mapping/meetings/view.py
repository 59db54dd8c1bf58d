"""A meeting as the other meeting modules read it: the Meeting node's properties, typed.

Reads only, no permission checks (callers authorise first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from graphdb.base import GraphStore
from graphdb.errors import NotFound
from mapping.meetings.quorum import Quorum, quorum
from schemas.enums import MeetingType, NodeLabel
from schemas.records import StoredNode

MEETING_TYPE_NAMES: dict[MeetingType, str] = {
    MeetingType.MARVE_PANEL: "MARVE panel",
    MeetingType.MAPPING: "Mapping meeting",
    MeetingType.MAP: "MAP meeting",
    MeetingType.STRATEGY: "Strategy meeting",
    MeetingType.MISPER_PANEL: "MISPER panel",
    MeetingType.CME_PANEL: "CME panel",
}


class MeetingClosed(ValueError):
    """The meeting is closed: nothing more is recorded against it."""


@dataclass(frozen=True, slots=True)
class MeetingView:
    """A meeting as pages and the minutes see it."""

    id: str
    version: int
    meeting_type: MeetingType
    title: str
    held_on: date
    venue: str | None
    attendees: list[dict[str, str]]
    cohort: list[str]
    decisions: list[str]
    status: str
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status != "closed"

    @property
    def quorum(self) -> Quorum:
        return quorum(self.attendees)

    @property
    def type_name(self) -> str:
        return MEETING_TYPE_NAMES[self.meeting_type]


def meeting_view(node: StoredNode) -> MeetingView:
    p = node.properties
    closed = p.get("closed_at")
    return MeetingView(
        id=node.id,
        version=node.meta.version,
        meeting_type=MeetingType(p["meeting_type"]),
        title=str(p["title"]),
        held_on=date.fromisoformat(str(p["held_on"])),
        venue=p.get("venue"),
        attendees=[dict(a) for a in p.get("attendees", [])],
        cohort=[str(c) for c in p.get("cohort", [])],
        decisions=[str(d) for d in p.get("decisions", [])],
        status=str(p.get("status", "open")),
        closed_at=datetime.fromisoformat(str(closed)) if closed else None,
    )


def load_meeting(store: GraphStore, meeting_id: str) -> MeetingView:
    """The meeting (no permission check: for other meeting services that already checked)."""
    node = store.get_node(meeting_id)
    if node is None or node.label != NodeLabel.MEETING:
        raise NotFound(f"no meeting {meeting_id}")
    return meeting_view(node)


def open_meeting(store: GraphStore, meeting_id: str) -> MeetingView:
    """The meeting, refusing when it is closed."""
    meeting = load_meeting(store, meeting_id)
    if not meeting.is_open:
        raise MeetingClosed(f"meeting: {meeting_id} is closed; nothing more can be recorded")
    return meeting
