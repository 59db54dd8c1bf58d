"""Explorer, profile and agenda services on a small synthetic world in a real SQLite store.

The world (every name invented)::

    ORG-BOX Boxing club --PROTECTIVE_FOR--> C-AVA Ava Stone (focus; CCE high; ethnicity, religion)
                                             |  |  |  \\
        C-BEN Ben Cole --ASSOCIATES (fact 2-B-P)  |  |   SEEN_AT --> LOC-SHOP Chicken Shop
        C-CARA Cara Diaz --ASSOCIATES (opinion) --+  |               (of concern, closure notice,
        P-DEAN Dean Miles --CONCERN_FOR (fact 1-B-P)-+               review overdue, lat/lon)
           |                                         INVOLVED_IN --> INC-MISS missing 2026-10-01
           +-- USES --> OBJ-PHONE 07700 900001 <-- USES -- P-LEE Lee Okoro     (found in Reading,
        ACT-1 open action, due 2026-01-01 --ASSIGNED_TO--> C-AVA            OCCURRED_AT LOC-SHOP)
        C-AVA2 "Ava Ston", same date of birth, alias "Ava Stone"  (a possible duplicate)
        P-HUB Hub Person --ASSOCIATES--> C-H000 … C-H119  (120 children: a supernode)
        C-LOCK Locked Child, restricted to Health
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from graphdb.sqlite import SqliteStore
from graphdb.terms import SearchField
from mapping.services.access import PermissionDenied, User
from mapping.services.agenda import places_people_of_concern
from mapping.services.explore import (
    TooManyNeighbours,
    ego_view,
    paths_between,
    search_people,
)
from mapping.services.explore_export import export_view
from mapping.services.profiles import child_profile
from schemas.enums import LinkType, NodeLabel, Purpose, Role
from schemas.interchange import link_row, node_row
from schemas.records import LinkRow, NodeRow

TODAY = date(2026, 12, 1)
ANALYST = User(username="hale", role=Role.ANALYST, agency="Police")
PANEL = User(username="shah", role=Role.PANEL_MEMBER, agency="Police")
FACILITATOR = User(username="adeyemi", role=Role.FACILITATOR, agency="Children's Social Care")
REFERRER = User(username="okafor", role=Role.REFERRER, agency="Riverside Academy")
ADMIN = User(username="support", role=Role.ADMIN, agency="Other")
FACT = {
    "reported_at": "2026-10-20",
    "reporting_agency": "Police",
    "reported_by": "DC 1",
    "basis": "fact",
    "grading": "2-B-P",
    "observed_from": "2026-10-15",
    "source_note": "patrol",
}
OPINION = {**FACT, "basis": "opinion", "grading": "3-C-C", "reporting_agency": "Education"}


def _child(node_id: str, forename: str, family: str, **extra: object) -> NodeRow:
    props = {"forename": forename, "family_name": family, "date_of_birth": "2011-04-01", **extra}
    return node_row(NodeLabel.CHILD, node_id, props)


def world() -> tuple[list[NodeRow], list[LinkRow]]:
    nodes = [
        _child(
            "C-AVA",
            "Ava",
            "Stone",
            ethnicity="Mixed heritage",
            religion="Hindu",
            rag={"CCE": "high"},
            indicators=["running_away_missing"],
            signs_of_safety={"safety": 3},
        ),
        _child("C-BEN", "Ben", "Cole", rag={"CCE": "medium"}),
        _child("C-CARA", "Cara", "Diaz"),
        _child("C-AVA2", "Ava", "Ston", aliases=["Ava Stone"]),
        _child("C-LOCK", "Locked", "Child", restricted_to=["Health"]),
        node_row(
            NodeLabel.PERSON_OF_CONCERN,
            "P-DEAN",
            {
                "forename": "Dean",
                "family_name": "Miles",
                "aliases": ["Deano"],
                "date_of_birth": "1999-02-22",
                "disruption_measures": ["CAWN"],
                "review_date": "2027-06-01",
            },
        ),
        node_row(NodeLabel.PERSON_OF_CONCERN, "P-LEE", {"forename": "Lee", "family_name": "Okoro"}),
        node_row(
            NodeLabel.PERSON_OF_CONCERN, "P-HUB", {"forename": "Hub", "family_name": "Person"}
        ),
        node_row(NodeLabel.OBJECT, "OBJ-PHONE", {"object_type": "phone", "value": "07700 900001"}),
        node_row(
            NodeLabel.LOCATION,
            "LOC-SHOP",
            {
                "name": "Chicken Shop",
                "location_type": "fast_food",
                "latitude": 51.41,
                "longitude": -0.30,
                "of_concern": True,
                "disruption_measures": ["CLOSURE_NOTICE"],
                "review_date": "2026-11-01",
                "flagged_at": "2026-11-10",
            },
        ),
        node_row(
            NodeLabel.INCIDENT,
            "INC-MISS",
            {
                "incident_type": "missing",
                "occurred_at": "2026-10-01T21:00:00",
                "where_found": "Reading",
                "severity": 4,
                "description": "Missing overnight.",
            },
        ),
        node_row(NodeLabel.ORGANISATION, "ORG-BOX", {"name": "Boxing club"}),
        node_row(
            NodeLabel.ACTION,
            "ACT-1",
            {"text": "Safety plan review", "owner": "SW 1", "due_date": "2026-01-01"},
        ),
    ]
    nodes += [_child(f"C-H{i:03d}", f"Hub{i}", "Kid") for i in range(120)]
    links = [
        link_row(LinkType.ASSOCIATES_WITH, "L-AVA-BEN", "C-AVA", "C-BEN", FACT),
        link_row(LinkType.ASSOCIATES_WITH, "L-AVA-CARA", "C-AVA", "C-CARA", OPINION),
        link_row(
            LinkType.CONCERN_FOR, "L-DEAN-AVA", "P-DEAN", "C-AVA", {**FACT, "grading": "1-B-P"}
        ),
        link_row(LinkType.USES, "L-DEAN-PHONE", "P-DEAN", "OBJ-PHONE", FACT),
        link_row(LinkType.USES, "L-LEE-PHONE", "P-LEE", "OBJ-PHONE", FACT),
        link_row(LinkType.SEEN_AT, "L-AVA-SHOP", "C-AVA", "LOC-SHOP", FACT),
        link_row(LinkType.SEEN_AT, "L-DEAN-SHOP", "P-DEAN", "LOC-SHOP", FACT),
        link_row(
            LinkType.INVOLVED_IN,
            "L-AVA-MISS",
            "C-AVA",
            "INC-MISS",
            {**FACT, "role": "missing_person"},
        ),
        link_row(LinkType.OCCURRED_AT, "L-MISS-SHOP", "INC-MISS", "LOC-SHOP", FACT),
        link_row(
            LinkType.PROTECTIVE_FOR, "L-BOX-AVA", "ORG-BOX", "C-AVA", {**FACT, "kind": "activity"}
        ),
        link_row(LinkType.ASSIGNED_TO, "L-ACT-AVA", "ACT-1", "C-AVA", {}),
        link_row(LinkType.ASSOCIATES_WITH, "L-LOCK-AVA", "C-LOCK", "C-AVA", FACT),
    ]
    links += [
        link_row(LinkType.ASSOCIATES_WITH, f"L-HUB-{i:03d}", "P-HUB", f"C-H{i:03d}", FACT)
        for i in range(120)
    ]
    return nodes, links


@pytest.fixture
def panel_world(tmp_path: Path) -> Iterator[SqliteStore]:
    store = SqliteStore(tmp_path / "panel.db")
    store.init()
    store.write(*world(), actor="tests")
    yield store
    store.close()


def _last(store: SqliteStore) -> dict[str, object]:
    return store.audit_entries()[-1].model_dump()


# -- role refusals --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("user", "call", "action"),
    [
        (
            REFERRER,
            lambda s: ego_view(s, REFERRER, "C-AVA", purpose=Purpose.PANEL_OVERSIGHT),
            "explore_network",
        ),
        (
            PANEL,
            lambda s: ego_view(s, PANEL, "C-AVA", purpose=Purpose.PANEL_OVERSIGHT),
            "explore_network",
        ),
        (REFERRER, lambda s: paths_between(s, REFERRER, "P-DEAN", "P-LEE"), "explore_network"),
        (
            REFERRER,
            lambda s: child_profile(s, REFERRER, "C-AVA", Purpose.PANEL_OVERSIGHT),
            "view_child_profile",
        ),
        (
            ADMIN,
            lambda s: child_profile(s, ADMIN, "C-AVA", Purpose.PANEL_OVERSIGHT),
            "view_child_profile",
        ),
        (
            REFERRER,
            lambda s: child_profile(s, REFERRER, "P-DEAN", Purpose.PANEL_OVERSIGHT),
            "view_person_of_concern_profile",
        ),
        (
            REFERRER,
            lambda s: places_people_of_concern(s, REFERRER),
            "view_places_people_of_concern",
        ),
        (REFERRER, lambda s: search_people(s, REFERRER, "Ava"), "search_records"),
    ],
)
def test_refused_roles_raise_and_are_audited(
    panel_world: SqliteStore, user: User, call: object, action: str
) -> None:
    with pytest.raises(PermissionDenied):
        call(panel_world)  # type: ignore[operator]
    entry = _last(panel_world)
    assert (entry["actor"], entry["action"], entry["outcome"]) == (user.username, action, "denied")


def test_panel_member_cannot_export_a_view(panel_world: SqliteStore) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    with pytest.raises(PermissionDenied):
        export_view(panel_world, PANEL, view, "csv", reason="for the panel pack")
    assert _last(panel_world)["outcome"] == "denied"


# -- minimisation -----------------------------------------------------------------------------
def test_safety_planning_shows_other_young_people_by_initials(panel_world: SqliteStore) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.SAFETY_PLANNING)
    names = {n.id: n.label for n in view.nodes}
    assert names["C-AVA"] == "Ava Stone"
    assert names["C-BEN"] == "B.C." and names["C-CARA"] == "C.D."
    assert names["P-DEAN"] == "Dean Miles"  # an adult person of concern is not minimised
    assert view.minimised
    assert not any("Ben" in n.detail or "Cole" in n.detail for n in view.nodes)


def test_police_disruption_shows_full_names_to_analysts_only(panel_world: SqliteStore) -> None:
    analyst = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    facilitator = ego_view(panel_world, FACILITATOR, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    assert {n.id: n.label for n in analyst.nodes}["C-BEN"] == "Ben Cole"
    assert {n.id: n.label for n in facilitator.nodes}["C-BEN"] == "B.C."


def test_special_category_fields_never_enter_a_view(panel_world: SqliteStore) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", hops=2, purpose=Purpose.POLICE_DISRUPTION)
    text = " ".join(f"{n.label} {n.detail}" for n in view.nodes)
    assert "Mixed heritage" not in text and "Hindu" not in text
    assert "Ava Stone" in text


def test_restricted_record_is_named_only_as_restricted(panel_world: SqliteStore) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    assert {n.id: n.label for n in view.nodes}["C-LOCK"] == "Restricted record (Health)"
    profile = child_profile(panel_world, ANALYST, "C-LOCK", Purpose.PANEL_OVERSIGHT)
    assert profile.restricted is not None and not profile.details
    assert _last(panel_world)["outcome"] == "restricted"


# -- ego views, paths, search ------------------------------------------------------------------
def test_more_than_100_neighbours_needs_confirmation(panel_world: SqliteStore) -> None:
    with pytest.raises(TooManyNeighbours) as refused:
        ego_view(panel_world, ANALYST, "P-HUB", purpose=Purpose.POLICE_DISRUPTION)
    assert refused.value.count == 120
    shown = ego_view(
        panel_world, ANALYST, "P-HUB", purpose=Purpose.POLICE_DISRUPTION, confirm_large=True
    )
    assert len(shown.nodes) == 121


def test_ego_view_is_audited_with_its_purpose(panel_world: SqliteStore) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.SAFETY_PLANNING)
    entry = _last(panel_world)
    assert entry["action"] == "view_network" and entry["purpose"] == "safety_planning"
    assert set(entry["entity_ids"]) >= {"C-AVA", "C-BEN", "P-DEAN"}  # type: ignore[arg-type]
    assert {n.id for n in view.nodes} >= {"C-AVA", "LOC-SHOP", "ORG-BOX", "INC-MISS"}


def test_view_marks_fact_opinion_and_carries_the_attributes_a_map_needs(
    panel_world: SqliteStore,
) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    links = {x.id: x for x in view.links}
    assert links["L-AVA-BEN"].evidence == "fact" and links["L-AVA-CARA"].evidence == "opinion"
    assert links["L-AVA-CARA"].reporting_agency == "Education"
    nodes = {n.id: n for n in view.nodes}
    assert nodes["C-AVA"].rag == "high" and nodes["C-AVA"].focus
    assert nodes["C-AVA"].betweenness == max(n.betweenness for n in view.nodes)
    assert view.warning is not None and "1 opinion" in view.warning


def test_facts_only_drops_opinion_links_and_what_only_they_reach(panel_world: SqliteStore) -> None:
    view = ego_view(
        panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION, include_opinion=False
    )
    assert all(x.basis == "fact" for x in view.links)
    assert "C-CARA" not in {n.id for n in view.nodes}


def test_date_window_excludes_links_observed_outside_it(panel_world: SqliteStore) -> None:
    view = ego_view(
        panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION, until="2026-01-01"
    )
    assert [n.id for n in view.nodes] == ["C-AVA"]


def test_search_by_phone_finds_the_people_using_it_and_is_audited_without_the_text(
    panel_world: SqliteStore,
) -> None:
    hits = search_people(
        panel_world, ANALYST, "07700900001", SearchField.PHONE, purpose=Purpose.POLICE_DISRUPTION
    )
    assert {h.id for h in hits} == {"OBJ-PHONE", "P-DEAN", "P-LEE"}
    entry = _last(panel_world)
    assert entry["action"] == "search" and "07700" not in str(entry["detail"])
    assert entry["purpose"] == "police_disruption"


def test_paths_between_two_people_go_through_a_shared_phone(panel_world: SqliteStore) -> None:
    found = paths_between(
        panel_world, ANALYST, "P-DEAN", "P-LEE", purpose=Purpose.POLICE_DISRUPTION
    )
    assert found.paths == [["P-DEAN", "OBJ-PHONE", "P-LEE"]]
    assert {x.id for x in found.view.links} == {"L-DEAN-PHONE", "L-LEE-PHONE"}
    assert _last(panel_world)["action"] == "view_paths"


# -- export -----------------------------------------------------------------------------------
def test_export_is_audited_with_purpose_and_reason_and_keeps_the_opinion_warning(
    panel_world: SqliteStore,
) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    out = export_view(panel_world, ANALYST, view, "graphml", reason="i2 chart for Op Kestrel")
    entry = _last(panel_world)
    assert (entry["action"], entry["purpose"]) == ("export_view", "police_disruption")
    assert "Op Kestrel" in str(entry["detail"])
    assert out.warning and "opinion" in out.warning
    G = nx.read_graphml(io.BytesIO(out.data))
    assert G.graph["warning"] == out.warning
    assert {d["evidence"] for _, _, d in G.edges(data=True)} >= {"fact", "opinion"}
    table = export_view(panel_world, ANALYST, view, "csv", reason="for the analyst file").data
    assert b"L-AVA-CARA,ASSOCIATES_WITH" in table and b",opinion,opinion," in table


def test_export_needs_a_reason(panel_world: SqliteStore) -> None:
    view = ego_view(panel_world, ANALYST, "C-AVA", purpose=Purpose.POLICE_DISRUPTION)
    before = len(panel_world.audit_entries())
    with pytest.raises(ValueError, match="reason"):
        export_view(panel_world, ANALYST, view, "graphml", reason=" ")
    assert len(panel_world.audit_entries()) == before


# -- profiles ---------------------------------------------------------------------------------
def test_special_category_fields_hidden_for_panel_member_shown_for_analyst(
    panel_world: SqliteStore,
) -> None:
    panel = child_profile(panel_world, PANEL, "C-AVA", Purpose.PANEL_OVERSIGHT)
    analyst = child_profile(panel_world, ANALYST, "C-AVA", Purpose.PANEL_OVERSIGHT)
    assert panel.special_category_hidden and "Ethnicity" not in panel.details
    assert "Religion" not in panel.details
    assert (
        analyst.details["Ethnicity"] == "Mixed heritage" and analyst.details["Religion"] == "Hindu"
    )


@pytest.mark.parametrize("purpose", list(Purpose))
def test_each_profile_read_writes_exactly_one_audit_entry_with_its_purpose(
    panel_world: SqliteStore, purpose: Purpose
) -> None:
    before = len(panel_world.audit_entries())
    child_profile(panel_world, FACILITATOR, "C-AVA", purpose)
    entries = panel_world.audit_entries()[before:]
    assert len(entries) == 1
    assert (entries[0].action, entries[0].purpose, entries[0].entity_ids) == (
        "view_profile",
        purpose.value,
        ["C-AVA"],
    )


def test_profile_gathers_chronology_links_strengths_actions_and_duplicates(
    panel_world: SqliteStore,
) -> None:
    profile = child_profile(panel_world, ANALYST, "C-AVA", Purpose.SAFETY_PLANNING, today=TODAY)
    missing = profile.chronology[0]
    assert (missing.incident_type, missing.where_found, missing.location) == (
        "missing",
        "Reading",
        "Chicken Shop",
    )
    assert [p.other_name for p in profile.protective] == ["Boxing club"]
    assert [(a.id, a.overdue) for a in profile.actions] == [("ACT-1", True)]
    assert [d.other_id for d in profile.duplicates] == ["C-AVA2"]
    by_other = {r.other_id: r for r in profile.links}
    assert by_other["C-BEN"].other_name == "B.C." and by_other["C-BEN"].link.grading == "2-B-P"
    assert (
        by_other["C-CARA"].link.evidence == "opinion" and by_other["C-CARA"].reported_by == "DC 1"
    )
    assert profile.indicators and profile.signs_of_safety[0] == ("Safety", 3)


def test_rag_history_comes_from_earlier_versions(panel_world: SqliteStore) -> None:
    node = panel_world.get_node("C-AVA")
    assert node is not None
    panel_world.update_node("C-AVA", {**node.properties, "rag": {"CCE": "medium"}}, actor="tests")
    profile = child_profile(panel_world, ANALYST, "C-AVA", Purpose.PANEL_OVERSIGHT)
    cce = next(r for r in profile.rag if r.category == "CCE")
    assert cce.current == "medium"
    assert [level for _, level in cce.history] == ["high", "medium"]


# -- the agenda item --------------------------------------------------------------------------
def test_agenda_ranks_people_and_places_with_why_reviews_news_and_map_points(
    panel_world: SqliteStore,
) -> None:
    agenda = places_people_of_concern(panel_world, PANEL, last_panel_date="2026-10-01", today=TODAY)
    dean = next(i for i in agenda.persons if i.id == "P-DEAN")
    assert agenda.persons[0].id == "P-HUB" and "120 children linked" in agenda.persons[0].why
    assert "1 child linked (1 rated high for CCE)" in dean.why
    assert dean.disruption == ["Child Abduction Warning Notice (CAWN)"]
    assert [c.name for c in dean.children] == ["Ava Stone"]
    shop = next(i for i in agenda.places if i.id == "LOC-SHOP")
    assert shop.review_status == "overdue" and shop in agenda.reviews
    assert shop.new_since_panel and "Chicken Shop" in agenda.new_flags
    assert [(p.id, p.latitude) for p in agenda.points] == [("LOC-SHOP", 51.41)]
    entry = _last(panel_world)
    assert (entry["action"], entry["purpose"]) == (
        "view_places_people_of_concern",
        "panel_oversight",
    )


def test_agenda_filters_by_category_and_minimises_for_roles_without_full_identities(
    panel_world: SqliteStore,
) -> None:
    cse = places_people_of_concern(panel_world, PANEL, category="CSE", today=TODAY)
    assert not cse.persons and not cse.places
    admin = places_people_of_concern(panel_world, ADMIN, today=TODAY)
    dean = next(i for i in admin.persons if i.id == "P-DEAN")
    assert admin.minimised and [c.name for c in dean.children] == ["A.S."]
