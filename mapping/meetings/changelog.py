"""A meeting's session log: every graph change made during it, and when papers went out.

Kept as a side document (kind `meeting_log`, key the meeting id) next to the Meeting node, so
the minutes can list what was added, changed and dismissed without diffing the graph. Entries
hold ids, never names: names are looked up when the minutes are drawn up. No permission
checks here; the session services call these after authorising.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from graphdb.base import GraphStore
from graphdb.errors import Conflict

LOG_KIND = "meeting_log"
RETRIES = 5


class ChangeKind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    DISMISSED = "dismissed"


class Paper(StrEnum):
    """What is sent out around a panel, each with its own deadline."""

    AGENDA = "agenda"
    ACTIONS = "actions"
    MINUTES = "minutes"


@dataclass(frozen=True, slots=True)
class Change:
    """One change to the map made in a meeting, attributed to the agency that contributed it.

    `what` is `person`, `place`, `link` or `suggestion`; `ref` is the node or link id (for a
    suggestion, `source|target|location`); `detail` is a short note such as "basis opinion →
    fact" or "kind friend".
    """

    change: ChangeKind
    what: str
    ref: str
    agency: str
    by: str
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    type: str | None = None
    source: str | None = None
    target: str | None = None
    basis: str | None = None
    grading: str | None = None
    detail: str | None = None

    def to_doc(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, StrEnum) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Change:
        known = {k: v for k, v in doc.items() if k in cls.__dataclass_fields__}
        known["change"] = ChangeKind(known["change"])
        return cls(**known)


@dataclass(frozen=True, slots=True)
class SessionLog:
    meeting_id: str
    changes: list[Change]
    sent: dict[Paper, datetime]

    def of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.change is kind]


def _empty(meeting_id: str) -> dict[str, Any]:
    return {"meeting_id": meeting_id, "changes": [], "sent": {}}


def read_log(store: GraphStore, meeting_id: str) -> SessionLog:
    """The meeting's log (empty when nothing has been recorded yet)."""
    found = store.get_document(LOG_KIND, meeting_id)
    doc: dict[str, Any] = dict(found[0]) if found else _empty(meeting_id)
    changes = [Change.from_doc(dict(c)) for c in doc.get("changes", [])]
    sent_doc: dict[str, Any] = dict(doc.get("sent") or {})
    sent = {Paper(k): datetime.fromisoformat(str(v)) for k, v in sent_doc.items()}
    return SessionLog(meeting_id, changes, sent)


def _update(store: GraphStore, meeting_id: str, edit: Callable[[dict[str, Any]], None]) -> None:
    """Apply `edit(doc)` and save, re-reading and retrying when another writer got in first."""
    for _ in range(RETRIES):
        found = store.get_document(LOG_KIND, meeting_id)
        doc: dict[str, Any] = dict(found[0]) if found else _empty(meeting_id)
        version = found[1] if found else 0
        edit(doc)
        try:
            store.put_document(LOG_KIND, meeting_id, doc, expected_version=version)
            return
        except Conflict:
            continue
    raise Conflict(f"meeting log {meeting_id}: too many concurrent changes; please retry")


def append_change(store: GraphStore, meeting_id: str, change: Change) -> None:
    """Add one change to the meeting's log."""

    def edit(doc: dict[str, Any]) -> None:
        doc["changes"] = [*doc.get("changes", []), change.to_doc()]

    _update(store, meeting_id, edit)


def mark_sent(store: GraphStore, meeting_id: str, paper: Paper, at: datetime) -> None:
    """Record when a paper was sent (the first time counts; later sends do not reset it)."""

    def edit(doc: dict[str, Any]) -> None:
        sent = dict(doc.get("sent") or {})
        sent.setdefault(str(paper), at.isoformat(timespec="seconds"))
        doc["sent"] = sent

    _update(store, meeting_id, edit)
