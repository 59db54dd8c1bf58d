"""`analyse` on the embedded store, and (county) sampled betweenness against exact.

The baseline is the one read `analyse` starts with (`read_store`), both cold: the analytics
cache one store snapshot per store revision, so the first run after any write reads the store
and later runs do not; both figures are shown, the target applies to the cold one.
"""

from __future__ import annotations

import networkx as nx

from bench.context import Bench, empty_snapshot_cache
from bench.measure import Row, clock, interleaved, megabytes, peak_memory, seconds, times
from mapping.analytics.betweenness import betweenness
from mapping.analytics.brokers import SEED, sample_size
from mapping.analytics.build import person_network, read_store
from mapping.analytics.report import analyse
from schemas.analysis import AnalysisReport

BOROUGH_BUDGET = 10.0
TOP = 20
AGREEMENT = 0.9


def top_ids(scores: dict[object, float], degree: dict[object, int], top: int = TOP) -> list[str]:
    """The `top` ids by score (to 6 places), then degree, then id — as `brokers` ranks."""
    ranked = sorted(scores, key=lambda n: (-round(scores[n], 6), -degree[n], str(n)))
    return [str(n) for n in ranked[:top]]


def agreement(G: nx.Graph) -> tuple[float, float, float, int]:
    """(top-20 overlap of sampled vs exact betweenness, sampled s, exact s, k): measured once."""
    k = sample_size(G)
    degree = {n: int(d) for n, d in G.degree()}
    found: dict[str, dict[object, float]] = {}
    sampled_time = clock(lambda: found.update(sampled=betweenness(G, k=k, seed=SEED)))
    exact_time = clock(lambda: found.update(exact=betweenness(G)))
    a, b = top_ids(found["sampled"], degree), top_ids(found["exact"], degree)
    return len(set(a) & set(b)) / max(1, len(b)), sampled_time, exact_time, k or len(G)


def _analyse_row(bench: Bench, scale: str, repeat: int, budget: float | None) -> Row:
    """Cold runs (snapshot cache emptied, as after any write) against the cold read; warm too."""
    store = bench.embedded(scale)
    reports: list[AnalysisReport] = []
    peak = peak_memory(lambda: reports.append(analyse(store)), setup=empty_snapshot_cache)
    read, cold = interleaved(
        [lambda: read_store(store), lambda: analyse(store)],
        repeat=repeat,
        setup=empty_snapshot_cache,
    )
    (warm,) = interleaved([lambda: analyse(store)], repeat=repeat)
    g = reports[0].graph
    how = "sampled" if g.approximate_betweenness else "exact"
    return Row(
        f"`analyse`, {scale} ({g.nodes:,} nodes, {g.links:,} links; {g.persons:,} people, "
        f"{how} betweenness), embedded; cold = first run after a write",
        f"cold {cold.spread()}; warm (cached snapshot) {seconds(warm.median)}",
        f"cold `read_store`: {seconds(read.median)}",
        times(cold.median / read.median),
        f"≤ {budget:g} s cold" if budget else "—",
        cold.median <= budget if budget else None,
        megabytes(peak),
    )


def measure(bench: Bench) -> list[Row]:
    scale = bench.main_scale
    budget = BOROUGH_BUDGET if scale == "borough" else None
    rows = [_analyse_row(bench, scale, bench.repeat, budget)]
    if bench.scale == "county":
        rows.append(_analyse_row(bench, "county", bench.heavy_repeat, None))
    return rows


def measure_exact(bench: Bench) -> list[Row]:
    """County sampled betweenness against exact: opt-in, as exact takes tens of minutes."""
    G = person_network(read_store(bench.embedded("county")))
    title = f"Betweenness, county ({G.number_of_nodes():,} people)"
    if sample_size(G) is None:
        return [Row(title, "exact at this size: nothing to compare")]
    share, sampled_time, exact_time, k = agreement(G)
    return [
        Row(
            f"{title}: top-{TOP} agreement of the {k:,}-source sample with exact (measured once)",
            f"{share:.2f} ({round(share * TOP)}/{TOP}); sample {seconds(sampled_time)}",
            f"exact: {seconds(exact_time)}",
            times(exact_time / sampled_time) + " faster",
            f"≥ {AGREEMENT:g}",
            share >= AGREEMENT,
        )
    ]
