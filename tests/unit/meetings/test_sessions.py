"""Meetings as sessions: quorum, attendees, cohort, live changes and the session change log."""

from __future__ import annotations

from datetime import date

import pytest

from graphdb.errors import Conflict
from graphdb.sqlite import SqliteStore
from mapping.meetings import live, restate, sessions, suggestions
from mapping.meetings.changelog import ChangeKind, Paper, read_log
from mapping.meetings.quorum import QUORUM_ORDER, quorum
from mapping.services.access import PermissionDenied
from schemas.enums import QUORUM_AGENCIES, Agency, Basis, LinkType, MeetingType
from tests.unit.meetings import ADMIN, FACILITATOR, PANEL

POLICE_FACT = live.Contribution(Agency.POLICE, Basis.FACT, "2-B-P", "stop and search")


def new_meeting(store: SqliteStore, cohort: tuple[str, ...] = ("C-ASH", "C-BO")) -> str:
    return sessions.create_meeting(
        store,
        FACILITATOR,
        meeting_type=MeetingType.MAPPING,
        title="Mapping: station",
        held_on=date(2026, 11, 26),
        cohort=cohort,
    )


def test_quorum_needs_health_csc_police_and_education() -> None:
    assert set(QUORUM_ORDER) == QUORUM_AGENCIES
    three = [{"name": n, "agency": a.value} for n, a in zip("ABC", QUORUM_ORDER[1:], strict=True)]
    missing = quorum(three)
    assert not missing.quorate
    assert missing.missing == (Agency.HEALTH,)
    assert missing.line.startswith("Not quorate: Health not present")
    full = quorum([*three, {"name": "D", "agency": "Health"}, {"name": "E", "agency": "Housing"}])
    assert full.quorate
    assert full.line == ("Quorate: Health, Children's Social Care, Police and Education present.")


def test_quorum_turns_green_as_attendees_sign_in(world: SqliteStore) -> None:
    meeting_id = new_meeting(world)
    lines = []
    for name, agency in [
        ("DS Hale", "Police"),
        ("Ms O", "Education"),
        ("Ms A", "Children's Social Care"),
    ]:
        lines.append(
            sessions.add_attendee(world, FACILITATOR, meeting_id, name=name, agency=agency)
        )
    assert not lines[-1].quorum.quorate
    after = sessions.add_attendee(world, FACILITATOR, meeting_id, name="Nurse K", agency="Health")
    assert after.quorum.quorate
    assert [a["agency"] for a in after.attendees][-1] == "Health"
    assert "add_attendee" in [e.action for e in world.audit_entries()]


def test_meeting_creation_links_the_cohort_and_is_refused_to_panel_members(
    world: SqliteStore,
) -> None:
    meeting_id = new_meeting(world)
    discussed = world.links_of([meeting_id], types=[LinkType.DISCUSSED_AT])
    assert {x.source for x in discussed} == {"C-ASH", "C-BO"}
    assert all(x.properties["meeting_id"] == meeting_id for x in discussed)
    with pytest.raises(PermissionDenied):
        sessions.create_meeting(
            world,
            PANEL,
            meeting_type=MeetingType.MARVE_PANEL,
            title="x",
            held_on=date(2026, 11, 26),
        )
    assert world.audit_entries()[-1].outcome == "denied"


