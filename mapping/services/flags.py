"""Review timers on person- and place-of-concern flags: due, overdue, and expiry (never deletion)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from graphdb.base import GraphStore
from mapping import audit
from mapping.services.access import Permission, User, authorise
from schemas.enums import NodeLabel
from schemas.nodes import display_name

FLAGGED = [NodeLabel.PERSON_OF_CONCERN, NodeLabel.LOCATION, NodeLabel.GROUP]


@dataclass(frozen=True, slots=True)
class FlagReview:
    node_id: str
    label: str
    name: str
    review_date: str
    status: str
    overdue: bool


def review_due(
    store: GraphStore, user: User, *, today: date, within_days: int = 28
) -> list[FlagReview]:
    """Flags whose review date has passed or falls within `within_days`, most overdue first."""
    authorise(store, user, Permission.VIEW_AGENDA)
    horizon = (today + timedelta(days=within_days)).isoformat()
    due = []
    for node in store.iter_nodes(FLAGGED):
        review = node.properties.get("review_date")
        if not review or str(review) > horizon:
            continue
        due.append(
            FlagReview(
                node.id,
                str(node.label),
                display_name(node.label, node.properties),
                str(review),
                str(node.properties.get("flag_status") or "active"),
                str(review) < today.isoformat(),
            )
        )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_reviews_due",
        entity_ids=[f.node_id for f in due],
    )
    return sorted(due, key=lambda f: (f.review_date, f.node_id))


def expire_overdue(store: GraphStore, user: User, *, today: date) -> list[str]:
    """Mark flags past their review date as expired (kept, with history), so labels don't persist."""
    authorise(store, user, Permission.EDIT_RECORD)
    expired = []
    for node in store.iter_nodes(FLAGGED):
        review = node.properties.get("review_date")
        status = node.properties.get("flag_status") or "active"
        if review and str(review) < today.isoformat() and status != "expired":
            props = dict(node.properties, flag_status="expired")
            store.update_node(
                node.id, props, actor=user.username, expected_version=node.meta.version
            )
            expired.append(node.id)
    audit.record(
        store, actor=user.username, role=user.role, action="expire_flags", entity_ids=expired
    )
    return expired


def default_review_date(flagged_on: date, weeks: int = 12) -> str:
    return (flagged_on + timedelta(weeks=weeks)).isoformat()
