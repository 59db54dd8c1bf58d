"""The app's bounded network views: ego networks, paths, cohesion, chronology, places."""

from __future__ import annotations

import networkx as nx

from mapping.analytics.build import links_between, person_network, place_graph, read_store
from mapping.analytics.ego import (
    chronology,
    cohesion,
    ego_network,
    group_places,
    location_children,
    new_links,
    paths_between,
)
from schemas.enums import LinkType
from tests import factories
from tests.unit.analytics.conftest import Loader


def test_ego_network_caps_supernodes() -> None:
    G = nx.star_graph(250)
    ego = ego_network(G, 0, hops=2, cap=100)
    assert len(ego.nodes) == 101
    assert ego.truncated and ego.capped == ["0"]
    assert "supernode" in ego.why


def test_ego_network_of_two_hops(load: Loader) -> None:
    G = person_network(read_store(load(factories.county_line_two_hops())))
    ego = ego_network(G, "C-2", hops=2)
    assert ego.nodes == ["C-1", "C-2", "C-3", "P-1"]
    assert ("C-1", "P-1") in ego.edges and not ego.truncated


def test_paths_between_lists_every_shortest_path_within_four_hops() -> None:
    G = nx.cycle_graph(10)
    assert paths_between(G, 0, 5) == []  # five hops
    assert paths_between(G, 0, 4) == [["0", "1", "2", "3", "4"]]
    assert paths_between(nx.cycle_graph(4), 0, 2) == [["0", "1", "2"], ["0", "3", "2"]]
    assert paths_between(nx.Graph([(1, 2), (3, 4)]), 1, 4) == []


def test_cohesion_finds_triangles_and_the_densest_core(load: Loader) -> None:
    G = person_network(read_store(load(factories.broker_between_peer_groups())))
    c = cohesion(G)
    assert c.k == 3
    assert c.k_core == sorted([f"C-A{i}" for i in range(1, 5)] + [f"C-B{i}" for i in range(1, 5)])
    assert c.triangles["C-BR"] == 0 and c.triangles["C-A2"] == 3


def test_chronology_is_oldest_first_with_incidents(load: Loader) -> None:
    data = read_store(load(factories.fast_food_co_location()))
    entries = chronology(data, "C-3")
    assert [(e.date, e.kind) for e in entries] == [
        ("2026-03-04", "INVOLVED_IN"),
        ("2026-03-10", "SEEN_AT"),
        ("2026-03-20", "SEEN_AT"),
    ]
    assert entries[0].detail == "assault (victim)"


def test_new_links_since_a_date(load: Loader) -> None:
    data = read_store(load(factories.fast_food_co_location()))
    assert len(new_links(data, "2000-01-01")) == len(data.links)
    assert new_links(data, "2999-01-01") == []


def test_a_locations_children_and_a_groups_places(load: Loader) -> None:
    data = read_store(load(factories.fast_food_co_location()))
    B = place_graph(data)
    kids = location_children(B, "L-1")
    assert [(k.id, k.count) for k in kids] == [("C-3", 2), ("C-1", 1), ("C-2", 1), ("C-4", 1)]
    nodes, links = factories.county_line_two_hops()
    nodes.append(factories.place("L-9", "Flat 3", "trap_house"))
    links.append(factories.link(LinkType.SEEN_AT, "C-4", "L-9", observed_from="2026-01-02"))
    data = read_store(load((nodes, links)))
    places = group_places(data, place_graph(data), "G-1")
    assert [(p.id, p.count, p.people) for p in places] == [("L-9", 1, ["C-4"])]


def test_links_between_names_direct_and_shared_group_links(load: Loader) -> None:
    data = read_store(load(factories.county_line_two_hops()))
    assert [x.type for x in links_between(data, "C-1", "P-1")] == [LinkType.CONCERN_FOR]
    assert sorted(x.source for x in links_between(data, "P-1", "C-4")) == ["C-4", "P-1"]
