"""Invariants of the measures: relabelling, partitions, ranges and determinism (hypothesis)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.analytics.association import at_risk_by_association
from mapping.analytics.betweenness import betweenness
from mapping.analytics.brokers import brokers
from mapping.analytics.colocation import co_locations
from mapping.analytics.communities import partition, peer_groups
from mapping.analytics.duplicates import PersonKey, possible_duplicates
from mapping.analytics.hotspots import hotspots

LABELS = ("Child", "PersonOfConcern")


@st.composite
def person_graphs(draw: st.DrawFn) -> nx.Graph:
    n = draw(st.integers(min_value=0, max_value=18))
    ids = [f"N{i:02d}" for i in range(n)]
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    edges = draw(st.lists(st.sampled_from(pairs), max_size=40, unique=True)) if pairs else []
    G = nx.Graph()
    for node in ids:
        label = draw(st.sampled_from(LABELS))
        high = draw(st.booleans())
        G.add_node(node, label=label, name=node, rag={"CCE": "high" if high else "low"})
    G.add_edges_from(sorted(edges))
    return G


def relabel(G: nx.Graph, mapping: dict[str, str]) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(sorted((mapping[n], a) for n, a in G.nodes(data=True)))
    H.add_edges_from(sorted(tuple(sorted((mapping[a], mapping[b]))) for a, b in G.edges()))
    return H


@settings(max_examples=60, deadline=None)
@given(person_graphs(), st.randoms(use_true_random=False))
def test_betweenness_is_unchanged_under_any_relabelling(G: nx.Graph, rnd: object) -> None:
    ids = sorted(G)
    shuffled = list(ids)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    mapping = dict(zip(ids, [f"X{s}" for s in shuffled], strict=True))
    before = betweenness(G)
    after = betweenness(relabel(G, mapping))
    assert all(abs(before[n] - after[mapping[n]]) < 1e-9 for n in G)


@settings(max_examples=60, deadline=None)
@given(person_graphs())
def test_results_are_unchanged_under_order_preserving_renaming(G: nx.Graph) -> None:
    mapping = {n: "id-" + n.lower() for n in G}
    back = {v: k for k, v in mapping.items()}
    H = relabel(G, mapping)
    assert [(back[b.id], b.betweenness, b.degree) for b in brokers(H)] == [
        (b.id, b.betweenness, b.degree) for b in brokers(G)
    ]
    assert [[back[m] for m in g.members] for g in peer_groups(H, min_size=1)] == [
        g.members for g in peer_groups(G, min_size=1)
    ]
    assert [(back[r.id], r.score) for r in at_risk_by_association(H)] == [
        (r.id, r.score) for r in at_risk_by_association(G)
    ]


@settings(max_examples=60, deadline=None)
@given(person_graphs())
def test_peer_groups_partition_the_people_they_cover(G: nx.Graph) -> None:
    groups = peer_groups(G, min_size=1, top=10_000)
    members = [m for g in groups for m in g.members]
    assert len(members) == len(set(members))
    assert set(members) == set(G)
    assert all(g.size == len(g.members) for g in groups)
    assert [g.size for g in groups] == sorted((g.size for g in groups), reverse=True)
    assert -0.5 <= partition(G).modularity <= 1.0


@settings(max_examples=60, deadline=None)
@given(person_graphs())
def test_scores_stay_in_their_documented_ranges(G: nx.Graph) -> None:
    for b in brokers(G, top=100):
        assert 0.0 < b.betweenness <= 1.0
        assert 0.0 <= b.eigenvector <= 1.0
        assert b.degree == G.degree(b.id)
    for r in at_risk_by_association(G, top=100):
        sources = len(r.sources)
        assert sources / 2 <= r.score <= sources
        assert r.hops == len(r.via) - 1 and r.hops in (1, 2)
        assert G.nodes[r.id]["rag"]["CCE"] != "high"


@settings(max_examples=30, deadline=None)
@given(person_graphs())
def test_measures_are_deterministic(G: nx.Graph) -> None:
    assert brokers(G) == brokers(G.copy())
    assert peer_groups(G) == peer_groups(G.copy())
    assert at_risk_by_association(G) == at_risk_by_association(G.copy())


@st.composite
def place_graphs(draw: st.DrawFn) -> nx.MultiGraph:
    B = nx.MultiGraph()
    for i in range(draw(st.integers(1, 4))):
        incidents = [
            (
                f"2026-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))}",
                draw(st.integers(1, 5)),
                f"I{i}{j}",
            )
            for j in range(draw(st.integers(0, 3)))
        ]
        B.add_node(f"L{i}", label="Location", name=f"L{i}", incidents=sorted(incidents))
    for i in range(draw(st.integers(0, 6))):
        label = draw(st.sampled_from(LABELS))
        rag = {"CCE": draw(st.sampled_from(["low", "medium", "high"]))}
        B.add_node(f"P{i}", label=label, name=f"P{i}", rag=rag)
        for place in draw(
            st.lists(st.sampled_from(sorted(n for n in B if n.startswith("L"))), max_size=3)
        ):
            day = f"2026-0{draw(st.integers(1, 9))}-0{draw(st.integers(1, 9))}"
            B.add_edge(f"P{i}", place, type="SEEN_AT", date=day)
    return B


@settings(max_examples=60, deadline=None)
@given(place_graphs(), st.integers(0, 30))
def test_hotspot_scores_and_co_locations_stay_in_range(B: nx.MultiGraph, window: int) -> None:
    for h in hotspots(B, as_of="2026-10-01", top=100):
        assert 0.0 < h.score <= 2 * h.children + h.incidents + 2 * h.persons_of_concern + 1e-9
        assert h.recent_incidents <= h.incidents
    for c in co_locations(B, window_days=window, top=100):
        assert c.a < c.b and c.first <= c.last and c.times >= 1


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Jayden Smith", "Jaydon Smyth", "Mia Clark", "Mia Clarke", "Tom Reed"]),
        max_size=8,
    ),
    st.randoms(use_true_random=False),
)
def test_duplicates_do_not_depend_on_input_order(names: list[str], rnd: object) -> None:
    people = [
        PersonKey(f"C-{i}", n, (), "2010-01-01" if i % 2 else None, n.split()[-1])
        for i, n in enumerate(names)
    ]
    shuffled = list(people)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    found = possible_duplicates(people, top=100)
    assert found == possible_duplicates(shuffled, top=100)
    assert all(0.0 <= d.similarity <= 1.0 and d.a < d.b for d in found)
