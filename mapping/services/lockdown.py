"""Lock-down: records restricted to named agencies, access requests and decisions (all audited)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from graphdb.base import GraphStore
from graphdb.errors import NotFound
from mapping import audit
from mapping.services.access import Permission, User, authorise
from schemas.records import StoredNode

KIND = "access_request"


@dataclass(frozen=True, slots=True)
class RestrictedNotice:
    """What someone outside the named agencies sees instead of the record."""

    node_id: str
    agencies: list[str]

    @property
    def message(self) -> str:
        return f"Known to agencies {', '.join(self.agencies)} — request access"


def _granted(store: GraphStore, user: User, node_id: str) -> bool:
    found = store.get_document(KIND, f"{node_id}|{user.username}")
    return bool(found and found[0].get("status") == "granted")


def restriction(store: GraphStore, user: User, node: StoredNode) -> RestrictedNotice | None:
    """None when the user may see the record; otherwise the notice to show instead."""
    agencies = [str(a) for a in node.properties.get("restricted_to", []) or []]
    if not agencies or user.agency in agencies or _granted(store, user, node.id):
        return None
    return RestrictedNotice(node.id, agencies)


def request_access(store: GraphStore, user: User, node_id: str, reason: str) -> str:
    """Ask the named agencies (through an administrator) for access to a restricted record."""
    authorise(store, user, Permission.REQUEST_ACCESS, (node_id,))
    if len(reason.strip()) < 10:
        raise ValueError("reason: say why you need access (at least 10 characters)")
    if store.get_node(node_id) is None:
        raise NotFound(f"no record {node_id}")
    key = f"{node_id}|{user.username}"
    store.put_document(
        KIND,
        key,
        {
            "node_id": node_id,
            "username": user.username,
            "agency": user.agency,
            "reason": reason.strip(),
            "status": "requested",
            "ticket": secrets.token_hex(4),
            "requested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="request_access",
        entity_ids=[node_id],
        detail="requested",
    )
    return key


def pending_requests(store: GraphStore, user: User) -> list[dict[str, object]]:
    authorise(store, user, Permission.DECIDE_ACCESS)
    return [doc for _, doc in store.list_documents(KIND) if doc.get("status") == "requested"]


def decide_access(store: GraphStore, user: User, key: str, *, grant: bool, note: str = "") -> None:
    """Grant or refuse a request; the decision is kept with the request and audited."""
    authorise(store, user, Permission.DECIDE_ACCESS)
    found = store.get_document(KIND, key)
    if found is None:
        raise NotFound(f"no access request {key}")
    doc, version = found
    doc.update(
        status="granted" if grant else "refused",
        decided_by=user.username,
        decided_at=datetime.now(UTC).isoformat(timespec="seconds"),
        note=note,
    )
    store.put_document(KIND, key, doc, expected_version=version)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="decide_access",
        entity_ids=[str(doc["node_id"])],
        outcome="granted" if grant else "refused",
        detail=f"for {doc['username']}",
    )
