"""Referral intake and triage: persist first, then match, then accept, merge or decline."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rapidfuzz import fuzz

from graphdb.base import GraphStore
from graphdb.terms import normalise_phone, normalise_text, normalise_vehicle
from mapping import audit
from mapping.services.access import Permission, User, authorise
from mapping.services.triage_decisions import (
    _get_referral,
    accept_referral,
    decline_referral,
    merge_referral,
)
from schemas.enums import (
    LinkType,
    NodeLabel,
    ObjectType,
    ReferralKind,
    ReferralStatus,
)
from schemas.forms import ConcernReferralForm, MarveReferralForm
from schemas.interchange import node_row
from schemas.nodes import display_name
from schemas.records import StoredNode


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    id: str
    kind: str
    subject: str
    status: str
    submitted_at: str
    decision_reason: str | None
    linked_record: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """An existing record that may be the referral's subject, with why it matched."""

    node: StoredNode
    score: float
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class ChildLookup:
    """What a referrer may see when linking a child: that the child exists, minimally."""

    id: str
    label: str


def _reference() -> str:
    return f"REF-{datetime.now(UTC):%Y%m%d}-{secrets.token_hex(3).upper()}"


def _persist(
    store: GraphStore,
    user: User,
    kind: ReferralKind,
    subject: str,
    form: dict[str, Any],
    extra: dict[str, Any],
) -> str:
    ref = _reference()
    props = {
        "referral_kind": kind.value,
        "status": ReferralStatus.SUBMITTED.value,
        "submitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "submitted_by": user.username,
        "agency": user.agency,
        "subject_name": subject,
        "form": form,
        **extra,
    }
    store.write([node_row(NodeLabel.REFERRAL, ref, props)], [], actor=user.username)
    audit.record(
        store, actor=user.username, role=user.role, action="submit_referral", entity_ids=[ref]
    )
    return ref


def submit_concern_referral(store: GraphStore, user: User, form: ConcernReferralForm) -> str:
    """Persist a person / location of concern referral before anything else; its reference."""
    authorise(store, user, Permission.SUBMIT_REFERRAL)
    extra: dict[str, Any] = {"basis": form.basis.value}
    if form.grading:
        extra["grading"] = form.grading
    return _persist(
        store,
        user,
        form.referral_kind,
        form.subject_name,
        form.model_dump(mode="json", exclude_none=True),
        extra,
    )


def submit_marve_referral(store: GraphStore, user: User, form: MarveReferralForm) -> str:
    """Persist a MARVE risk assessment and referral; returns its reference number."""
    authorise(store, user, Permission.SUBMIT_REFERRAL)
    subject = " ".join(p for p in (form.forename, form.family_name) if p)
    return _persist(
        store,
        user,
        ReferralKind.MARVE,
        subject,
        form.model_dump(mode="json", exclude_none=True),
        {},
    )


def _referrals(store: GraphStore) -> list[StoredNode]:
    return list(store.iter_nodes([NodeLabel.REFERRAL]))


def _summary(node: StoredNode) -> ReferralSummary:
    p = node.properties
    return ReferralSummary(
        node.id,
        str(p["referral_kind"]),
        str(p["subject_name"]),
        str(p["status"]),
        str(p["submitted_at"]),
        p.get("decision_reason"),
        p.get("linked_record"),
    )


def my_referrals(store: GraphStore, user: User) -> list[ReferralSummary]:
    """The user's own submissions, newest first."""
    authorise(store, user, Permission.VIEW_OWN_REFERRALS)
    mine = [
        _summary(n) for n in _referrals(store) if n.properties.get("submitted_by") == user.username
    ]
    return sorted(mine, key=lambda r: r.submitted_at, reverse=True)


def lookup_children(
    store: GraphStore, user: User, text: str, *, limit: int = 8
) -> list[ChildLookup]:
    """Search-as-you-type for linking children to a referral, minimised for referrers.

    A referrer sees full names only of children at their own organisation's school; others
    appear as initials and year of birth, so the search confirms existence and nothing more.
    """
    authorise(store, user, Permission.LOOKUP_CHILD_FOR_REFERRAL)
    if len(text.strip()) < 2:
        return []
    hits = store.find(text, labels=[NodeLabel.CHILD], limit=limit)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="lookup_child",
        entity_ids=[h.id for h in hits],
        detail=f"{len(hits)} result(s)",
    )
    found = []
    for node in hits:
        p = node.properties
        own = user.role.value != "referrer" or (p.get("school") and p.get("school") == user.agency)
        name = " ".join(str(p.get(k) or "") for k in ("forename", "family_name")).strip()
        if not own:
            initials = "".join(part[:1].upper() for part in name.split())
            name = f"{initials} (born {str(p.get('date_of_birth', ''))[:4] or 'unknown'})"
        found.append(ChildLookup(node.id, name))
    return found


