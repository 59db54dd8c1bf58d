"""The administrator's audit search: filter the append-only trail; the search is itself audited.

Read-only by design: nothing here (or anywhere in the app) edits or deletes an audit entry.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from graphdb.base import GraphStore
from mapping import audit
from mapping.services.access import Permission, User, authorise
from schemas.audit import AuditEntry

ACTION = "view_audit"


def _day_after(value: date | datetime | str) -> str:
    """The ISO date after `value`, so an `until` day includes everything that happened on it."""
    day = value.date() if isinstance(value, datetime) else value
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return (day + timedelta(days=1)).isoformat()


def _iso(value: date | datetime | str | None) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def _matches(
    entry: AuditEntry,
    actor: str | None,
    action: str | None,
    entity: str | None,
    outcome: str | None,
) -> bool:
    if outcome and entry.outcome != outcome:
        return False
    if actor and actor.casefold() not in entry.actor.casefold():
        return False
    if action and action.casefold() not in entry.action.casefold():
        return False
    return not entity or any(entity.casefold() in e.casefold() for e in entry.entity_ids)


def audit_trail(
    store: GraphStore,
    user: User,
    *,
    since: date | datetime | str | None = None,
    until: date | datetime | str | None = None,
    actor: str | None = None,
    action: str | None = None,
    entity: str | None = None,
    outcome: str | None = None,
    newest_first: bool = False,
) -> list[AuditEntry]:
    """Audit entries matching every given filter (administrators only), oldest first by default.

    `since` and `until` are dates (inclusive) or ISO times; `actor`, `action` and `entity`
    match case-blind parts of the username, the action name and any entity id. The search
    itself is recorded in the trail, after the results are read, with the filters used.

    Args:
        store: the graph store.
        user: the acting user; needs `Permission.VIEW_AUDIT`.
        since: earliest date or time to include.
        until: last date to include (the whole day).
        actor: part of the acting username.
        action: part of the action name, e.g. ``sign_in`` or ``merge_referral``.
        entity: part of an entity id, e.g. ``REF-`` or ``C-00001``.
        outcome: exactly ``ok``, ``denied`` or ``failed``.
        newest_first: reverse the order (the admin page's table).

    Example:
        >>> from graphdb.sqlite import SqliteStore
        >>> from schemas.enums import Role
        >>> store = SqliteStore(":memory:"); store.init()
        >>> _ = audit.record(store, actor="hale", action="sign_in")
        >>> admin = User(username="admin", role=Role.ADMIN)
        >>> [e.action for e in audit_trail(store, admin, actor="HAL")]
        ['sign_in']
        >>> [e.action for e in audit_trail(store, admin)][-1]
        'view_audit'
    """
    authorise(store, user, Permission.VIEW_AUDIT)
    start = _iso(since)
    end = _day_after(until) if until not in (None, "") else None
    found = [
        entry
        for entry in store.audit_entries(since=start)
        if (end is None or entry.at < end) and _matches(entry, actor, action, entity, outcome)
    ]
    filters = {
        "since": start,
        "until": _iso(until),
        "actor": actor,
        "action": action,
        "entity": entity,
        "outcome": outcome,
    }
    used = "; ".join(f"{k}={v}" for k, v in filters.items() if v)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action=ACTION,
        detail=f"{len(found)} result(s){'; ' + used if used else ''}"[:500],
    )
    return list(reversed(found)) if newest_first else found
