"""Co-location suggestions in a meeting: people seen at the same place within days, unlinked.

Analytics suggest, the meeting decides. Confirming one records an `ASSOCIATES_WITH` link of
kind `other` with the contributing agency's provenance; dismissing one records the decision
(in the session log, and as a `colocation_dismissed` document so later meetings are not asked
again about the same pair at the same place).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from graphdb.base import GraphStore
from mapping import audit
from mapping.analytics.report import analyse
from mapping.meetings.changelog import Change, ChangeKind, append_change
from mapping.meetings.live import Contribution, add_link
from mapping.meetings.sessions import load_meeting, open_meeting
from mapping.services.access import Permission, User, authorise
from schemas.enums import AssociationKind, LinkType
from schemas.nodes import display_name

DISMISSED_KIND = "colocation_dismissed"
SCAN = 100_000  # ask the analytics for every pair, then keep the cohort's


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A pair seen at one place within the co-location window, with no recorded link."""

    a: str
    b: str
    a_name: str
    b_name: str
    location: str
    location_name: str
    times: int
    first: str
    last: str
    why: str

    @property
    def key(self) -> str:
        return suggestion_key(self.a, self.b, self.location)


def suggestion_key(a: str, b: str, location: str) -> str:
    first, second = sorted((a, b))
    return f"{first}|{second}|{location}"


def dismissed_keys(store: GraphStore) -> set[str]:
    return {key for key, _ in store.list_documents(DISMISSED_KIND)}


def suggestions(
    store: GraphStore, user: User, meeting_id: str, *, top: int = 10
) -> list[Suggestion]:
    """Co-location suggestions involving the meeting's cohort (all, if it has no cohort yet).

    Pairs already dismissed at any meeting are left out.
    """
    authorise(store, user, Permission.RUN_MEETING, (meeting_id,))
    meeting = load_meeting(store, meeting_id)
    cohort = set(meeting.cohort)
    dismissed = dismissed_keys(store)
    found = []
    for item in analyse(store, top=SCAN).co_location:
        if cohort and not ({item.a, item.b} & cohort):
            continue
        if suggestion_key(item.a, item.b, item.location) in dismissed:
            continue
        found.append(item)
        if len(found) >= top:
            break
    nodes = store.get_nodes({i for x in found for i in (x.a, x.b)})

    def name(node_id: str) -> str:
        node = nodes.get(node_id)
        return display_name(node.label, node.properties) if node else node_id

    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="view_colocation_suggestions",
        entity_ids=[meeting_id, *nodes],
    )
    return [
        Suggestion(
            a=x.a,
            b=x.b,
            a_name=name(x.a),
            b_name=name(x.b),
            location=x.location,
            location_name=x.location_name or x.location,
            times=x.times,
            first=x.first,
            last=x.last,
            why=x.why,
        )
        for x in found
    ]


def confirm_suggestion(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    a: str,
    b: str,
    location: str,
    first: str | None = None,
    contribution: Contribution,
) -> str:
    """The meeting confirms the pair are linked: an ASSOCIATES_WITH (other) link; its id."""
    note = contribution.note or f"co-location at {location} confirmed by the meeting"
    confirmed = Contribution(
        contribution.agency, contribution.basis, contribution.grading, note, contribution.speaker
    )
    return add_link(
        store,
        user,
        meeting_id,
        link_type=LinkType.ASSOCIATES_WITH,
        source=a,
        target=b,
        contribution=confirmed,
        kind=AssociationKind.OTHER.value,
        observed_from=date.fromisoformat(first) if first else None,
        logged_as=("suggestion", location),
    )


def dismiss_suggestion(
    store: GraphStore,
    user: User,
    meeting_id: str,
    *,
    a: str,
    b: str,
    location: str,
    reason: str = "",
    agency: str = "Other",
) -> str:
    """Record that the meeting dismissed a suggestion; returns its key."""
    authorise(store, user, Permission.RUN_MEETING, (meeting_id, a, b, location))
    open_meeting(store, meeting_id)
    key = suggestion_key(a, b, location)
    store.put_document(
        DISMISSED_KIND,
        key,
        {
            "meeting_id": meeting_id,
            "by": user.username,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "reason": reason.strip()[:500],
        },
    )
    first, second = sorted((a, b))
    append_change(
        store,
        meeting_id,
        Change(
            change=ChangeKind.DISMISSED,
            what="suggestion",
            ref=key,
            agency=agency,
            by=user.username,
            type=str(LinkType.ASSOCIATES_WITH),
            source=first,
            target=second,
            detail=reason.strip()[:200] or None,
        ),
    )
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="meeting_dismissed_suggestion",
        entity_ids=[meeting_id, a, b, location],
    )
    return key
