"""Referral intake and triage services on the journey world (see the package docstring's sketch)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from graphdb.errors import NotFound
from graphdb.sqlite import SqliteStore
from mapping.services.access import PermissionDenied, User
from mapping.services.referrals import (
    accept_referral,
    decline_referral,
    lookup_children,
    match_candidates,
    merge_referral,
    my_referrals,
    referral_children,
    referral_queue,
    submit_concern_referral,
    submit_marve_referral,
)
from schemas.enums import LinkType, NodeLabel, ReferralKind
from schemas.forms import ConcernReferralForm, MarveReferralForm
from tests.unit.services import SCHOOL, USERS, build_world

OKAFOR, NURSE, HALE = USERS["referrer"], USERS["other_referrer"], USERS["analyst"]
REFERENCE = re.compile(r"^REF-\d{8}-[0-9A-F]{6}$")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "referrals.db")
    store.init()
    build_world(store)
    yield store
    store.close()


def concern(**changes: Any) -> ConcernReferralForm:
    """Journey 1's referral: a man calling himself 'Deano' in a grey car, two Year 10 girls."""
    data: dict[str, Any] = {
        "referral_date": date.today(),
        "subject_name": "Deano",
        "referrer": "Ms Okafor",
        "organisation": SCHOOL,
        "summary": "Adult male collected two Year 10 girls at the gate on 3 and 17 November.",
        "how_known": "my own observation at the school gate",
        "vehicle": "ab12cde",
        "linked_children": ["C-AMIRA", "C-BELLA"],
        "basis": "fact",
        "grading": "2-B-P",
    }
    return ConcernReferralForm.model_validate({**data, **changes})


def marve(**changes: Any) -> MarveReferralForm:
    data: dict[str, Any] = {
        "referrer": "Ms Okafor",
        "agency": SCHOOL,
        "role": "Designated safeguarding lead",
        "contact": "dsl@riverside.invalid",
        "assessment_date": date.today(),
        "referral_date": date.today(),
        "forename": "Amira",
        "family_name": "Khan",
        "date_of_birth": date(2011, 2, 3),
        "indicators": ["running_away_missing", "vehicles_unknown_adults"],
        "rag": {"CSE": "high"},
        "signs_of_safety": {"safety": 3},
        "worried_about": "Amira is at risk of sexual exploitation by an older male.",
    }
    return MarveReferralForm.model_validate({**data, **changes})


def audit_actions(store: SqliteStore) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.outcome) for e in store.audit_entries()]


def test_submit_concern_referral_persists_it_with_a_reference(store: SqliteStore) -> None:
    ref = submit_concern_referral(store, OKAFOR, concern())
    assert REFERENCE.match(ref)
    node = store.get_node(ref)
    assert node is not None and node.label == NodeLabel.REFERRAL
    assert node.properties["status"] == "submitted"
    assert node.properties["submitted_by"] == "okafor"
    assert node.properties["grading"] == "2-B-P"
    assert node.properties["form"]["linked_children"] == ["C-AMIRA", "C-BELLA"]
    assert ("okafor", "submit_referral", "ok") in audit_actions(store)


def test_submit_marve_referral_persists_the_assessment(store: SqliteStore) -> None:
    ref = submit_marve_referral(store, OKAFOR, marve())
    node = store.get_node(ref)
    assert node is not None
    assert node.properties["referral_kind"] == ReferralKind.MARVE.value
    assert node.properties["subject_name"] == "Amira Khan"
    assert node.properties["form"]["rag"] == {"CSE": "high"}
    assert node.properties["form"]["indicators"] == [
        "running_away_missing",
        "vehicles_unknown_adults",
    ]


def test_my_referrals_lists_only_the_users_own_newest_first(store: SqliteStore) -> None:
    first = submit_concern_referral(store, OKAFOR, concern(subject_name="First"))
    second = submit_concern_referral(store, OKAFOR, concern(subject_name="Second"))
    submit_concern_referral(store, NURSE, concern(subject_name="Not hers"))
    node = store.get_node(first)
    assert node is not None
    store.update_node(
        first, {**node.properties, "submitted_at": "2026-01-01T09:00:00+00:00"}, actor="test"
    )
    mine = my_referrals(store, OKAFOR)
    assert [r.id for r in mine] == [second, first]
    assert {r.subject for r in mine} == {"First", "Second"}


def test_lookup_children_shows_a_referrer_only_their_own_pupils_by_name(
    store: SqliteStore,
) -> None:
    assert [c.label for c in lookup_children(store, OKAFOR, "Amira")] == ["Amira Khan"]
    assert [c.label for c in lookup_children(store, OKAFOR, "Tyler")] == ["TB (born 2010)"]
    assert [c.label for c in lookup_children(store, HALE, "Tyler")] == ["Tyler Brooks"]
    assert lookup_children(store, OKAFOR, "T") == []
    assert ("okafor", "lookup_child", "ok") in audit_actions(store)


