"""The named factory networks give the answers worked out by hand in their docstrings."""

from __future__ import annotations

import pytest

from mapping.analytics.report import analyse
from tests import factories
from tests.unit.analytics.conftest import Loader


def test_broker_between_two_peer_groups_ranks_first(load: Loader) -> None:
    report = analyse(load(factories.broker_between_peer_groups()))
    top = report.brokers[:3]
    assert [(b.id, b.betweenness, b.degree) for b in top] == [
        ("C-BR", 0.571429, 2),
        ("C-A1", 0.535714, 4),
        ("C-B1", 0.535714, 4),
    ]
    assert top[0].name == "Robin Bridge"
    assert top[0].label == "Child"
    assert top[0].peer_groups_linked == 2
    assert "victim first" in top[0].why


def test_peer_groups_split_the_two_groups(load: Loader) -> None:
    report = analyse(load(factories.broker_between_peer_groups()))
    groups = [set(g.members) for g in report.peer_groups]
    assert len(groups) == 2
    a = {f"C-A{i}" for i in range(1, 5)}
    b = {f"C-B{i}" for i in range(1, 5)}
    assert any(a <= g for g in groups) and any(b <= g for g in groups)
    assert sorted(g.size for g in report.peer_groups) == [4, 5]
    by_members = {frozenset(g.members) & frozenset(a | b): g for g in report.peer_groups}
    assert by_members[frozenset(a)].categories == {"CCE": 4}
    assert by_members[frozenset(a)].dominant == ["CCE"]
    assert by_members[frozenset(b)].categories == {"CSE": 4}
    assert report.graph.modularity > 0.3


def test_children_at_a_fast_food_outlet_three_days_apart_are_suggested(load: Loader) -> None:
    report = analyse(load(factories.fast_food_co_location()))
    assert [
        c.model_dump(include={"a", "b", "location", "times", "first", "last"})
        for c in report.co_location
    ] == [
        {
            "a": "C-1",
            "b": "C-2",
            "location": "L-1",
            "times": 1,
            "first": "2026-03-01",
            "last": "2026-03-04",
        }
    ]
    assert "Chicken Shack" in report.co_location[0].why


def test_co_location_respects_the_window(load: Loader) -> None:
    report = analyse(load(factories.fast_food_co_location()), window_days=2)
    assert report.co_location == []


def test_hotspot_score_matches_the_documented_formula(load: Loader) -> None:
    report = analyse(load(factories.fast_food_co_location()))
    assert report.graph.as_of == "2026-03-20"
    first, second = report.hotspots
    assert (first.id, first.score, first.children, first.incidents) == ("L-1", 6.207251, 4, 1)
    assert (first.high_rag_children, first.recent_incidents) == (1, 1)
    assert first.why.startswith("4 children linked, 1 rated high for CCE, 1 rated medium")
    assert "1 incident, 1 in the 90 days to 2026-03-20 (1 of severity 4+)" in first.why
    assert (second.id, second.score) == ("L-2", 1.0)


def test_child_two_hops_from_county_line_poc_is_at_risk(load: Loader) -> None:
    report = analyse(load(factories.county_line_two_hops()))
    got = [(r.id, r.hops, r.score, r.via) for r in report.at_risk_by_association]
    assert got == [
        ("C-4", 1, 2.0, ["C-4", "G-1"]),
        ("C-1", 1, 1.5, ["C-1", "P-1"]),
        ("C-2", 2, 0.5, ["C-2", "C-1", "P-1"]),
    ]
    assert "Eastside Line" in report.at_risk_by_association[0].why
    assert "not evidence of harm" in report.at_risk_by_association[2].why


def test_high_rag_child_is_not_listed_at_risk(load: Loader) -> None:
    report = analyse(load(factories.high_rag_child_next_to_poc()))
    assert [(r.id, r.via) for r in report.at_risk_by_association] == [("C-2", ["C-2", "P-1"])]


def test_near_duplicate_with_alias_is_suggested(load: Loader) -> None:
    report = analyse(load(factories.near_duplicate_with_alias()))
    got = [(d.a, d.b, d.similarity) for d in report.possible_duplicates]
    assert got == [("C-1", "C-2", 1.0), ("C-4", "C-5", pytest.approx(0.947368))]
    assert report.possible_duplicates[0].alias_match
    assert report.possible_duplicates[1].same_date_of_birth


def test_children_on_several_panels_are_common(load: Loader) -> None:
    report = analyse(load(factories.near_duplicate_with_alias()))
    assert [(c.id, c.panels) for c in report.common_children] == [
        ("C-4", ["MARVE", "Prevent", "CME"]),
        ("C-1", ["MARVE", "Prevent"]),
    ]


def test_analytics_set_no_rating(load: Loader) -> None:
    store = load(factories.everything())
    before = {n.id: n.properties for n in store.iter_nodes()}
    analyse(store)
    assert {n.id: n.properties for n in store.iter_nodes()} == before
