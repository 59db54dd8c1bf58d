"""Triage decisions on a referral: accept as new, merge into an existing record, or decline."""

from __future__ import annotations

from datetime import date
from typing import Any

from graphdb.base import GraphStore
from graphdb.errors import NotFound
from graphdb.terms import normalise_phone, normalise_text, normalise_vehicle
from mapping import audit
from mapping.services.access import Permission, User, authorise
from mapping.services.flags import default_review_date
from mapping.settings import AppSettings
from schemas.enums import (
    LinkType,
    LocationType,
    NodeLabel,
    ObjectType,
    ReferralKind,
    ReferralStatus,
)
from schemas.interchange import link_row, node_row
from schemas.nodes import display_name
from schemas.records import LinkRow, NodeRow, StoredNode


def _get_referral(store: GraphStore, referral_id: str) -> StoredNode:
    node = store.get_node(referral_id)
    if node is None or node.label != NodeLabel.REFERRAL:
        raise NotFound(f"no referral {referral_id}")
    return node


def _provenance(referral: StoredNode) -> dict[str, Any]:
    p = referral.properties
    form = dict(p.get("form") or {})
    props: dict[str, Any] = {
        "reported_at": str(form.get("referral_date") or str(p["submitted_at"])[:10]),
        "reported_by": str(p["submitted_by"]),
        "reporting_agency": str(form.get("organisation") or p.get("agency") or "Other"),
        "basis": str(p.get("basis") or form.get("basis") or "opinion"),
        "source_note": f"referral {referral.id}: {form.get('how_known', '')}"[:500],
    }
    if p.get("grading"):
        props["grading"] = p["grading"]
    return props


def _object_id(store: GraphStore, object_type: ObjectType, value: str) -> str:
    """The id of the phone or vehicle already on record with this value, else a stable new id.

    Reusing the existing object keeps one node per registration or number (no duplicates).
    """
    normalise = normalise_phone if object_type is ObjectType.PHONE else normalise_vehicle
    for obj in store.find(value, labels=[NodeLabel.OBJECT], limit=20):
        if obj.properties.get("object_type") == object_type.value and normalise(
            str(obj.properties.get("value", ""))
        ) == normalise(value):
            return obj.id
    return f"OBJ-{object_type.value}-{normalise_vehicle(normalise(value))}"


def _subject_rows(
    store: GraphStore, referral: StoredNode, subject_id: str
) -> tuple[list[NodeRow], list[LinkRow]]:
    form = dict(referral.properties.get("form") or {})
    prov = _provenance(referral)
    nodes: list[NodeRow] = []
    links: list[LinkRow] = [link_row(LinkType.SUBJECT_OF, None, subject_id, referral.id, prov)]
    kind = referral.properties["referral_kind"]
    if kind == ReferralKind.POC.value:
        for child_id in form.get("linked_children", []):
            links.append(
                link_row(
                    LinkType.CONCERN_FOR,
                    None,
                    subject_id,
                    str(child_id),
                    {**prov, "observed_from": prov["reported_at"]},
                )
            )
        for field in (ObjectType.VEHICLE, ObjectType.PHONE):
            value = form.get(field.value)
            if value:
                obj_id = _object_id(store, field, str(value))
                if store.get_node(obj_id) is None:
                    nodes.append(
                        node_row(
                            NodeLabel.OBJECT,
                            obj_id,
                            {"object_type": field.value, "value": str(value)},
                        )
                    )
                links.append(link_row(LinkType.USES, None, subject_id, obj_id, prov))
    elif kind == ReferralKind.LOCATION.value:
        for child_id in form.get("linked_children", []):
            links.append(
                link_row(
                    LinkType.SEEN_AT,
                    None,
                    str(child_id),
                    subject_id,
                    {**prov, "observed_from": prov["reported_at"]},
                )
            )
    return nodes, links


def _decide(
    store: GraphStore,
    user: User,
    referral: StoredNode,
    status: ReferralStatus,
    reason: str | None,
    linked: str | None,
) -> None:
    props = dict(referral.properties, status=status.value, decided_by=user.username)
    if reason:
        props["decision_reason"] = reason
    if linked:
        props["linked_record"] = linked
    store.update_node(
        referral.id,
        node_row(NodeLabel.REFERRAL, referral.id, props).properties,
        actor=user.username,
        expected_version=referral.meta.version,
    )