def test_referral_queue_holds_waiting_referrals_oldest_first(store: SqliteStore) -> None:
    first = submit_concern_referral(store, OKAFOR, concern())
    second = submit_concern_referral(store, NURSE, concern(subject_name="Marcus"))
    node = store.get_node(second)
    assert node is not None
    store.update_node(
        second, {**node.properties, "submitted_at": "2026-01-01T09:00:00+00:00"}, actor="test"
    )
    assert [n.id for n in referral_queue(store, HALE)] == [second, first]
    decline_referral(store, HALE, second, "not a person of concern")
    assert [n.id for n in referral_queue(store, HALE)] == [first]


def test_match_candidates_say_why_vehicle_exact_and_alias_similar(store: SqliteStore) -> None:
    """Journey 2: the registration and 'Deano' both point at Dean Miles."""
    ref = submit_concern_referral(store, OKAFOR, concern())
    top = match_candidates(store, HALE, ref)[0]
    assert top.node.id == "P-DEAN"
    assert top.score == 1.0
    assert "vehicle AB12 CDE exact" in top.reasons
    assert "alias similar (100%): Deano" in top.reasons


def test_match_candidates_give_one_reason_per_matching_name_of_theirs(
    store: SqliteStore,
) -> None:
    ref = submit_concern_referral(store, OKAFOR, concern(aliases=["Dean-o", "Deano D"]))
    top = match_candidates(store, HALE, ref)[0]
    assert top.reasons == ["alias similar (100%): Deano", "vehicle AB12 CDE exact"]


def test_match_candidates_find_a_misspelt_alias_with_its_similarity(store: SqliteStore) -> None:
    ref = submit_concern_referral(
        store, OKAFOR, concern(subject_name="Unknown male", aliases=["Deanno"], vehicle=None)
    )
    candidates = match_candidates(store, HALE, ref)
    assert [c.node.id for c in candidates] == ["P-DEAN"]
    assert candidates[0].reasons == ["alias similar (91%): Deano"]
    assert candidates[0].score == pytest.approx(0.909, abs=0.001)


def test_match_candidates_for_a_place_look_only_at_places(store: SqliteStore) -> None:
    ref = submit_concern_referral(
        store,
        OKAFOR,
        concern(
            referral_kind="location_of_concern",
            subject_name="Chicken Palace",
            vehicle=None,
            location_type="fast_food",
        ),
    )
    candidates = match_candidates(store, HALE, ref)
    assert [c.node.id for c in candidates] == ["LOC-CHICKEN"]
    assert candidates[0].reasons == ["name similar (100%): Chicken Palace"]


def test_accept_creates_the_person_of_concern_with_the_referrals_provenance(
    store: SqliteStore,
) -> None:
    ref = submit_concern_referral(
        store, OKAFOR, concern(subject_name="Lee Stone", aliases=["Stoney"], vehicle="XY99 ZZZ")
    )
    poc_id = accept_referral(store, HALE, ref)
    poc = store.get_node(poc_id)
    assert poc is not None and poc.label == NodeLabel.PERSON_OF_CONCERN
    assert (poc.properties["forename"], poc.properties["family_name"]) == ("Lee", "Stone")
    assert poc.properties["aliases"] == ["Stoney"]
    assert poc.properties["review_date"] > date.today().isoformat()
    concern_links = store.links_of([poc_id], types=[LinkType.CONCERN_FOR])
    assert sorted(x.target for x in concern_links) == ["C-AMIRA", "C-BELLA"]
    for link in concern_links:
        assert link.properties["reporting_agency"] == SCHOOL
        assert link.properties["basis"] == "fact"
        assert link.properties["grading"] == "2-B-P"
        assert link.properties["reported_by"] == "okafor"
        assert ref in link.properties["source_note"]
    assert [x.target for x in store.links_of([poc_id], types=[LinkType.SUBJECT_OF])] == [ref]
    referral = store.get_node(ref)
    assert referral is not None
    assert referral.properties["status"] == "accepted"
    assert referral.properties["linked_record"] == poc_id
    assert ("hale", "accept_referral", "ok") in audit_actions(store)


def test_accept_reuses_a_vehicle_already_on_record(store: SqliteStore) -> None:
    objects_before = store.counts()["Object"]
    ref = submit_concern_referral(store, OKAFOR, concern(subject_name="Lee Stone"))
    poc_id = accept_referral(store, HALE, ref)
    uses = store.links_of([poc_id], types=[LinkType.USES])
    assert [x.target for x in uses] == ["OBJ-CAR"]
    assert store.counts()["Object"] == objects_before


