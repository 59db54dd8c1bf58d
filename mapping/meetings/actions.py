"""Actions attached to graph elements: a child, a place, a person of concern, or a link.

An action is an `Action` node with an `ASSIGNED_TO` link to each element it is about. An
action about a *link* is assigned to both ends of the link, and those `ASSIGNED_TO` links name
the link in their source note (`about link <id>`), since a link cannot end at a link. Overdue
actions surface on the next agenda and on the owner's landing page (`my_actions`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from graphdb.base import GraphStore
from graphdb.errors import Conflict, NotFound
from mapping import audit
from mapping.services.access import Permission, User, authorise
from schemas.enums import ActionStatus, Agency, LinkType, NodeLabel
from schemas.interchange import RecordError, link_row, node_row
from schemas.nodes import display_name
from schemas.records import LinkRow, StoredNode

LINK_NOTE = "about link "
REVIEW_WEEKS = 12


@dataclass(frozen=True, slots=True)
class Target:
    """What an action is about: a node (`link_id` None) or a link (one of its two ends)."""

    id: str
    label: str
    name: str
    link_id: str | None = None


@dataclass(frozen=True, slots=True)
class ActionView:
    id: str
    version: int
    text: str
    owner: str
    agency: str | None
    due_date: date | None
    review_date: date | None
    status: ActionStatus
    meeting_id: str | None
    targets: list[Target]
    completed_at: datetime | None

    def overdue(self, as_of: date) -> bool:
        return (
            self.status is ActionStatus.OPEN and self.due_date is not None and self.due_date < as_of
        )

    @property
    def about(self) -> str:
        """The elements it is about, named (a link appears once, as "A – B")."""
        seen: dict[str, list[str]] = {}
        for t in self.targets:
            seen.setdefault(t.link_id or t.id, []).append(t.name)
        return "; ".join(" – ".join(names) for names in seen.values()) or "(nothing linked)"


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def completed_at(store: GraphStore, node: StoredNode) -> datetime | None:
    """When the action was first marked done (from its kept versions), or None."""
    if node.properties.get("status") != ActionStatus.DONE.value:
        return None
    versions = [(r.version, r.properties, r.changed_at) for r in store.history(node.id)]
    versions.append((node.meta.version, node.properties, node.meta.updated_at))
    for _, props, when in sorted(versions, key=lambda v: v[0]):
        if props.get("status") == ActionStatus.DONE.value:
            return datetime.fromisoformat(str(when))
    return None


def _views(store: GraphStore, nodes: Sequence[StoredNode]) -> list[ActionView]:
    assigned = store.links_of([n.id for n in nodes], types=[LinkType.ASSIGNED_TO])
    ends = store.get_nodes({x.target for x in assigned})
    targets: dict[str, list[Target]] = {}
    for link in sorted(assigned, key=lambda x: x.id):
        end = ends.get(link.target)
        if end is None:
            continue
        note = str(link.properties.get("source_note") or "")
        about_link = note.removeprefix(LINK_NOTE) if note.startswith(LINK_NOTE) else None
        name = display_name(end.label, end.properties)
        targets.setdefault(link.source, []).append(Target(end.id, str(end.label), name, about_link))
    out = []
    for node in nodes:
        p = node.properties
        out.append(
            ActionView(
                id=node.id,
                version=node.meta.version,
                text=str(p["text"]),
                owner=str(p["owner"]),
                agency=p.get("agency"),
                due_date=_date(p.get("due_date")),
                review_date=_date(p.get("review_date")),
                status=ActionStatus(p.get("status", "open")),
                meeting_id=p.get("meeting_id"),
                targets=targets.get(node.id, []),
                completed_at=completed_at(store, node),
            )
        )
    return out


def _assignments(store: GraphStore, action_id: str, about: Iterable[str]) -> list[LinkRow]:
    rows: list[LinkRow] = []
    for ref in dict.fromkeys(about):
        link = store.get_link(ref)
        if link is not None:
            ends = [(link.source, f"{LINK_NOTE}{link.id}"), (link.target, f"{LINK_NOTE}{link.id}")]
        elif store.get_node(ref) is not None:
            ends = [(ref, "")]
        else:
            raise ValueError(f"about: no record or link {ref}")
        for end, note in ends:
            props: dict[str, Any] = {"source_note": note} if note else {}
            rows.append(
                link_row(
                    LinkType.ASSIGNED_TO, f"{action_id}-T{len(rows) + 1}", action_id, end, props
                )
            )
    return rows


def create_action(
    store: GraphStore,
    user: User,
    *,
    text: str,
    owner: str,
    about: Sequence[str],
    agency: Agency | str | None = None,
    due_date: date | None = None,
    review_date: date | None = None,
    meeting_id: str | None = None,
) -> str:
    """Create an action about one or more nodes or links; returns its id.

    Raises:
        ValueError: empty text or owner, nothing to attach it to, an unknown id, or a due
            date after the review date (the message names the field).
    """
    authorise(store, user, Permission.MANAGE_ACTIONS, tuple(about))
    if not about:
        raise ValueError("about: attach the action to a young person, place, person or link")
    if due_date and review_date and review_date < due_date:
        raise ValueError("review_date: must not be before the due date")
    action_id = f"ACT-{secrets.token_hex(4).upper()}"
    props: dict[str, Any] = {
        "text": text,
        "owner": owner,
        "agency": Agency(agency).value if agency else None,
        "due_date": due_date.isoformat() if due_date else None,
        "review_date": review_date.isoformat() if review_date else None,
        "status": ActionStatus.OPEN.value,
        "meeting_id": meeting_id,
    }
    if not text.strip() or not owner.strip():
        raise ValueError(f"{'text' if not text.strip() else 'owner'}: must not be empty")
    try:
        row = node_row(NodeLabel.ACTION, action_id, {k: v for k, v in props.items() if v})
    except RecordError as exc:
        raise ValueError(str(exc).removeprefix("properties.")) from None
    links = _assignments(store, action_id, about)
    store.write([row], links, actor=user.username)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="create_action",
        entity_ids=[action_id, *(x.target for x in links), *([meeting_id] if meeting_id else [])],
    )
    return action_id


def set_action_status(
    store: GraphStore,
    user: User,
    action_id: str,
    status: ActionStatus,
    *,
    expected_version: int | None = None,
) -> ActionView:
    """Mark an action done, cancelled or open again (optimistic concurrency when a version is
    given: Conflict if someone else changed it since it was read)."""
    authorise(store, user, Permission.MANAGE_ACTIONS, (action_id,))
    node = store.get_node(action_id)
    if node is None or node.label != NodeLabel.ACTION:
        raise NotFound(f"no action {action_id}")
    version = node.meta.version if expected_version is None else expected_version
    if version != node.meta.version:
        raise Conflict(f"action {action_id} was changed by someone else; reload it")
    props = dict(node.properties, status=ActionStatus(status).value)
    stored = store.update_node(action_id, props, actor=user.username, expected_version=version)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="set_action_status",
        entity_ids=[action_id],
        detail=str(status),
    )
    return _views(store, [stored])[0]


def list_actions(
    store: GraphStore,
    user: User,
    *,
    meeting_id: str | None = None,
    open_only: bool = False,
) -> list[ActionView]:
    """Actions (of one meeting, or all), soonest due first."""
    authorise(store, user, Permission.MANAGE_ACTIONS)
    nodes = [
        n
        for n in store.iter_nodes([NodeLabel.ACTION])
        if (meeting_id is None or n.properties.get("meeting_id") == meeting_id)
        and (not open_only or n.properties.get("status") == ActionStatus.OPEN.value)
    ]
    views = _views(store, nodes)
    return sorted(views, key=lambda a: (a.due_date or date.max, a.id))


def overdue_actions(
    store: GraphStore, user: User, *, as_of: date | None = None, owner: str | None = None
) -> list[ActionView]:
    """Open actions past their due date (optionally one owner's), most overdue first."""
    today = as_of or datetime.now(UTC).date()
    found = [
        a
        for a in list_actions(store, user, open_only=True)
        if a.overdue(today) and (owner is None or a.owner.casefold() == owner.casefold())
    ]
    return found


def my_actions(store: GraphStore, user: User, *, as_of: date | None = None) -> list[ActionView]:
    """The signed-in user's open actions (owner is their username or display name), overdue
    first — for the landing page."""
    names = {user.username.casefold(), (user.display_name or user.username).casefold()}
    today = as_of or datetime.now(UTC).date()
    mine = [a for a in list_actions(store, user, open_only=True) if a.owner.casefold() in names]
    return sorted(mine, key=lambda a: (not a.overdue(today), a.due_date or date.max, a.id))
