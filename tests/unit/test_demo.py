"""The seeded demo data set: deterministic, schema-valid, well-formed, and carrying its planted cases."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from graphdb.sqlite import SqliteStore
from mapping.io.demo import DEFAULT_TODAY, SCALES, generate
from mapping.io.demo_events import CATEGORY_INDICATORS
from mapping.io.names import BOUNDS
from schemas.enums import LinkType, NodeLabel
from schemas.interchange import link_row, node_row
from schemas.links import LINK_ENDPOINTS
from schemas.records import LinkRow, NodeRow
from schemas.reference import INDICATORS

Rows = tuple[list[NodeRow], list[LinkRow]]


@pytest.fixture(scope="module")
def small() -> Rows:
    return generate("small", seed=7)


@pytest.fixture(scope="module")
def borough() -> Rows:
    return generate("borough", seed=7)


def _nodes(rows: Rows) -> dict[str, NodeRow]:
    return {n.id: n for n in rows[0]}


def _digest(rows: Rows) -> str:
    h = hashlib.sha256()
    for n in rows[0]:
        h.update(json.dumps([n.id, str(n.label), n.properties], sort_keys=True).encode())
    for x in rows[1]:
        h.update(
            json.dumps(
                [x.id, str(x.type), x.source, x.target, x.properties], sort_keys=True
            ).encode()
        )
    return h.hexdigest()


def test_same_seed_gives_identical_rows(small: Rows) -> None:
    assert generate("small", seed=7) == small


def test_same_seed_gives_identical_rows_whatever_the_hash_seed(small: Rows) -> None:
    code = (
        "import hashlib, json\n"
        "from mapping.io.demo import generate\n"
        "nodes, links = generate('small', seed=7)\n"
        "h = hashlib.sha256()\n"
        "for n in nodes:\n"
        "    h.update(json.dumps([n.id, str(n.label), n.properties], sort_keys=True).encode())\n"
        "for x in links:\n"
        "    h.update(json.dumps([x.id, str(x.type), x.source, x.target, x.properties], sort_keys=True).encode())\n"
        "print(h.hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == _digest(small)


def test_different_seed_gives_different_rows(small: Rows) -> None:
    other = generate("small", seed=8)
    assert _digest(other) != _digest(small)
    assert [n.properties for n in other[0][:50]] != [n.properties for n in small[0][:50]]


def test_unknown_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="scale"):
        generate("planet")


def test_small_scale_has_about_300_nodes(small: Rows) -> None:
    assert 250 <= len(small[0]) <= 400
    assert len(small[1]) > 2 * len(small[0])


def test_ids_are_unique_and_stable_in_form(small: Rows) -> None:
    nodes, links = small
    ids = [n.id for n in nodes] + [x.id for x in links]
    assert len(ids) == len(set(ids))
    prefixes = {n.id.split("-")[0] for n in nodes}
    assert prefixes == {"C", "P", "LOC", "G", "OBJ", "INC", "ORG"}
    assert all(x.id.startswith("R-") for x in links)


def test_every_small_row_validates_unchanged(small: Rows) -> None:
    for n in small[0]:
        assert node_row(n.label, n.id, n.properties) == n
    for x in small[1]:
        assert link_row(x.type, x.id, x.source, x.target, x.properties) == x


def test_a_sample_of_borough_rows_validates_unchanged(borough: Rows) -> None:
    rng = random.Random(0)
    for n in rng.sample(borough[0], 1500):
        assert node_row(n.label, n.id, n.properties) == n
    for x in rng.sample(borough[1], 6000):
        assert link_row(x.type, x.id, x.source, x.target, x.properties) == x


@pytest.mark.parametrize("scale", ["small", "borough"])
def test_links_join_existing_nodes_of_allowed_labels(
    scale: str, small: Rows, borough: Rows
) -> None:
    rows = small if scale == "small" else borough
    labels = {n.id: n.label for n in rows[0]}
    for x in rows[1]:
        sources, targets = LINK_ENDPOINTS[x.type]
        assert labels[x.source] in sources, x
        assert labels[x.target] in targets, x


def test_every_link_carries_provenance(small: Rows) -> None:
    for x in small[1]:
        for key in ("reported_at", "reporting_agency", "basis", "source_note", "observed_from"):
            assert key in x.properties, (x.id, key)
        assert x.properties["reported_at"] >= x.properties["observed_from"]
    bases = [x.properties["basis"] for x in small[1]]
    assert 0.15 < bases.count("opinion") / len(bases) < 0.35
    ungraded = sum("grading" not in x.properties for x in small[1]) / len(small[1])
    assert 0.05 < ungraded < 0.25


def test_events_fall_in_the_18_months_before_today(small: Rows) -> None:
    start = (DEFAULT_TODAY - datetime.timedelta(days=549)).isoformat()
    incidents = [n for n in small[0] if n.label == NodeLabel.INCIDENT]
    assert incidents
    for n in incidents:
        assert start <= n.properties["occurred_at"][:10] < DEFAULT_TODAY.isoformat()
    seen = [x for x in small[1] if x.type == LinkType.SEEN_AT]
    assert all(start <= x.properties["observed_from"] < DEFAULT_TODAY.isoformat() for x in seen)


def test_today_moves_the_dates() -> None:
    nodes, _ = generate("small", seed=7, today=datetime.date(2025, 6, 30))
    dates = [n.properties["occurred_at"][:10] for n in nodes if n.label == NodeLabel.INCIDENT]
    assert max(dates) < "2025-06-30"


def test_places_lie_around_kingston_and_richmond(small: Rows) -> None:
    south, north, west, east = BOUNDS
    located = [n for n in small[0] if n.label == NodeLabel.LOCATION and "latitude" in n.properties]
    assert len(located) > 50
    for n in located:
        assert south <= n.properties["latitude"] <= north
        assert west <= n.properties["longitude"] <= east


def test_indicators_are_keys_of_the_reference_checklist(small: Rows) -> None:
    keys = {i.key for i in INDICATORS}
    assert {k for ks in CATEGORY_INDICATORS.values() for k in ks} <= keys
    used = {k for n in small[0] if n.label == NodeLabel.CHILD for k in n.properties["indicators"]}
    assert used and used <= keys


@pytest.mark.parametrize("scale", ["small", "borough"])
def test_planted_cases_are_present(scale: str, small: Rows, borough: Rows) -> None:
    rows = small if scale == "small" else borough
    nodes, links = rows
    by_id = _nodes(rows)
    out: dict[str, list[LinkRow]] = defaultdict(list)
    for x in links:
        out[x.source].append(x)

    trap = by_id["LOC-00001"].properties
    assert trap["location_type"] == "trap_house" and "CLOSURE_NOTICE" in trap["disruption_measures"]

    dean = by_id["P-00001"].properties
    assert (dean["forename"], dean["family_name"], dean["aliases"]) == ("Dean", "Miles", ["Deano"])
    used = [by_id[x.target].properties for x in out["P-00001"] if x.type == LinkType.USES]
    assert any(p["object_type"] == "vehicle" for p in used)

    jayden, jaydon = by_id["C-00001"].properties, by_id["C-00002"].properties
    assert (jayden["forename"], jayden["family_name"]) == ("Jayden", "Smith")
    assert (jaydon["forename"], jaydon["family_name"], jaydon["aliases"]) == (
        "Jaydon",
        "Smyth",
        ["JJ"],
    )
    assert jayden["date_of_birth"] == jaydon["date_of_birth"]
    for a, b in (
        ("C-00003", "C-00004"),
        ("C-00005", "C-00006"),
        ("C-00007", "C-00008"),
        ("P-00004", "P-00005"),
    ):
        assert by_id[a].properties["date_of_birth"] == by_id[b].properties["date_of_birth"]

    assert {"MARVE", "Prevent"} <= set(by_id["C-00010"].properties["panels"])
    assert by_id["C-00009"].properties["harmful_to_others"] is True
    assert any(x.type == LinkType.CONCERN_FOR for x in out["C-00009"])

    line = by_id["G-0001"].properties
    assert line["group_type"] == "county_line"
    line_phones = [by_id[x.target].properties for x in out["G-0001"] if x.type == LinkType.USES]
    assert line_phones and all(p["object_type"] == "phone" for p in line_phones)
    assert any("deal line" in p.get("notes", "") for p in line_phones)
    members = [x.source for x in links if x.type == LinkType.MEMBER_OF and x.target == "G-0001"]
    assert "P-00001" in members and any(m.startswith("C-") for m in members)


def test_the_fast_food_outlet_shows_unlinked_children_within_a_week(small: Rows) -> None:
    nodes, links = small
    linked = {frozenset((x.source, x.target)) for x in links if x.type == LinkType.ASSOCIATES_WITH}
    seen = [
        (x.source, datetime.date.fromisoformat(x.properties["observed_from"]))
        for x in links
        if x.type == LinkType.SEEN_AT and x.target == "LOC-00002" and x.source.startswith("C-")
    ]
    pairs = [
        (a, b)
        for i, (a, da) in enumerate(seen)
        for b, db in seen[i + 1 :]
        if a != b and abs((da - db).days) <= 7 and frozenset((a, b)) not in linked
    ]
    assert len(pairs) >= 3


def test_children_cover_the_ratings_panels_and_care_statuses(small: Rows) -> None:
    children = [n.properties for n in small[0] if n.label == NodeLabel.CHILD]
    levels = [level for c in children for level in c["rag"].values()]
    assert "high" in levels and levels.count("low") + levels.count("medium") > levels.count("high")
    assert sum(len(c["panels"]) > 1 for c in children) >= 2
    statuses = {c["care_status"] for c in children}
    assert {"placed_in_area_by_other_authority", "care_leaver", "looked_after"} <= statuses
    ages = [
        (DEFAULT_TODAY - datetime.date.fromisoformat(c["date_of_birth"])).days // 365
        for c in children
    ]
    assert min(ages) >= 10 and max(ages) <= 25 and any(a >= 18 for a in ages)
    assert len({c["ethnicity"] for c in children}) >= 6


def test_gangs_reach_children_not_rated_high(small: Rows) -> None:
    nodes, links = small
    by_id = _nodes(small)
    gangs = {
        n.id
        for n in nodes
        if n.label == NodeLabel.GROUP and n.properties["group_type"] == "street_gang"
    }
    gang_kids = {
        x.source
        for x in links
        if x.type == LinkType.MEMBER_OF and x.target in gangs and x.source.startswith("C-")
    }
    assert gang_kids
    near = {
        other
        for x in links
        if x.type == LinkType.ASSOCIATES_WITH and (x.source in gang_kids or x.target in gang_kids)
        for other in (x.source, x.target)
        if other not in gang_kids and other.startswith("C-")
    }
    assert any("high" not in by_id[c].properties["rag"].values() for c in near)


def test_incidents_record_who_and_where(small: Rows) -> None:
    nodes, links = small
    missing = [
        n
        for n in nodes
        if n.label == NodeLabel.INCIDENT and n.properties["incident_type"] == "missing"
    ]
    assert missing and all("where_found" in n.properties for n in missing)
    roles = {x.properties["role"] for x in links if x.type == LinkType.INVOLVED_IN}
    assert {"victim", "suspect", "missing_person"} <= roles
    assert any(x.type == LinkType.OCCURRED_AT for x in links)
    assert any(x.type == LinkType.PROTECTIVE_FOR for x in links)


def test_demo_loads_into_sqlite_and_reloading_creates_nothing(small: Rows, tmp_path: Path) -> None:
    nodes, links = small
    store = SqliteStore(tmp_path / "x.db")
    store.init()
    first = store.write(nodes, links, actor="demo")
    assert (first.nodes.created, first.links.created) == (len(nodes), len(links))
    again = store.write(*generate("small", seed=7), actor="demo")
    assert (again.nodes.created, again.links.created) == (0, 0)
    assert (again.nodes.updated, again.links.updated) == (0, 0)
    counts = store.counts()
    assert counts[NodeLabel.CHILD] == sum(n.label == NodeLabel.CHILD for n in nodes)
    store.close()


def test_scales_grow_in_order() -> None:
    assert SCALES["small"].children < SCALES["borough"].children < SCALES["county"].children
