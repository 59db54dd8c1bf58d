"""Minutes generated from a meeting session: attendees and quorum, the young people discussed
(victim first), every change to the map (added, changed, dismissed), decisions, actions,
deadlines and a picture of the map — as Markdown and as DOCX.

Names are looked up here, at drawing-up time, from the ids in the session log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from graphdb.base import GraphStore
from mapping import audit
from mapping.meetings import documents
from mapping.meetings.actions import ActionView, list_actions
from mapping.meetings.agenda import meeting_deadlines
from mapping.meetings.calendar import Deadline
from mapping.meetings.changelog import Change, ChangeKind, read_log
from mapping.meetings.cohortmap import cohort_graph
from mapping.meetings.discussion import DiscussedChild, discussion_order
from mapping.meetings.picture import map_picture
from mapping.meetings.sessions import MeetingView, load_meeting
from mapping.services.access import Permission, User, authorise
from schemas.nodes import display_name
from schemas.records import StoredLink


@dataclass(frozen=True, slots=True)
class Minutes:
    meeting: MeetingView
    discussed: list[DiscussedChild]
    added: list[str]
    changed: list[str]
    dismissed: list[str]
    actions: list[ActionView]
    deadlines: list[Deadline]
    picture: bytes | None
    drawn_up: datetime

    @property
    def quorum_line(self) -> str:
        return self.meeting.quorum.line


def _describe(change: Change, names: dict[str, str], links: dict[str, StoredLink]) -> str:
    def name(node_id: str | None) -> str:
        return names.get(node_id or "", node_id or "?")

    said = f"{change.agency}" + (f", {change.basis}" if change.basis else "")
    said += f", graded {change.grading}" if change.grading else ""
    link = links.get(change.ref)
    kind = (change.type or "").replace("_", " ").lower()
    if change.what == "suggestion":
        a, b, place = (change.ref.split("|") + ["", "", ""])[:3]
        if change.change is ChangeKind.DISMISSED:
            reason = f" — {change.detail}" if change.detail else ""
            return f"Suggested link between {name(a)} and {name(b)} (seen together at {name(place)}) dismissed by the meeting{reason}"
        return (
            f"Link confirmed between {name(change.source)} and {name(change.target)} "
            f"(suggested: seen together at {name(change.detail)}) — {said}"
        )
    if change.what == "sighting":
        seen = str(link.properties.get("observed_from", "")) if link else ""
        return f"Sighting: {name(change.source)} seen at {name(change.target)} {seen} — {said}".replace(
            "  ", " "
        )
    if change.what == "link":
        extra = f" ({change.detail})" if change.detail else ""
        verb = {"added": "Link", "changed": "Link changed", "dismissed": "Link dismissed"}[
            change.change
        ]
        return f"{verb}: {name(change.source)} — {kind} — {name(change.target)}{extra} — {said}"
    return f"New {change.what}: {name(change.ref)} — {said}"


def build_minutes(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    now: datetime | None = None,
    picture: bool = True,
) -> Minutes:
    """Minutes for a meeting from its session log and the graph."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    log = read_log(store, meeting_id)
    ids = {meeting.id, *meeting.cohort}
    for c in log.changes:
        ids.update(x for x in (c.ref, c.source, c.target, c.detail) if x)
        if c.what == "suggestion":
            ids.update(c.ref.split("|"))
    nodes = store.get_nodes(ids)
    names = {i: display_name(n.label, n.properties) for i, n in nodes.items()}
    links = {c.ref: link for c in log.changes if (link := store.get_link(c.ref)) is not None}
    lines = {k: [_describe(c, names, links) for c in log.of(k)] for k in ChangeKind}
    png = None
    if picture:
        map_nodes, map_links, fresh = cohort_graph(store, meeting, log)
        png = map_picture(
            map_nodes, map_links, cohort=meeting.cohort, new_links=fresh, title=meeting.title
        )
    cohort_nodes = [nodes[c] for c in meeting.cohort if c in nodes]
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="build_minutes",
        entity_ids=[meeting_id, *meeting.cohort],
    )
    return Minutes(
        meeting=meeting,
        discussed=discussion_order(cohort_nodes),
        added=lines[ChangeKind.ADDED],
        changed=lines[ChangeKind.CHANGED],
        dismissed=lines[ChangeKind.DISMISSED],
        actions=list_actions(store, user, meeting_id=meeting_id),
        deadlines=meeting_deadlines(store, meeting, now=now),
        picture=png,
        drawn_up=now or datetime.now(UTC),
    )