def test_merge_links_the_children_to_the_existing_record_and_adds_the_alias(
    store: SqliteStore,
) -> None:
    pocs_before = store.counts()["PersonOfConcern"]
    ref = submit_concern_referral(store, OKAFOR, concern(aliases=["D-Man", "Dean Miles"]))
    merge_referral(store, HALE, ref, "P-DEAN")
    dean = store.get_node("P-DEAN")
    assert dean is not None
    assert dean.properties["aliases"] == ["Deano", "D-Man"]
    assert store.history("P-DEAN"), "the earlier version of the record is kept"
    links = {x.target: x for x in store.links_of(["P-DEAN"], types=[LinkType.CONCERN_FOR])}
    assert set(links) == {"C-AMIRA", "C-BELLA", "C-TYLER"}
    assert links["C-AMIRA"].properties["grading"] == "2-B-P"
    assert links["C-BELLA"].properties["reporting_agency"] == SCHOOL
    assert store.counts()["PersonOfConcern"] == pocs_before
    referral = store.get_node(ref)
    assert referral is not None
    assert referral.properties["status"] == "merged"
    assert referral.properties["linked_record"] == "P-DEAN"
    assert my_referrals(store, OKAFOR)[0].decision_reason == "linked to an existing record"


def test_merge_of_a_place_links_the_children_as_seen_there(store: SqliteStore) -> None:
    ref = submit_concern_referral(
        store,
        OKAFOR,
        concern(referral_kind="location_of_concern", subject_name="Chicken Palace", vehicle=None),
    )
    merge_referral(store, HALE, ref, "LOC-CHICKEN")
    seen = store.links_of(["LOC-CHICKEN"], types=[LinkType.SEEN_AT])
    assert sorted(x.source for x in seen) == ["C-AMIRA", "C-BELLA"]


def test_merge_into_a_missing_record_changes_nothing(store: SqliteStore) -> None:
    ref = submit_concern_referral(store, OKAFOR, concern())
    with pytest.raises(NotFound):
        merge_referral(store, HALE, ref, "P-NOBODY")
    referral = store.get_node(ref)
    assert referral is not None and referral.properties["status"] == "submitted"


def test_decline_needs_a_reason_and_records_it(store: SqliteStore) -> None:
    ref = submit_concern_referral(store, OKAFOR, concern())
    with pytest.raises(ValueError, match="reason"):
        decline_referral(store, HALE, ref, "  ")
    node = store.get_node(ref)
    assert node is not None and node.properties["status"] == "submitted"
    decline_referral(store, HALE, ref, "Familial: passed to the MASH")
    node = store.get_node(ref)
    assert node is not None
    assert node.properties["status"] == "declined"
    assert my_referrals(store, OKAFOR)[0].decision_reason == "Familial: passed to the MASH"


def test_a_marve_referral_is_not_accepted_as_a_person_of_concern(store: SqliteStore) -> None:
    ref = submit_marve_referral(store, OKAFOR, marve())
    with pytest.raises(ValueError, match="MARVE"):
        accept_referral(store, HALE, ref)
    assert "PersonOfConcern" in store.counts()
    assert store.counts()["PersonOfConcern"] == 2


def test_referral_children_names_the_linked_young_people_for_triage(store: SqliteStore) -> None:
    ref = submit_concern_referral(store, OKAFOR, concern())
    assert [(c.id, c.label) for c in referral_children(store, HALE, ref)] == [
        ("C-AMIRA", "Amira Khan"),
        ("C-BELLA", "Bella Hart"),
    ]
    entry = store.audit_entries()[-1]
    assert (entry.action, entry.entity_ids) == (
        "view_referral_children",
        [ref, "C-AMIRA", "C-BELLA"],
    )


TRIAGE_CALLS: dict[str, Callable[[SqliteStore, User, str], object]] = {
    "referral_queue": lambda s, u, ref: referral_queue(s, u),
    "match_candidates": match_candidates,
    "referral_children": referral_children,
    "accept_referral": accept_referral,
    "merge_referral": lambda s, u, ref: merge_referral(s, u, ref, "P-DEAN"),
    "decline_referral": lambda s, u, ref: decline_referral(s, u, ref, "no reason at all"),
}


@pytest.mark.parametrize("role", ["referrer", "panel_member", "facilitator"])
@pytest.mark.parametrize("call", sorted(TRIAGE_CALLS))
def test_triage_is_refused_to_roles_without_it_and_audited(
    store: SqliteStore, role: str, call: str
) -> None:
    ref = submit_concern_referral(store, OKAFOR, concern())
    user = USERS[role]
    with pytest.raises(PermissionDenied):
        TRIAGE_CALLS[call](store, user, ref)
    last = store.audit_entries()[-1]
    assert (last.actor, last.action, last.outcome) == (user.username, "triage_referrals", "denied")
    node = store.get_node(ref)
    assert node is not None and node.properties["status"] == "submitted"