def accept_referral(store: GraphStore, user: User, referral_id: str) -> str:
    """Create the person or place of concern and its links, with the referral's provenance."""
    authorise(store, user, Permission.TRIAGE_REFERRALS, (referral_id,))
    referral = _get_referral(store, referral_id)
    form = dict(referral.properties.get("form") or {})
    kind = referral.properties["referral_kind"]
    subject_id = referral_id.replace("REF-", "POC-" if kind == ReferralKind.POC.value else "LOC-")
    today = date.today()
    review = default_review_date(today, AppSettings().review_weeks)
    if kind == ReferralKind.POC.value:
        name = str(form["subject_name"]).split()
        props: dict[str, Any] = {
            "forename": name[0],
            "family_name": " ".join(name[1:]) or None,
            "aliases": form.get("aliases", []),
            "date_of_birth": form.get("date_of_birth"),
            "ethnicity": form.get("ethnicity"),
            "language": form.get("language"),
            "address": form.get("address"),
            "agencies_involved": form.get("agencies_involved", []),
            "flagged_at": today.isoformat(),
            "review_date": review,
            "flag_status": "active",
        }
        subject = node_row(
            NodeLabel.PERSON_OF_CONCERN,
            subject_id,
            {k: v for k, v in props.items() if v is not None},
        )
    elif kind == ReferralKind.LOCATION.value:
        loc_type = form.get("location_type") or LocationType.OTHER.value
        props = {
            "name": form["subject_name"],
            "location_type": loc_type,
            "address": form.get("address"),
            "postcode": form.get("postcode"),
            "of_concern": True,
            "flagged_at": today.isoformat(),
            "review_date": review,
            "flag_status": "active",
        }
        subject = node_row(
            NodeLabel.LOCATION, subject_id, {k: v for k, v in props.items() if v is not None}
        )
    else:
        raise ValueError("referral: MARVE referrals are accepted through the child's profile")
    nodes, links = _subject_rows(store, referral, subject_id)
    store.write([subject, *nodes], links, actor=user.username)
    _decide(store, user, referral, ReferralStatus.ACCEPTED, None, subject_id)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="accept_referral",
        entity_ids=[referral_id, subject_id, *[x.id for x in links]],
    )
    return subject_id


def merge_referral(store: GraphStore, user: User, referral_id: str, existing_id: str) -> None:
    """Link the referral's information to an existing record instead of creating a new one."""
    authorise(store, user, Permission.TRIAGE_REFERRALS, (referral_id, existing_id))
    referral = _get_referral(store, referral_id)
    existing = store.get_node(existing_id)
    if existing is None:
        raise NotFound(f"no record {existing_id}")
    form = dict(referral.properties.get("form") or {})
    nodes, links = _subject_rows(store, referral, existing_id)
    known = {
        normalise_text(str(a))
        for a in [
            *existing.properties.get("aliases", []),
            display_name(existing.label, existing.properties),
        ]
    }
    new_aliases: list[str] = []
    for alias in [form.get("subject_name"), *form.get("aliases", [])]:
        if alias and normalise_text(str(alias)) not in known:
            known.add(normalise_text(str(alias)))
            new_aliases.append(str(alias))
    if new_aliases and existing.label == NodeLabel.PERSON_OF_CONCERN:
        updated = dict(existing.properties)
        updated["aliases"] = [*existing.properties.get("aliases", []), *new_aliases]
        nodes.append(node_row(existing.label, existing_id, updated))
    store.write(nodes, links, actor=user.username)
    _decide(
        store, user, referral, ReferralStatus.MERGED, "linked to an existing record", existing_id
    )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="merge_referral",
        entity_ids=[referral_id, existing_id, *[x.id for x in links]],
    )


def decline_referral(store: GraphStore, user: User, referral_id: str, reason: str) -> None:
    authorise(store, user, Permission.TRIAGE_REFERRALS, (referral_id,))
    if len(reason.strip()) < 5:
        raise ValueError("reason: say why the referral is declined (at least 5 characters)")
    referral = _get_referral(store, referral_id)
    _decide(store, user, referral, ReferralStatus.DECLINED, reason.strip(), None)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="decline_referral",
        entity_ids=[referral_id],
    )