def _header(m: Minutes) -> list[str]:
    meeting = m.meeting
    status = (
        f"closed {meeting.closed_at:%d %b %Y %H:%M}"
        if meeting.closed_at
        else "open (draft minutes)"
    )
    return [
        f"{meeting.type_name} · {meeting.held_on:%A %d %B %Y}"
        + (f" · {meeting.venue}" if meeting.venue else ""),
        f"Meeting {meeting.id} · {status} · drawn up {m.drawn_up:%d %b %Y %H:%M}",
    ]


def _action_rows(m: Minutes) -> list[list[str]]:
    return [
        [
            a.text,
            a.about,
            a.owner,
            a.agency or "",
            f"{a.due_date:%d %b %Y}" if a.due_date else "",
            f"{a.review_date:%d %b %Y}" if a.review_date else "",
            a.status.value,
        ]
        for a in m.actions
    ]


ACTION_HEADERS = ["Action", "About", "Owner", "Agency", "Due", "Review", "Status"]


def minutes_markdown(m: Minutes) -> str:
    """The minutes as Markdown (the picture is left to the DOCX and the page)."""
    out = [f"# Minutes: {m.meeting.title}", "", *(f"_{line}_  " for line in _header(m)), ""]
    out += ["## Attendees", ""]
    out += [f"- {a['name']} — {a['agency']}" for a in m.meeting.attendees] or ["- None recorded."]
    out += ["", f"**{m.quorum_line}**", "", "## Young people discussed (victim first)", ""]
    out += [f"{i}. {c.summary}" for i, c in enumerate(m.discussed, 1)] or ["None."]
    out += ["", "## Changes to the map during the meeting"]
    for title, lines in (("Added", m.added), ("Changed", m.changed), ("Dismissed", m.dismissed)):
        out += ["", f"### {title}", ""] + ([f"- {x}" for x in lines] or ["None."])
    out += ["", "## Decisions", ""] + ([f"- {d}" for d in m.meeting.decisions] or ["None."])
    out += ["", "## Actions", ""]
    if m.actions:
        out += ["| " + " | ".join(ACTION_HEADERS) + " |", "|" + "---|" * len(ACTION_HEADERS)]
        out += ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in _action_rows(m)]
    else:
        out.append("None.")
    out += ["", "## Deadlines", ""] + [f"- {d.text}" for d in m.deadlines]
    out += ["", f"_{documents.CONFIDENTIAL}_", ""]
    return "\n".join(out)


def minutes_docx(m: Minutes) -> bytes:
    """The minutes as a DOCX file (bytes)."""
    doc = documents.new_document(f"Minutes: {m.meeting.title}", "\n".join(_header(m)))
    doc.add_heading("Attendees", level=1)
    documents.add_table(
        doc, ["Name", "Agency"], [[a["name"], a["agency"]] for a in m.meeting.attendees]
    )
    doc.add_paragraph().add_run(m.quorum_line).bold = True
    doc.add_heading("Young people discussed (victim first)", level=1)
    documents.add_bullets(doc, [c.summary for c in m.discussed])
    doc.add_heading("Changes to the map during the meeting", level=1)
    for title, lines in (("Added", m.added), ("Changed", m.changed), ("Dismissed", m.dismissed)):
        doc.add_heading(title, level=2)
        documents.add_bullets(doc, lines)
    doc.add_heading("Decisions", level=1)
    documents.add_bullets(doc, m.meeting.decisions)
    doc.add_heading("Actions", level=1)
    documents.add_table(doc, ACTION_HEADERS, _action_rows(m))
    doc.add_heading("Deadlines", level=1)
    documents.add_bullets(doc, [d.text for d in m.deadlines])
    if m.picture:
        doc.add_heading("The map", level=1)
        documents.add_picture(
            doc,
            m.picture,
            "The cohort (ringed) and their direct links. Dashed: opinion or ungraded. "
            "Orange: added in this meeting.",
        )
    return documents.to_bytes(doc)
