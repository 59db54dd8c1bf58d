"""The `analyse` report keeps CONTRACTS §5: its keys, its order, its reasons, its filters."""

from __future__ import annotations

import json

import pytest

from graphdb.base import GraphStore
from graphdb.sqlite import SqliteStore
from mapping.analytics.report import analyse, summary_text
from schemas.enums import LinkType
from tests import factories
from tests.unit.analytics.conftest import Loader

CONTRACT = {
    "graph": {"nodes", "links", "since", "until"},
    "brokers": {"id", "label", "name", "betweenness", "degree", "why"},
    "peer_groups": {"group", "members", "size", "categories"},
    "hotspots": {"id", "name", "score", "children", "incidents", "why"},
    "co_location": {"a", "b", "location", "times", "first", "last"},
    "at_risk_by_association": {"id", "via", "hops", "why"},
    "possible_duplicates": {"a", "b", "similarity", "why"},
    "common_children": {"id", "panels"},
}


def test_report_has_exactly_the_contract_keys_and_every_item_field(load: Loader) -> None:
    data = analyse(load(factories.everything())).model_dump(mode="json")
    assert set(data) == set(CONTRACT)
    assert CONTRACT["graph"] <= set(data["graph"])
    for key, fields in CONTRACT.items():
        if key == "graph":
            continue
        assert data[key], f"{key} is empty on the combined factory network"
        for item in data[key]:
            assert fields <= set(item), key
            assert isinstance(item["why"], str) and item["why"].endswith(".")


def test_same_store_gives_byte_identical_json(load: Loader) -> None:
    store = load(factories.everything())
    first = json.dumps(analyse(store).model_dump(mode="json"), sort_keys=False)
    second = json.dumps(analyse(store).model_dump(mode="json"), sort_keys=False)
    assert first == second
    again = load(factories.everything())
    assert json.dumps(analyse(again).model_dump(mode="json")) == first


def test_lists_are_truncated_to_top(load: Loader) -> None:
    report = analyse(load(factories.everything()), top=1)
    data = report.model_dump(mode="json")
    assert all(len(data[key]) <= 1 for key in CONTRACT if key != "graph")


def test_pairs_are_sorted_a_before_b(load: Loader) -> None:
    report = analyse(load(factories.everything()))
    assert all(c.a < c.b for c in report.co_location)
    assert all(d.a < d.b for d in report.possible_duplicates)


def test_until_excludes_later_sightings_and_sets_recency(load: Loader) -> None:
    store = load(factories.fast_food_co_location())
    report = analyse(store, until="2026-03-03")
    assert report.graph.until == "2026-03-03"
    assert report.graph.as_of == "2026-03-03"
    assert report.co_location == []  # C-2 was seen on the 4th
    hot = {h.id: h for h in report.hotspots}
    assert hot["L-1"].incidents == 0 and hot["L-1"].children == 2


def test_since_excludes_earlier_links(load: Loader) -> None:
    report = analyse(load(factories.fast_food_co_location()), since="2026-03-05")
    assert report.co_location == []
    assert {h.id for h in report.hotspots} == {"L-1", "L-2"}


def test_facts_only_drops_opinion_links(load: Loader) -> None:
    nodes, links = factories.high_rag_child_next_to_poc()
    links = [factories.link(LinkType.CONCERN_FOR, "P-1", "C-2", kind="sexual", basis="opinion")]
    store = load((nodes, links))
    assert [r.id for r in analyse(store).at_risk_by_association] == ["C-2"]
    assert analyse(store, facts_only=True).at_risk_by_association == []


def test_min_grading_drops_weaker_links(load: Loader) -> None:
    nodes, _ = factories.high_rag_child_next_to_poc()
    links = [factories.link(LinkType.CONCERN_FOR, "P-1", "C-2", kind="sexual", grading="3-C-P")]
    store = load((nodes, links))
    assert [r.id for r in analyse(store, min_grading="3-C").at_risk_by_association] == ["C-2"]
    assert analyse(store, min_grading="2-B").at_risk_by_association == []


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [("since", "last week", "since"), ("min_grading", "9-Z", "min_grading"), ("top", -1, "top")],
)
def test_bad_options_name_the_field(load: Loader, option: str, value: object, field: str) -> None:
    store = load(([], []))
    with pytest.raises(ValueError, match=field):
        analyse(store, **{option: value})  # type: ignore[arg-type]


def test_empty_store_gives_empty_lists() -> None:
    store = SqliteStore(":memory:")
    store.init()
    report = analyse(store)
    assert report.graph.nodes == 0 and report.brokers == [] and report.hotspots == []


def test_summary_text_names_each_section_and_the_caveat(load: Loader) -> None:
    text = summary_text(analyse(load(factories.everything())))
    for title in (
        "Brokers",
        "Peer groups",
        "Hotspots",
        "At risk by association",
        "Possible duplicates",
    ):
        assert title in text
    assert "association is not guilt" in text
    assert "BR-C-BR" in text


def test_analytics_agree_across_stores(store: GraphStore, load: Loader) -> None:
    nodes, links = factories.everything()
    store.write(nodes, links, actor="test")
    reference = load((nodes, links))
    ours = json.dumps(analyse(store).model_dump(mode="json"))
    assert ours == json.dumps(analyse(reference).model_dump(mode="json"))
