"""Published reference values on NetworkX's bundled graphs, through our measure functions."""

from __future__ import annotations

import networkx as nx
import pytest

from mapping.analytics.betweenness import betweenness
from mapping.analytics.brokers import brokers, centrality
from mapping.analytics.build import shared_places
from mapping.analytics.communities import partition, peer_groups


def test_karate_club_betweenness_ranking_matches_zachary() -> None:
    # Published ranking (Zachary 1977 network; e.g. NetworkX docs, Newman's textbook).
    ranked = [b.id for b in brokers(nx.karate_club_graph(), top=5)]
    assert ranked == ["0", "33", "32", "2", "31"]


def test_karate_club_values_equal_networkx() -> None:
    G = nx.karate_club_graph()
    ours = betweenness(G)
    theirs = nx.betweenness_centrality(G)
    assert ours == pytest.approx(theirs, abs=1e-12)
    assert round(ours[0], 4) == 0.4376


def test_sampled_betweenness_equals_networkx_sample() -> None:
    G = nx.karate_club_graph()
    ours = betweenness(G, k=10, seed=42)
    assert ours == pytest.approx(nx.betweenness_centrality(G, k=10, seed=42), abs=1e-12)


def test_florentine_families_medici_are_the_broker() -> None:
    # Padgett's Florentine marriages: the Medici have the highest betweenness (0.522).
    top = brokers(nx.florentine_families_graph(), top=3)
    assert top[0].id == "Medici"
    assert top[0].betweenness == pytest.approx(0.521978)
    assert [b.id for b in top[1:]] == ["Guadagni", "Albizzi"]


def test_florentine_eigenvector_matches_networkx() -> None:
    G = nx.florentine_families_graph()
    c = centrality(G)
    assert c.eigenvector_converged
    assert c.eigenvector == pytest.approx(nx.eigenvector_centrality(G, tol=1e-10), abs=1e-6)


def test_davis_southern_women_projection_matches_published_counts() -> None:
    # NetworkX gallery "Davis Club": friends (shared events) per woman in the projection.
    B = nx.davis_southern_women_graph()
    women = B.graph["top"]
    P = shared_places(B, women)
    assert P.number_of_edges() == 139
    assert P.degree("Evelyn Jefferson") == 17
    assert P.degree("Charlotte McDowd") == 11
    assert P.degree("Olivia Carleton") == 12
    assert P.degree("Evelyn Jefferson", weight="weight") == 50
    assert P.degree("Theresa Anderson", weight="weight") == 57
    assert P.degree("Flora Price", weight="weight") == 14


def test_karate_club_louvain_finds_the_known_communities() -> None:
    G = nx.karate_club_graph()
    part = partition(G)
    # Louvain on the karate club reaches modularity about 0.42-0.44 (Blondel et al. 2008).
    assert 0.40 <= part.modularity <= 0.45
    members = part.membership()
    assert members[0] != members[33]
    groups = peer_groups(G, found=part)
    assert sum(g.size for g in groups) == 34
