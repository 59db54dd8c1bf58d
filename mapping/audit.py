"""Append entries to the audit trail; every use case records what it did here."""

from __future__ import annotations

from collections.abc import Iterable

from graphdb.base import GraphStore
from schemas.audit import AuditEntry


def record(
    store: GraphStore,
    *,
    actor: str,
    action: str,
    role: str | None = None,
    entity_ids: Iterable[str] = (),
    purpose: str | None = None,
    outcome: str = "ok",
    detail: str | None = None,
) -> AuditEntry:
    """Append one audit entry and return it."""
    entry = AuditEntry(
        actor=actor,
        role=role,
        action=action,
        entity_ids=list(entity_ids),
        purpose=purpose,
        outcome=outcome,
        detail=detail,
    )
    store.append_audit(entry)
    return entry