def referral_queue(store: GraphStore, user: User) -> list[StoredNode]:
    """Referrals waiting for triage, oldest first."""
    authorise(store, user, Permission.TRIAGE_REFERRALS)
    waiting = {ReferralStatus.SUBMITTED.value, ReferralStatus.TRIAGED.value}
    queue = [n for n in _referrals(store) if n.properties.get("status") in waiting]
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_referral_queue",
        entity_ids=[n.id for n in queue],
    )
    return sorted(queue, key=lambda n: str(n.properties["submitted_at"]))


def match_candidates(
    store: GraphStore, user: User, referral_id: str, *, limit: int = 5
) -> list[Candidate]:
    """Existing people, aliases, vehicles, phones and places that may be the referral's subject."""
    authorise(store, user, Permission.TRIAGE_REFERRALS, (referral_id,))
    referral = _get_referral(store, referral_id)
    form = dict(referral.properties.get("form") or {})
    kind = referral.properties["referral_kind"]
    labels = (
        [NodeLabel.LOCATION]
        if kind == ReferralKind.LOCATION.value
        else [NodeLabel.PERSON_OF_CONCERN, NodeLabel.CHILD]
    )
    name = str(form.get("subject_name") or referral.properties["subject_name"])
    names = [name, *[str(a) for a in form.get("aliases", [])]]
    scores: dict[str, tuple[float, list[str]]] = {}

    def add(node: StoredNode, score: float, reason: str) -> None:
        best, reasons = scores.get(node.id, (0.0, []))
        scores[node.id] = (max(best, score), reasons + [reason])

    pool: dict[str, StoredNode] = {}
    for text in names:
        for token in normalise_text(text).split():
            if len(token) >= 3:
                for node in store.find(token[:3], labels=labels, limit=200):
                    pool[node.id] = node
    for node in pool.values():
        p = node.properties
        theirs = [
            " ".join(str(p.get(k) or "") for k in ("forename", "family_name")).strip()
            or str(p.get("name", ""))
        ]
        aliases = [str(a) for a in p.get("aliases", [])]
        for other, what in [(t, "name") for t in theirs] + [(a, "alias") for a in aliases]:
            # One reason per name or alias of theirs: the closest of the referral's names.
            similarity = max(
                fuzz.token_sort_ratio(normalise_text(mine), normalise_text(other)) for mine in names
            )
            if similarity >= 70:
                add(node, similarity / 100, f"{what} similar ({similarity:.0f}%): {other}")
        if form.get("date_of_birth") and p.get("date_of_birth") == form.get("date_of_birth"):
            add(node, 0.9, "same date of birth")
    for value, field, normalise in (
        (form.get("vehicle"), ObjectType.VEHICLE, normalise_vehicle),
        (form.get("phone"), ObjectType.PHONE, normalise_phone),
    ):
        if not value:
            continue
        for obj in store.find(str(value), labels=[NodeLabel.OBJECT], limit=20):
            if obj.properties.get("object_type") != field.value:
                continue
            if normalise(str(obj.properties["value"])) != normalise(str(value)):
                continue
            users = [x.source for x in store.links_of([obj.id], types=[LinkType.USES])]
            for owner in store.get_nodes(users).values():
                if owner.label in labels:
                    add(owner, 1.0, f"{field.value} {obj.properties['value']} exact")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    nodes = store.get_nodes([k for k, _ in ranked])
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="match_referral",
        entity_ids=[referral_id, *nodes],
    )
    return [Candidate(nodes[k], round(s, 3), r) for k, (s, r) in ranked if k in nodes]


def referral_children(store: GraphStore, user: User, referral_id: str) -> list[ChildLookup]:
    """The young people a referral links, named for triage (audited as a view of each)."""
    authorise(store, user, Permission.TRIAGE_REFERRALS, (referral_id,))
    referral = _get_referral(store, referral_id)
    ids = [str(c) for c in dict(referral.properties.get("form") or {}).get("linked_children", [])]
    found = store.get_nodes(ids)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_referral_children",
        entity_ids=[referral_id, *found],
    )
    return [
        ChildLookup(i, display_name(found[i].label, found[i].properties) if i in found else i)
        for i in ids
    ]


__all__ = [
    "Candidate",
    "ChildLookup",
    "ReferralSummary",
    "accept_referral",
    "decline_referral",
    "lookup_children",
    "match_candidates",
    "merge_referral",
    "my_referrals",
    "referral_children",
    "referral_queue",
    "submit_concern_referral",
    "submit_marve_referral",
]
