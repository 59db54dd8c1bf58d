"""A young person's (or person of concern's) profile: one audited read with a declared purpose.

Special-category fields only for roles that need them; other young people named per purpose;
possible duplicates are flagged for a person to decide, never merged here.
"""

from __future__ import annotations

from datetime import date

from graphdb.base import GraphStore
from graphdb.errors import NotFound
from mapping import audit
from mapping.analytics.duplicates import person_keys, possible_duplicates
from mapping.services.access import Permission, User, allowed, authorise
from mapping.services.lockdown import restriction
from mapping.services.profile_model import (
    ChildProfile,
    ChronologyItem,
    DuplicateFlag,
    LinkedRecord,
    OpenAction,
    RagHistory,
)
from mapping.services.views import (
    DISRUPTION_NAMES,
    NETWORK_TYPES,
    Namer,
    full_identities,
    plain,
    view_link,
)
from schemas.enums import Category, LinkType, NodeLabel, Purpose
from schemas.nodes import SPECIAL_CATEGORY_FIELDS
from schemas.records import StoredNode
from schemas.reference import CATEGORY_NAMES, INDICATORS, SIGNS_OF_SAFETY_SCALES

DETAIL_FIELDS: tuple[tuple[str, str], ...] = (
    ("aliases", "Aliases"),
    ("date_of_birth", "Date of birth"),
    ("gender", "Gender"),
    ("language", "Language"),
    ("address", "Address"),
    ("status", "Status"),
    ("care_status", "Care status"),
    ("home_authority", "Home authority"),
    ("school", "School"),
    ("education_status", "Education"),
    ("case_status", "Case status"),
    ("allocated_worker", "Allocated worker"),
    ("allocated_agency", "Allocated agency"),
    ("panel_status", "Panel status"),
    ("panels", "Panels"),
    ("primary_concern", "Primary area of concern"),
    ("nrm_referral", "NRM referral"),
    ("osman_warning", "Osman warning"),
    ("strategy_meetings", "Strategy meetings"),
    ("agencies_involved", "Agencies involved"),
    ("flagged_at", "Flagged"),
    ("review_date", "Review date"),
    ("flag_status", "Flag"),
    ("disruption_measures", "Disruption measures"),
    ("assessment_summary", "Assessment"),
    ("ethnicity", "Ethnicity"),
    ("religion", "Religion"),
    ("sexual_orientation", "Sexual orientation"),
    ("health", "Health"),
    ("disability_sen", "Disability / SEN"),
)
INDICATOR_TEXT = {i.key: i.text for i in INDICATORS}
PROFILE_LABELS = {
    NodeLabel.CHILD: Permission.VIEW_CHILD_PROFILE,
    NodeLabel.PERSON_OF_CONCERN: Permission.VIEW_POC_PROFILE,
}


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(DISRUPTION_NAMES.get(str(v), str(v)) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return plain(str(value).replace("_", " ") if str(value).islower() else value, 500)


def _details(node: StoredNode, special: bool) -> dict[str, str]:
    shown = {}
    for key, title in DETAIL_FIELDS:
        value = node.properties.get(key)
        if value in (None, "", []) or (key in SPECIAL_CATEGORY_FIELDS and not special):
            continue
        shown[title] = _text(value)
    return shown


def _rag(store: GraphStore, node: StoredNode) -> list[RagHistory]:
    versions = [(r.changed_at, r.properties) for r in store.history(node.id)]
    versions.append((node.meta.updated_at, node.properties))
    seen = {str(c) for _, props in versions for c in (props.get("rag") or {})}
    out = []
    for category in (str(c) for c in Category if str(c) in seen):
        history: list[tuple[str, str | None]] = []
        for when, props in versions:
            level = (props.get("rag") or {}).get(category)
            if not history or history[-1][1] != level:
                history.append((str(when)[:10], level))
        current = (node.properties.get("rag") or {}).get(category)
        out.append(RagHistory(category, CATEGORY_NAMES.get(category, category), current, history))
    return out


def _chronology(store: GraphStore, node: StoredNode) -> list[ChronologyItem]:
    involved = [
        x for x in store.links_of([node.id], types=[LinkType.INVOLVED_IN]) if x.source == node.id
    ]
    incidents = store.get_nodes(x.target for x in involved)
    places: dict[str, str] = {}
    at = store.links_of(list(incidents), types=[LinkType.OCCURRED_AT]) if incidents else []
    names = store.get_nodes(x.target for x in at)
    for x in at:
        if x.target in names:
            places[x.source] = plain(names[x.target].properties.get("name", x.target))
    items = []
    for link in involved:
        incident = incidents.get(link.target)
        if incident is None:
            continue
        p = incident.properties
        items.append(
            ChronologyItem(
                date=str(p.get("occurred_at") or "")[:16].replace("T", " "),
                incident_id=incident.id,
                incident_type=str(p.get("incident_type", "other")).replace("_", " "),
                role=str(link.properties.get("role") or "").replace("_", " "),
                description=plain(p.get("description") or "", 1000),
                where_found=plain(p.get("where_found") or ""),
                location=places.get(incident.id, ""),
                reporting_agency=plain(p.get("reporting_agency") or ""),
                severity=int(p.get("severity") or 1),
            )
        )
    return sorted(items, key=lambda i: (i.date, i.incident_id), reverse=True)


def _linked(store: GraphStore, node: StoredNode, namer: Namer) -> list[LinkedRecord]:
    wanted = [t for t in NETWORK_TYPES if t != LinkType.INVOLVED_IN]
    links = store.links_of([node.id], types=wanted)
    others = store.get_nodes(x.target if x.source == node.id else x.source for x in links)
    out = []
    for x in links:
        other = others.get(x.target if x.source == node.id else x.source)
        if other is None:
            continue
        name, minimised = namer.name(other)
        out.append(
            LinkedRecord(
                view_link(x),
                other.id,
                str(other.label),
                name,
                minimised,
                plain(x.properties.get("reported_by") or ""),
                plain(x.properties.get("source_note") or "", 500),
            )
        )
    return sorted(out, key=lambda r: (r.link.type, r.link.observed_from or "", r.link.id))


def _actions(store: GraphStore, node: StoredNode, today: date) -> list[OpenAction]:
    links = store.links_of([node.id], types=[LinkType.ASSIGNED_TO])
    found = store.get_nodes(x.source for x in links if x.target == node.id)
    out = []
    for action in found.values():
        p = action.properties
        if action.label != NodeLabel.ACTION or p.get("status", "open") != "open":
            continue
        due = str(p.get("due_date") or "")
        out.append(
            OpenAction(
                action.id,
                plain(p.get("text", ""), 1000),
                plain(p.get("owner", "")),
                plain(p.get("agency") or ""),
                due,
                str(p.get("review_date") or ""),
                bool(due) and due < today.isoformat(),
            )
        )
    return sorted(out, key=lambda a: (a.due_date or "9999", a.id))


def _duplicates(store: GraphStore, node: StoredNode, namer: Namer) -> list[DuplicateFlag]:
    p = node.properties
    words = [str(p.get("forename") or ""), str(p.get("family_name") or "")]
    words += [str(a) for a in p.get("aliases") or []]
    pool = {node.id: node}
    for word in (w.strip() for w in words):
        if len(word) >= 2:
            for other in store.find(word[:3], labels=[node.label], limit=200):
                pool[other.id] = other
    found = []
    for dup in possible_duplicates(person_keys(pool.values()), top=50):
        if node.id not in (dup.a, dup.b):
            continue
        other = pool[dup.b if dup.a == node.id else dup.a]
        if other.properties.get("merged_into"):
            continue
        name, _ = namer.name(other)
        found.append(DuplicateFlag(other.id, name, dup.similarity, dup.why))
    return found


def child_profile(
    store: GraphStore,
    user: User,
    child_id: str,
    purpose: Purpose,
    *,
    today: date | None = None,
) -> ChildProfile:
    """Everything the panel knows about one young person (or person of concern), audited once.

    Raises:
        PermissionDenied: the role may not read profiles (refusal audited).
        NotFound: no child or person of concern with this id.
    """
    node = store.get_node(child_id)
    permission = PROFILE_LABELS.get(node.label) if node else None
    authorise(store, user, permission or Permission.VIEW_CHILD_PROFILE, (child_id,))
    if node is None or permission is None:
        raise NotFound(f"no young person or person of concern {child_id}")
    namer = Namer(store, user, purpose, child_id)
    name, _ = namer.name(node)
    notice = restriction(store, user, node)

    def record(outcome: str) -> None:
        audit.record(
            store,
            actor=user.username,
            role=user.role,
            action="view_profile",
            entity_ids=[child_id],
            purpose=purpose.value,
            outcome=outcome,
        )

    if notice is not None:
        record("restricted")
        return ChildProfile(child_id, str(node.label), name, purpose, restricted=notice)
    special = allowed(user, Permission.VIEW_SPECIAL_CATEGORY)
    p = node.properties
    links = _linked(store, node, namer)
    profile = ChildProfile(
        id=child_id,
        kind=str(node.label),
        name=name,
        purpose=purpose,
        details=_details(node, special),
        special_category_hidden=not special,
        harmful_to_others=bool(p.get("harmful_to_others")),
        rag=_rag(store, node),
        indicators=[INDICATOR_TEXT.get(str(k), plain(k)) for k in p.get("indicators") or []],
        signs_of_safety=[
            (text.split(":")[0], p.get("signs_of_safety", {}).get(key))
            for key, text in SIGNS_OF_SAFETY_SCALES
        ]
        if node.label == NodeLabel.CHILD
        else [],
        chronology=_chronology(store, node),
        links=[r for r in links if not _protective(r, child_id)],
        protective=[r for r in links if _protective(r, child_id)],
        actions=_actions(store, node, today or date.today()),
        duplicates=_duplicates(store, node, namer),
        minimised=not full_identities(user, purpose),
    )
    record("ok")
    return profile


def _protective(record: LinkedRecord, child_id: str) -> bool:
    return record.link.type == LinkType.PROTECTIVE_FOR and record.link.target == child_id
