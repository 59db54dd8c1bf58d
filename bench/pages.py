"""Server time of the two heaviest pages' service calls, as an analyst, on both stores.

Places / People of Concern (`agenda.places_people_of_concern`) is compared with the store read
it starts with, on a first visit after a change (the analytics' snapshot cache emptied, as any
write does) and on a repeat visit (snapshot cached). The explorer's 2-hop `explore.ego_view`
(large view confirmed, as after the user's "show all") is compared with the raw
`store.neighbourhood` read. Services still being written are reported as not available rather
than failing the run.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from bench.context import Bench, Neo4jMissing, empty_snapshot_cache
from bench.measure import Row, interleaved, megabytes, peak_memory, seconds, times, unavailable
from graphdb.base import GraphStore
from mapping.analytics.build import read_store
from mapping.services.access import User
from schemas.enums import Purpose, Role

BUDGET = 1.0
HOPS = 2


def service(module: str, name: str) -> Callable[..., object] | str:
    """The service function, or why it cannot be used yet."""
    try:
        found = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        return f"{module}.{name} missing ({type(exc).__name__})"
    return found  # type: ignore[no-any-return]


def analyst() -> User:
    return User(username="bench", role=Role.ANALYST, display_name="Benchmark")


def _row(
    title: str,
    call: Callable[[], object],
    baseline: Callable[[], object],
    what: str,
    repeat: int,
    setup: Callable[[], object] | None = None,
) -> Row:
    try:
        call()
    except Exception as exc:  # a service in progress: say why, keep the run going
        return unavailable(title, f"{type(exc).__name__}: {str(exc)[:80]}")
    peak = peak_memory(call, setup=setup)
    ours, base = interleaved([call, baseline], repeat=repeat, setup=setup)
    return Row(
        title,
        ours.spread(),
        f"{what}: {seconds(base.median)}",
        times(ours.median / base.median),
        f"≤ {BUDGET:g} s",
        ours.median <= BUDGET,
        megabytes(peak),
    )


def _store_rows(bench: Bench, name: str, store: GraphStore, person: str) -> list[Row]:
    user = analyst()
    rows = []
    agenda = service("mapping.services.agenda", "places_people_of_concern")
    for visit, setup in (
        ("first visit after a change", empty_snapshot_cache),
        ("repeat visit, cached snapshot", None),
    ):
        title = f"Page: Places / People of Concern, {bench.main_scale}, {name}, {visit}"
        if isinstance(agenda, str):
            rows.append(unavailable(title, agenda))
            continue
        rows.append(
            _row(
                title,
                lambda: agenda(store, user),
                lambda: read_store(store),
                "`read_store` alone",
                bench.repeat,
                setup,
            )
        )
    ego_view = service("mapping.services.explore", "ego_view")
    title = f"Page: explorer `ego_view`, {HOPS} hops around {person}, {name}"
    if isinstance(ego_view, str):
        rows.append(unavailable(title, ego_view))
    else:
        rows.append(
            _row(
                title,
                lambda: ego_view(
                    store,
                    user,
                    person,
                    hops=HOPS,
                    purpose=Purpose.PANEL_OVERSIGHT,
                    confirm_large=True,
                ),
                lambda: store.neighbourhood(person, hops=HOPS),
                "raw `neighbourhood`",
                bench.repeat,
            )
        )
    return rows


def measure(bench: Bench) -> list[Row]:
    scale = bench.main_scale
    person = bench.busiest_person(scale)
    rows = _store_rows(bench, "embedded", bench.embedded(scale), person)
    try:
        server = bench.neo4j_loaded(scale)
    except Neo4jMissing as exc:
        return [*rows, unavailable("Pages on Neo4j", str(exc))]
    return rows + _store_rows(bench, "Neo4j", server, person)
