"""Re-stating or dismissing a link already on record, in a meeting (with the session log).

A re-stated link keeps its original reporter; the agency re-stating it is named in its source
note and in the log. A dismissed link is kept, with its history, marked `dismissed`.
"""

from __future__ import annotations

from graphdb.base import GraphStore
from graphdb.errors import NotFound
from mapping.meetings.changelog import ChangeKind
from mapping.meetings.live import (
    KIND_FIELD,
    Contribution,
    authorise_change,
    checked_link,
    log_change,
)
from mapping.services.access import User
from schemas.enums import Agency, Basis
from schemas.records import StoredLink


def _existing_link(store: GraphStore, link_id: str) -> StoredLink:
    link = store.get_link(link_id)
    if link is None:
        raise NotFound(f"no link {link_id}")
    return link


def change_link(
    store: GraphStore,
    user: User,
    meeting_id: str,
    link_id: str,
    *,
    contribution: Contribution,
    kind: str | None = None,
) -> str:
    """Re-state an existing link in the meeting: new basis / grading / kind, same link.

    The original reporter stays on the link; the agency re-stating it is named in the source
    note and the session log. The earlier version is kept by the store.
    """
    authorise_change(store, user, meeting_id)
    link = _existing_link(store, link_id)
    before = link.properties
    agency = Agency(contribution.agency).value
    props = dict(before, basis=Basis(contribution.basis).value, meeting_id=meeting_id)
    if contribution.grading:
        props["grading"] = contribution.grading.strip().upper()
    note = f"re-stated at meeting {meeting_id} by {agency}"
    props["source_note"] = f"{before.get('source_note') or ''}; {note}".strip("; ")[:500]
    if kind and link.type in KIND_FIELD:
        props[KIND_FIELD[link.type]] = kind
    row = checked_link(link.type, link.id, link.source, link.target, props)
    notes = [
        f"{key} {before.get(key) or 'none'} → {row.properties.get(key)}"
        for key in ("basis", "grading", KIND_FIELD.get(link.type, "kind"))
        if before.get(key) != row.properties.get(key)
    ]
    store.write([], [row], actor=user.username)
    detail = "; ".join(notes) or "re-confirmed unchanged"
    log_change(
        store, user, meeting_id, ChangeKind.CHANGED, "link", row, link_id, contribution, detail
    )
    return link_id


def dismiss_link(
    store: GraphStore,
    user: User,
    meeting_id: str,
    link_id: str,
    *,
    reason: str,
    contribution: Contribution,
) -> str:
    """Mark a link dismissed by the meeting (kept, with its history, but no longer current)."""
    authorise_change(store, user, meeting_id)
    if len(reason.strip()) < 3:
        raise ValueError("reason: say why the meeting dismissed the link")
    link = _existing_link(store, link_id)
    props = dict(link.properties, status="dismissed")
    row = checked_link(link.type, link.id, link.source, link.target, props)
    store.write([], [row], actor=user.username)
    detail = f"reason: {reason.strip()[:200]}"
    log_change(
        store, user, meeting_id, ChangeKind.DISMISSED, "link", row, link_id, contribution, detail
    )
    return link_id