def test_a_concurrent_edit_is_reapplied_not_lost(
    world: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = new_meeting(world)
    real = world.update_node
    calls = {"n": 0}

    def clash_once(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 1:  # someone else saves first: add their attendee, then clash
            real(
                meeting_id,
                {
                    **world.get_node(meeting_id).properties,  # type: ignore[union-attr]
                    "attendees": [{"name": "Other", "agency": "Police"}],
                },
                actor="other",
            )
            raise Conflict("changed")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(world, "update_node", clash_once)
    meeting = sessions.add_attendee(world, FACILITATOR, meeting_id, name="Me", agency="Health")
    assert [a["name"] for a in meeting.attendees] == ["Other", "Me"]


def test_a_closed_meeting_refuses_changes(world: SqliteStore) -> None:
    meeting_id = new_meeting(world)
    closed = sessions.close_meeting(world, FACILITATOR, meeting_id)
    assert closed.status == "closed" and closed.closed_at is not None
    with pytest.raises(sessions.MeetingClosed):
        sessions.record_decision(world, FACILITATOR, meeting_id, "Too late")
    with pytest.raises(sessions.MeetingClosed):
        live.add_place(world, FACILITATOR, meeting_id, name="Late", contribution=POLICE_FACT)


def test_every_live_change_is_attributed_and_logged(world: SqliteStore) -> None:
    meeting_id = new_meeting(world)
    place = live.add_place(
        world,
        FACILITATOR,
        meeting_id,
        name="Underpass",
        location_type="transport_hub",
        contribution=POLICE_FACT,
    )
    seen = live.add_sighting(
        world,
        FACILITATOR,
        meeting_id,
        person_id="C-BO",
        place_id=place,
        seen_on=date(2026, 11, 20),
        contribution=POLICE_FACT,
    )
    school_opinion = live.Contribution(Agency.EDUCATION, Basis.OPINION)
    friend = live.add_link(
        world,
        FACILITATOR,
        meeting_id,
        link_type=LinkType.ASSOCIATES_WITH,
        source="C-BO",
        target="C-CY",
        kind="friend",
        contribution=school_opinion,
    )
    restate.change_link(world, FACILITATOR, meeting_id, friend, contribution=POLICE_FACT)
    restate.dismiss_link(
        world,
        FACILITATOR,
        meeting_id,
        "L-ASH-BO",
        reason="old information",
        contribution=POLICE_FACT,
    )

    link = world.get_link(friend)
    assert link is not None
    assert (link.properties["basis"], link.properties["grading"]) == ("fact", "2-B-P")
    assert link.properties["reporting_agency"] == "Education"  # the original reporter stays
    assert link.properties["meeting_id"] == meeting_id
    assert [r.properties["basis"] for r in world.history(friend)] == ["opinion"]
    assert world.get_link("L-ASH-BO").properties["status"] == "dismissed"  # type: ignore[union-attr]
    sighting = world.get_link(seen)
    assert sighting is not None and sighting.properties["observed_from"] == "2026-11-20"
    said = world.get_link(f"{meeting_id}-N-{place}")
    assert said is not None and said.properties["reporting_agency"] == "Police"

    log = read_log(world, meeting_id)
    assert [(c.change, c.what) for c in log.changes] == [
        (ChangeKind.ADDED, "place"),
        (ChangeKind.ADDED, "sighting"),
        (ChangeKind.ADDED, "link"),
        (ChangeKind.CHANGED, "link"),
        (ChangeKind.DISMISSED, "link"),
    ]
    added_link = log.changes[2]
    assert (added_link.agency, added_link.basis, added_link.source) == (
        "Education",
        "opinion",
        "C-BO",
    )
    assert "basis opinion → fact" in (log.changes[3].detail or "")


def test_links_must_fit_their_type(world: SqliteStore) -> None:
    meeting_id = new_meeting(world)
    with pytest.raises(ValueError, match="target: a SEEN_AT link needs Location"):
        live.add_link(
            world,
            FACILITATOR,
            meeting_id,
            link_type=LinkType.SEEN_AT,
            source="C-ASH",
            target="C-BO",
            contribution=POLICE_FACT,
        )
    bad_grade = live.Contribution(Agency.POLICE, Basis.FACT, "9-Z-Q")
    with pytest.raises(ValueError, match="grading"):
        live.add_link(
            world,
            FACILITATOR,
            meeting_id,
            link_type=LinkType.ASSOCIATES_WITH,
            source="C-ASH",
            target="C-CY",
            contribution=bad_grade,
        )
    assert read_log(world, meeting_id).changes == []


def test_an_administrator_runs_the_meeting_but_cannot_add_intelligence(world: SqliteStore) -> None:
    meeting_id = new_meeting(world)
    sessions.add_attendee(world, ADMIN, meeting_id, name="Minute taker", agency="Other")
    with pytest.raises(PermissionDenied):
        live.add_place(world, ADMIN, meeting_id, name="X", contribution=POLICE_FACT)


def test_co_location_suggestions_are_confirmed_or_dismissed(world: SqliteStore) -> None:
    meeting_id = new_meeting(world, cohort=("C-ASH",))
    found = suggestions.suggestions(world, FACILITATOR, meeting_id)
    assert [(s.a, s.b, s.location) for s in found] == [("C-ASH", "C-DEE", "LOC-SHOP")]
    link_id = suggestions.confirm_suggestion(
        world,
        FACILITATOR,
        meeting_id,
        a="C-ASH",
        b="C-DEE",
        location="LOC-SHOP",
        first=found[0].first,
        contribution=POLICE_FACT,
    )
    link = world.get_link(link_id)
    assert link is not None and link.type == LinkType.ASSOCIATES_WITH
    assert (link.properties["kind"], link.properties["meeting_id"]) == ("other", meeting_id)
    assert suggestions.suggestions(world, FACILITATOR, meeting_id) == []


def test_a_dismissed_suggestion_is_not_suggested_again(world: SqliteStore) -> None:
    first = new_meeting(world, cohort=("C-ASH",))
    suggestions.dismiss_suggestion(
        world, FACILITATOR, first, a="C-DEE", b="C-ASH", location="LOC-SHOP", reason="sisters"
    )
    log = read_log(world, first)
    assert [(c.change, c.what, c.ref) for c in log.changes] == [
        (ChangeKind.DISMISSED, "suggestion", "C-ASH|C-DEE|LOC-SHOP")
    ]
    later = new_meeting(world, cohort=("C-DEE",))
    assert suggestions.suggestions(world, FACILITATOR, later) == []
    assert world.links_of(["C-DEE"], types=[LinkType.ASSOCIATES_WITH]) == []


def test_cohort_withdrawal_and_papers_sent(world: SqliteStore) -> None:
    meeting_id = new_meeting(world)
    meeting = sessions.remove_from_cohort(world, FACILITATOR, meeting_id, "C-BO")
    assert meeting.cohort == ["C-ASH"]
    link = world.get_link(f"{meeting_id}-D-C-BO")
    assert link is not None and link.properties["status"] == "withdrawn"
    with pytest.raises(ValueError, match="cohort: P-VIC"):
        sessions.add_to_cohort(world, FACILITATOR, meeting_id, ["P-VIC"])
    sessions.record_sent(world, FACILITATOR, meeting_id, Paper.ACTIONS)
    assert Paper.ACTIONS in read_log(world, meeting_id).sent
