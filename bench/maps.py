"""Map HTML build time and size (`pages/_graphview.render_network_html`) at 300 and 2,000 nodes.

The views are real: the records nearest the busiest person (breadth first, then by id) and
the links among them, passed through `view_graph.build_view` as the explorer does. The
baseline is the naive pyvis page for the same view: `add_node` / `add_edge` in a loop, physics
on, so the browser must settle the layout. Our page is checked to have physics off.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from functools import partial

from bench.context import Bench
from bench.measure import Row, interleaved, megabytes, peak_memory, seconds, times, unavailable
from bench.pages import analyst
from graphdb.base import GraphStore
from mapping.services.view_graph import build_view
from mapping.services.views import NetworkView
from schemas.enums import Purpose
from schemas.records import StoredLink, StoredNode

SIZES = (300, 2000)
BUDGET = {2000: 1.0}
PHYSICS_OFF = re.compile(r'"physics"\s*:\s*\{\s*"enabled"\s*:\s*false')


def nearest(
    store: GraphStore, person: str, size: int
) -> tuple[dict[str, StoredNode], list[StoredLink]]:
    """The `size` records nearest `person` (by hops, then id) and every link among them."""
    order = [person]
    seen = {person}
    frontier = [person]
    while frontier and len(order) < size:
        ends = {e for x in store.links_of(frontier) for e in (x.source, x.target) if e not in seen}
        fresh = sorted(ends)[: size - len(order)]
        order += fresh
        seen.update(fresh)
        frontier = fresh
    nodes = store.get_nodes(order)
    links: list[StoredLink] = [
        x for x in store.links_of(order) if x.source in nodes and x.target in nodes
    ]
    return nodes, links


def naive_pyvis(view: NetworkView) -> str:
    """What a first attempt does: pyvis's API one record at a time, physics left on."""
    from pyvis.network import Network

    net = Network(height="600px", width="100%", cdn_resources="in_line")
    for n in view.nodes:
        net.add_node(n.id, label=n.label, title=n.detail, shape="dot")
    for x in view.links:
        net.add_edge(x.source, x.target, title=x.detail)
    return str(net.generate_html())


def renderer() -> Callable[..., str] | str:
    try:
        module = importlib.import_module("pages._graphview")
        return module.render_network_html  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as exc:
        return f"pages._graphview.render_network_html missing ({type(exc).__name__})"


def measure(bench: Bench) -> list[Row]:
    render = renderer()
    if isinstance(render, str):
        return [unavailable(f"Map HTML, {size:,} nodes", render) for size in SIZES]
    scale = bench.main_scale
    store = bench.embedded(scale)
    person = bench.busiest_person(scale)
    rows = []
    for size in SIZES:
        nodes, links = nearest(store, person, size)
        view = build_view(store, analyst(), Purpose.PANEL_OVERSIGHT, nodes, links, focus_id=person)
        title = f"Map HTML build, {len(view.nodes):,} nodes, {len(view.links):,} links"
        try:
            page = render(view.nodes, view.links)
        except Exception as exc:  # the page module in progress: say why, keep the run going
            rows.append(unavailable(title, f"{type(exc).__name__}: {str(exc)[:80]}"))
            continue
        physics_off = bool(PHYSICS_OFF.search(page))
        draw = partial(render, view.nodes, view.links)
        peak = peak_memory(draw)
        ours, naive = interleaved([draw, partial(naive_pyvis, view)], repeat=bench.repeat)
        budget = BUDGET.get(size)
        met = physics_off and (budget is None or ours.median <= budget)
        rows.append(
            Row(
                title,
                f"{ours.spread()}, {len(page.encode()) / 1024:,.0f} KB, "
                f"physics {'off' if physics_off else '**on**'}",
                f"naive pyvis, physics on: {seconds(naive.median)}, "
                f"{len(naive_pyvis(view).encode()) / 1024:,.0f} KB",
                times(ours.median / naive.median),
                ("physics off" + (f"; ≤ {budget:g} s" if budget else "")),
                met,
                megabytes(peak),
            )
        )
    return rows
