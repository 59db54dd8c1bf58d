"""Mapping-meeting mode: add people, places, sightings and links live, or change / dismiss a link.

Every change is attributed to the agency that contributed it, marked fact or opinion, graded
if the agency can grade it, stamped with the meeting id (link provenance), and entered in the
meeting's session log so the minutes list it. New people and places also get a
`DISCUSSED_AT` link to the meeting carrying that provenance, so the graph itself records who
said so. Nothing is deleted: a dismissed link keeps its history with status `dismissed`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from graphdb.base import GraphStore
from mapping import audit
from mapping.meetings.changelog import Change, ChangeKind, append_change
from mapping.meetings.sessions import open_meeting
from mapping.services.access import Permission, User, authorise
from schemas.enums import Agency, Basis, LinkType, LocationType, NodeLabel
from schemas.interchange import RecordError, link_row, node_row
from schemas.links import LINK_ENDPOINTS
from schemas.records import LinkRow

# The link types a meeting records by hand, with the property that says what kind of link.
KIND_FIELD: dict[LinkType, str] = {
    LinkType.ASSOCIATES_WITH: "kind",
    LinkType.CONCERN_FOR: "kind",
    LinkType.PROTECTIVE_FOR: "kind",
    LinkType.INVOLVED_IN: "role",
}
MEETING_LINK_TYPES: tuple[LinkType, ...] = (
    LinkType.ASSOCIATES_WITH,
    LinkType.CONCERN_FOR,
    LinkType.SEEN_AT,
    LinkType.FREQUENTS,
    LinkType.LIVES_AT,
    LinkType.MEMBER_OF,
    LinkType.USES,
    LinkType.PROTECTIVE_FOR,
)


@dataclass(frozen=True, slots=True)
class Contribution:
    """Who said it (the agency), whether it is fact or opinion, its 3x5x2 grading and how known."""

    agency: Agency | str
    basis: Basis | str
    grading: str | None = None
    note: str | None = None
    speaker: str | None = None

    def provenance(self, user: User, meeting_id: str, today: date) -> dict[str, Any]:
        props: dict[str, Any] = {
            "reported_at": today.isoformat(),
            "reported_by": (self.speaker or user.username).strip(),
            "reporting_agency": Agency(self.agency).value,
            "basis": Basis(self.basis).value,
            "meeting_id": meeting_id,
            "source_note": (self.note or "").strip() or f"shared at meeting {meeting_id}",
        }
        if self.grading:
            props["grading"] = self.grading.strip().upper()
        return props


def _new_id(prefix: str) -> str:
    return f"{prefix}-M{secrets.token_hex(4).upper()}"


def checked_link(
    link_type: LinkType, link_id: str | None, source: str, target: str, props: dict[str, Any]
) -> LinkRow:
    try:
        return link_row(link_type, link_id, source, target, props)
    except RecordError as exc:
        raise ValueError(str(exc).removeprefix("properties.")) from None


def log_change(
    store: GraphStore,
    user: User,
    meeting_id: str,
    change: ChangeKind,
    what: str,
    row: LinkRow | None,
    ref: str,
    contribution: Contribution,
    detail: str | None = None,
) -> None:
    append_change(
        store,
        meeting_id,
        Change(
            change=change,
            what=what,
            ref=ref,
            agency=Agency(contribution.agency).value,
            by=user.username,
            type=str(row.type) if row else None,
            source=row.source if row else None,
            target=row.target if row else None,
            basis=Basis(contribution.basis).value,
            grading=contribution.grading,
            detail=detail,
        ),
    )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action=f"meeting_{change.value}_{what}",
        entity_ids=[meeting_id, ref, *([row.source, row.target] if row else [])],
    )


def authorise_change(store: GraphStore, user: User, meeting_id: str) -> None:
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    authorise(store, user, Permission.RECORD_INTELLIGENCE, (meeting_id,))
    open_meeting(store, meeting_id)


def add_person(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    label: NodeLabel,
    forename: str,
    family_name: str | None = None,
    aliases: tuple[str, ...] = (),
    contribution: Contribution,
    today: date | None = None,
) -> str:
    """Add a young person or a person of concern named in the meeting; returns the new id."""
    authorise_change(store, user, meeting_id)
    if label not in (NodeLabel.CHILD, NodeLabel.PERSON_OF_CONCERN):
        raise ValueError("label: a person is a Child or a PersonOfConcern")
    prefix = "C" if label == NodeLabel.CHILD else "P"
    person_id = _new_id(prefix)
    props: dict[str, Any] = {"forename": forename, "aliases": list(aliases)}
    if family_name and family_name.strip():
        props["family_name"] = family_name
    try:
        row = node_row(label, person_id, props)
    except RecordError as exc:
        raise ValueError(str(exc).removeprefix("properties.")) from None
    prov = contribution.provenance(user, meeting_id, today or date.today())
    seen = checked_link(
        LinkType.DISCUSSED_AT, f"{meeting_id}-N-{person_id}", person_id, meeting_id, prov
    )
    store.write([row], [seen], actor=user.username)
    what = "person" if label == NodeLabel.CHILD else "person of concern"
    log_change(store, user, meeting_id, ChangeKind.ADDED, what, None, person_id, contribution)
    return person_id


def add_place(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    name: str,
    location_type: LocationType | str = LocationType.OTHER,
    postcode: str | None = None,
    borough: str | None = None,
    of_concern: bool = True,
    contribution: Contribution,
    today: date | None = None,
) -> str:
    """Add a place (e.g. an underpass) named in the meeting; returns the new id."""
    authorise_change(store, user, meeting_id)
    place_id = _new_id("LOC")
    props: dict[str, Any] = {
        "name": name,
        "location_type": LocationType(location_type).value,
        "of_concern": of_concern,
    }
    for key, value in (("postcode", postcode), ("borough", borough)):
        if value and value.strip():
            props[key] = value.strip()
    if of_concern:
        props["flagged_at"] = (today or date.today()).isoformat()
    try:
        row = node_row(NodeLabel.LOCATION, place_id, props)
    except RecordError as exc:
        raise ValueError(str(exc).removeprefix("properties.")) from None
    prov = contribution.provenance(user, meeting_id, today or date.today())
    seen = checked_link(
        LinkType.DISCUSSED_AT, f"{meeting_id}-N-{place_id}", place_id, meeting_id, prov
    )
    store.write([row], [seen], actor=user.username)
    log_change(store, user, meeting_id, ChangeKind.ADDED, "place", None, place_id, contribution)
    return place_id


def add_link(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    link_type: LinkType,
    source: str,
    target: str,
    contribution: Contribution,
    kind: str | None = None,
    observed_from: date | None = None,
    today: date | None = None,
    logged_as: tuple[str, str] | None = None,
) -> str:
    """Record a link stated in the meeting (a friendship, a sighting, a concern …); its id.

    `logged_as` overrides the session-log entry's (what, detail), e.g. for a confirmed
    suggestion.
    """
    authorise_change(store, user, meeting_id)
    if source == target:
        raise ValueError("target: a link needs two different ends")
    ends = store.get_nodes([source, target])
    allowed_sources, allowed_targets = LINK_ENDPOINTS[link_type]
    for field, end, allowed in (
        ("source", source, allowed_sources),
        ("target", target, allowed_targets),
    ):
        node = ends.get(end)
        if node is None:
            raise ValueError(f"{field}: no record {end}")
        if node.label not in allowed:
            names = ", ".join(sorted(str(a) for a in allowed))
            raise ValueError(f"{field}: a {link_type} link needs {names} here, not {node.label}")
    props = contribution.provenance(user, meeting_id, today or date.today())
    if observed_from:
        props["observed_from"] = observed_from.isoformat()
    if kind and link_type in KIND_FIELD:
        props[KIND_FIELD[link_type]] = kind
    row = checked_link(link_type, _new_id("L"), source, target, props)
    store.write([], [row], actor=user.username)
    detail: str | None = f"{KIND_FIELD.get(link_type, 'kind')} {kind}" if kind else None
    what = "sighting" if link_type == LinkType.SEEN_AT else "link"
    if logged_as:
        what, detail = logged_as
    log_change(store, user, meeting_id, ChangeKind.ADDED, what, row, row.id, contribution, detail)
    return row.id


def add_sighting(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    person_id: str,
    place_id: str,
    seen_on: date,
    contribution: Contribution,
) -> str:
    """A person seen at a place on a date (a `SEEN_AT` link); returns the link id."""
    return add_link(
        store,
        user,
        meeting_id,
        link_type=LinkType.SEEN_AT,
        source=person_id,
        target=place_id,
        contribution=contribution,
        observed_from=seen_on,
    )
