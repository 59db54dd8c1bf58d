"""The audit entry: who did what to which records, for what stated purpose, and the outcome."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import Field

from schemas.common import Model, ShortText


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class AuditEntry(Model):
    at: str = Field(default_factory=utc_now)
    actor: ShortText
    role: ShortText | None = None
    action: ShortText
    entity_ids: list[str] = Field(default_factory=list)
    purpose: ShortText | None = None
    outcome: ShortText = "ok"
    detail: ShortText | None = None
