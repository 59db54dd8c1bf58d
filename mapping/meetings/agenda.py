"""The MARVE panel agenda built from the graph, item by item as in the reference agenda.

Item 2 lists outstanding actions (overdue first); item 3, *Places of Concern / People of
Concern*, lists persons and places with intelligence new since the last panel or a review
falling due, with the disruption measures in force; item 4 asks the Prevent question ("any
common children?"); items 5–8 list the young people, each discussed once, victim first
(`discussion.py`). The calendar's deadlines come with it, met or missed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from graphdb.base import GraphStore
from mapping import audit
from mapping.meetings import calendar
from mapping.meetings.actions import ActionView, list_actions
from mapping.meetings.changelog import Paper, read_log
from mapping.meetings.discussion import DiscussedChild, classify, section_order
from mapping.meetings.sessions import MeetingView, load_meeting
from mapping.services.access import Permission, User, authorise
from schemas.enums import MeetingType, NodeLabel, Panel, PanelStatus, ReferralKind
from schemas.nodes import display_name
from schemas.records import StoredNode
from schemas.reference import DISRUPTION_MEASURES, MARVE_AGENDA, AgendaItem

MEASURE_NAMES = dict(DISRUPTION_MEASURES)
ON_PANEL = frozenset({PanelStatus.OPEN_REVIEW.value, PanelStatus.REFERRED.value})
DEFAULT_LOOKBACK = timedelta(days=35)


@dataclass(frozen=True, slots=True)
class AgendaSection:
    """One agenda item with what the graph puts under it."""

    item: AgendaItem
    lines: list[str] = field(default_factory=list)
    children: list[DiscussedChild] = field(default_factory=list)
    cross_refs: list[DiscussedChild] = field(default_factory=list)

    @property
    def heading(self) -> str:
        number = f"{self.item.number}. " if self.item.number else ""
        length = f" ({self.item.duration_minutes} min)" if self.item.duration_minutes else ""
        lead = f" — {self.item.lead}" if self.item.lead else ""
        return f"{number}{self.item.title}{length}{lead}"


@dataclass(frozen=True, slots=True)
class Agenda:
    meeting: MeetingView
    since: date
    sections: list[AgendaSection]
    deadlines: list[calendar.Deadline]
    cutoff: datetime
    referrals_on_time: int
    referrals_late: int

    @property
    def cutoff_line(self) -> str:
        return (
            f"Referral cut-off: {self.cutoff:%a %d %b %Y, %H:%M} — {self.referrals_on_time} "
            f"MARVE referral(s) received since {self.since:%d %b} in time for this panel, "
            f"{self.referrals_late} after the cut-off (for the next panel)."
        )


def _previous_panel(store: GraphStore, meeting: MeetingView) -> date:
    earlier = [
        date.fromisoformat(str(n.properties["held_on"]))
        for n in store.iter_nodes([NodeLabel.MEETING])
        if n.properties.get("meeting_type") == MeetingType.MARVE_PANEL.value
        and n.id != meeting.id
        and str(n.properties["held_on"]) < meeting.held_on.isoformat()
    ]
    return max(earlier, default=meeting.held_on - DEFAULT_LOOKBACK)


def _panel_children(store: GraphStore, meeting: MeetingView) -> list[StoredNode]:
    if meeting.cohort:
        return list(store.get_nodes(meeting.cohort).values())
    return [
        n
        for n in store.iter_nodes([NodeLabel.CHILD])
        if n.properties.get("panel_status") in ON_PANEL and not n.properties.get("merged_into")
    ]


def _actions_lines(actions: list[ActionView], panel: date) -> list[str]:
    ordered = sorted(actions, key=lambda a: (not a.overdue(panel), a.due_date or date.max))
    lines = []
    for a in ordered:
        due = f"due {a.due_date:%d %b %Y}" if a.due_date else "no due date"
        flag = "OVERDUE — " if a.overdue(panel) else ""
        lines.append(
            f"{flag}{a.text} — {a.owner} ({a.agency or 'agency not set'}), {due}; about {a.about}"
        )
    return lines or ["No outstanding actions."]


def _concern_lines(store: GraphStore, since: date, panel: date) -> list[str]:
    """Persons and places of concern with new intelligence since the last panel, or a review
    falling due before the next one; busiest first."""
    horizon = calendar.next_panel_date(panel + timedelta(days=1))
    subjects = [
        n
        for n in store.iter_nodes([NodeLabel.PERSON_OF_CONCERN, NodeLabel.LOCATION])
        if not n.properties.get("merged_into")
        and (
            n.label == NodeLabel.PERSON_OF_CONCERN
            or n.properties.get("of_concern")
            or n.properties.get("disruption_measures")
        )
    ]
    fresh: dict[str, int] = {}
    for link in store.links_of([n.id for n in subjects]):
        reported = str(link.properties.get("reported_at") or "")[:10]
        if reported and since.isoformat() < reported <= panel.isoformat():
            for end in (link.source, link.target):
                fresh[end] = fresh.get(end, 0) + 1
    rows: list[tuple[int, str]] = []
    for node in subjects:
        p = node.properties
        review = str(p.get("review_date") or "")
        due = bool(review) and review <= horizon.isoformat()
        new = fresh.get(node.id, 0)
        if not new and not due:
            continue
        kind = "person of concern" if node.label == NodeLabel.PERSON_OF_CONCERN else "place"
        parts = [f"{new} new item(s) of intelligence since {since:%d %b}" if new else ""]
        if due:
            when = date.fromisoformat(review)
            overdue = " (overdue)" if when < since else ""
            parts.append(f"review due {when:%d %b %Y}{overdue}")
        measures = [MEASURE_NAMES.get(m, m) for m in p.get("disruption_measures", [])]
        if measures:
            parts.append("in force: " + ", ".join(measures))
        detail = "; ".join(x for x in parts if x)
        rows.append((new, f"{display_name(node.label, p)} ({kind}): {detail}"))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return [r[1] for r in rows] or ["No new intelligence and no reviews due."]


def _referral_counts(store: GraphStore, since: date, cutoff: datetime) -> tuple[int, int]:
    on_time = late = 0
    for n in store.iter_nodes([NodeLabel.REFERRAL]):
        if n.properties.get("referral_kind") != ReferralKind.MARVE.value:
            continue
        sent = calendar.local(datetime.fromisoformat(str(n.properties["submitted_at"])))
        if sent.date() <= since:
            continue
        if sent <= cutoff:
            on_time += 1
        else:
            late += 1
    return on_time, late


def meeting_deadlines(
    store: GraphStore, meeting: MeetingView, *, now: datetime | None = None
) -> list[calendar.Deadline]:
    """Agenda (panels only), actions and minutes deadlines, each met, missed or due."""
    moment = now or datetime.now(UTC)
    sent = read_log(store, meeting.id).sent
    found = []
    if meeting.meeting_type == MeetingType.MARVE_PANEL:
        due = calendar.agenda_due(meeting.held_on)
        found.append(
            calendar.deadline(
                "Agenda out (5 working days before)", due, sent.get(Paper.AGENDA), moment
            )
        )
    actions_by = calendar.actions_due(meeting.held_on, meeting.closed_at)
    found.append(
        calendar.deadline("Actions out (48 hours)", actions_by, sent.get(Paper.ACTIONS), moment)
    )
    minutes_by = calendar.minutes_due(meeting.held_on)
    found.append(
        calendar.deadline(
            "Minutes out (7 working days)", minutes_by, sent.get(Paper.MINUTES), moment
        )
    )
    return found


def build_agenda(
    store: GraphStore, user: User, meeting_id: str, *, now: datetime | None = None
) -> Agenda:
    """The MARVE agenda for a meeting, from the graph as it stands."""
    authorise(store, user, Permission.VIEW_AGENDA, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    panel = meeting.held_on
    since = _previous_panel(store, meeting)
    nodes = _panel_children(store, meeting)
    children = [classify(c) for c in nodes]
    actions = list_actions(store, user, open_only=True)
    prevent = sorted(
        (
            c
            for c, node in zip(children, nodes, strict=True)
            if Panel.PREVENT.value in node.properties.get("panels", [])
        ),
        key=lambda c: c.name.casefold(),
    )
    sections = []
    for item in MARVE_AGENDA:
        section = AgendaSection(item)
        if item.number == 2:
            section.lines.extend(_actions_lines(actions, panel))
        elif item.number == 3:
            section.lines.extend(_concern_lines(store, since, panel))
        elif item.number == 4:
            names = ", ".join(c.name for c in prevent)
            section.lines.append(
                f"Prevent panel — any common children? {len(prevent)} on both: {names}."
                if prevent
                else "Prevent panel — any common children? None known to both panels."
            )
        if item.number in (4, 5, 6, 7, 8):
            section.children.extend(section_order(children, item.number))
            section.cross_refs.extend(
                sorted(
                    (c for c in children if item.number in c.cross_refs),
                    key=lambda c: c.name.casefold(),
                )
            )
        sections.append(section)
    cutoff = calendar.referral_cutoff(panel)
    on_time, late = _referral_counts(store, since, cutoff)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_agenda",
        entity_ids=[meeting_id, *(c.id for c in children)],
    )
    return Agenda(
        meeting=meeting,
        since=since,
        sections=sections,
        deadlines=meeting_deadlines(store, meeting, now=now),
        cutoff=cutoff,
        referrals_on_time=on_time,
        referrals_late=late,
    )
