"""The network HTML builder and the hotspot map: self-contained, escaped, physics off, legend shown.

The view drawn (every name invented)::

    C-1 <img …> (focus, peer group 1) --fact 2-B-P-- C-2 Ben (group 1)
      |                                                  .
      +--opinion-- P-1 "href" man (group 2) ..ungraded.. LOC-1 http://evil.example/x
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from mapping.services.agenda_model import MapPoint
from mapping.services.views import ViewLink, ViewNode
from pages._graphview import legend_markdown, render_network_html
from pages._hotspotmap import NO_BASEMAP, hotspot_deck

HOSTILE = "<img src=x onerror=alert(1)>"
LINK_TITLE = '<a href="javascript:alert(2)">click</a>'
NODES = [
    ViewNode("C-1", "Child", HOSTILE, rag="high", peer_group=1, betweenness=0.6, focus=True),
    ViewNode("C-2", "Child", "Ben", rag="low", peer_group=1, betweenness=0.0),
    ViewNode("P-1", "PersonOfConcern", "Dean", peer_group=2, betweenness=0.2, detail=LINK_TITLE),
    ViewNode("LOC-1", "Location", "http://evil.example/x", detail="see https://cdn.example/a.js"),
]
LINKS = [
    ViewLink("L-1", "C-1", "C-2", "ASSOCIATES_WITH", "fact", basis="fact", grading="2-B-P"),
    ViewLink("L-2", "C-1", "P-1", "CONCERN_FOR", "opinion", basis="opinion"),
    ViewLink("L-3", "P-1", "LOC-1", "SEEN_AT", "ungraded", basis="fact"),
]


class Tags(HTMLParser):
    """Every start tag and its attributes (script and style bodies are text, not tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def page() -> str:
    return render_network_html(NODES, LINKS, height=500, note="This view contains opinion.")


def _data(page: str, name: str) -> list[dict[str, object]]:
    found = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page)
    assert found, f"no {name} data set in the page"
    return list(json.loads(found.group(1)))


def test_map_html_names_no_external_url(page: str) -> None:
    lowered = page.lower()
    for needle in ("http://", "https://", "//cdn", "node_modules", "sourcemappingurl"):
        assert needle not in lowered, needle


def test_every_src_and_href_in_the_map_is_inline_or_a_data_uri(page: str) -> None:
    parser = Tags()
    parser.feed(page)
    refs = [
        (tag, attrs[key]) for tag, attrs in parser.tags for key in ("src", "href") if key in attrs
    ]
    assert all(str(value).startswith(("data:", "#")) for _, value in refs), refs
    assert not [t for t, _ in parser.tags if t in ("link", "img", "a", "iframe")]
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts and all("src" not in attrs for attrs in scripts)


def test_a_content_security_policy_forbids_every_fetch(page: str) -> None:
    parser = Tags()
    parser.feed(page)
    policy = [a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv")]
    assert policy and "default-src 'none'" in str(policy[0])


def test_hostile_names_and_href_titles_appear_only_escaped(page: str) -> None:
    assert HOSTILE not in page and "<a href" not in page
    assert "popup.innerHTML" not in page, "pyvis's HTML-tooltip mode must never be switched on"
    nodes = {str(n["id"]): n for n in _data(page, "nodes")}
    assert nodes["C-1"]["label"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert nodes["P-1"]["title"] == '&lt;a href="javascript:alert(2)"&gt;click&lt;/a&gt;'
    assert nodes["LOC-1"]["label"] == "evil.example/x"


def test_physics_is_off_and_every_node_has_a_server_side_position(page: str) -> None:
    options = re.search(r"var options = (\{.*?\});\n", page, flags=re.S)
    assert options and json.loads(options.group(1))["physics"]["enabled"] is False
    nodes = _data(page, "nodes")
    assert len({(n["x"], n["y"]) for n in nodes}) == len(NODES)


def test_fact_links_are_solid_and_opinion_or_ungraded_links_dashed(page: str) -> None:
    edges = {str(e["id"]): e["dashes"] for e in _data(page, "edges")}
    assert edges == {"L-1": False, "L-2": True, "L-3": True}


def test_size_follows_betweenness_and_colour_follows_the_choice(page: str) -> None:
    nodes = {str(n["id"]): n for n in _data(page, "nodes")}
    assert float(nodes["C-1"]["size"]) > float(nodes["P-1"]["size"]) > float(nodes["C-2"]["size"])  # type: ignore[arg-type]
    by_rag = render_network_html(NODES, LINKS, colour_by="rag")
    rag_colours = {str(n["id"]): n["color"] for n in _data(by_rag, "nodes")}
    assert rag_colours["C-1"] != rag_colours["C-2"]
    group_colours = {str(n["id"]): n["color"] for n in _data(page, "nodes")}
    assert group_colours["C-2"]["background"] == group_colours["C-1"]["background"]  # type: ignore[index]


def test_a_legend_is_in_the_page_and_under_the_map(page: str) -> None:
    assert "Legend" in page and "peer group 1 (2 people)" in page
    assert "dashed line: opinion or ungraded" in page and "This view contains opinion." in page
    text = legend_markdown(NODES, "rag")
    assert "RAG high" in text and "person of concern" in text and "dashed" in text


def test_the_hotspot_map_asks_no_map_server_for_tiles() -> None:
    points = [MapPoint("LOC-1", "Chicken <b>Shop</b>", 51.41, -0.30, 4.0, "Location", "why")]
    spec = json.loads(hotspot_deck(points).to_json())
    assert spec["mapStyle"] == NO_BASEMAP and "mapProvider" not in spec
    scatter = next(x for x in spec["layers"] if x["@@type"] == "ScatterplotLayer")
    assert scatter["radiusUnits"] == "pixels", "a literal, not a pydeck expression"
    assert "http" not in json.dumps(spec)
    assert {layer["@@type"] for layer in spec["layers"]} >= {"ScatterplotLayer"}
    tiled = json.loads(hotspot_deck(points, "https://tiles.example/{z}/{x}/{y}.png").to_json())
    assert tiled["mapStyle"].startswith("data:application/json,")
