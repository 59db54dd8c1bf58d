"""The `analyse` report (CONTRACTS §5): every measure run once over one read of the store.

Analytics suggest, people decide: the report carries a reason with every item and sets no
rating. The same store always gives byte-identical JSON.
"""

from __future__ import annotations

from graphdb.base import GraphStore
from mapping.analytics.association import at_risk_by_association
from mapping.analytics.brokers import brokers, sample_size
from mapping.analytics.build import (
    AnalysisData,
    Filters,
    person_network,
    place_graph,
    reach_network,
    read_store,
)
from mapping.analytics.colocation import WINDOW_DAYS, co_locations
from mapping.analytics.communities import partition, peer_groups
from mapping.analytics.duplicates import person_keys, possible_duplicates
from mapping.analytics.hotspots import hotspots
from mapping.analytics.panels import common_children
from schemas.analysis import AnalysisReport, GraphSummary
from schemas.enums import NodeLabel

TOP = 20


def analyse(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    top: int = TOP,
    window_days: int = WINDOW_DAYS,
    facts_only: bool = False,
    min_grading: str | None = None,
) -> AnalysisReport:
    """Run every §5 analytic on the whole store.

    Args:
        store: any GraphStore; it is read once.
        since: ignore links observed only before this ISO date (and incidents before it).
        until: ignore links observed only after this date; recency is measured back from it.
        top: keep this many items per list (best first).
        window_days: co-location window in days.
        facts_only: ignore links whose basis is not ``fact``.
        min_grading: ignore links graded below ``S-I`` (e.g. ``"2-B"``) and ungraded links.

    Raises:
        ValueError: for a malformed date, grading, `top` or `window_days` (the message names it).

    Example:
        >>> from graphdb.sqlite import SqliteStore
        >>> store = SqliteStore(":memory:"); store.init()
        >>> sorted(analyse(store).model_dump(mode="json"))[:3]
        ['at_risk_by_association', 'brokers', 'co_location']
    """
    if top < 0:
        raise ValueError("top: must be 0 or more")
    if window_days < 0:
        raise ValueError("window_days: must be 0 or more")
    filters = Filters(since=since, until=until, facts_only=facts_only, min_grading=min_grading)
    return analyse_data(read_store(store, filters), top=top, window_days=window_days)


def analyse_data(
    data: AnalysisData, *, top: int = TOP, window_days: int = WINDOW_DAYS
) -> AnalysisReport:
    """The §5 report for an already-read snapshot (see `build.read_store`)."""
    G = person_network(data)
    part = partition(G)
    B = place_graph(data)
    rules = data.filters
    summary = GraphSummary(
        nodes=len(data.nodes),
        links=len(data.links),
        since=rules.since,
        until=rules.until,
        persons=G.number_of_nodes(),
        person_links=G.number_of_edges(),
        as_of=data.as_of,
        window_days=window_days,
        facts_only=rules.facts_only,
        min_grading=rules.min_grading,
        modularity=round(part.modularity, 6),
        approximate_betweenness=sample_size(G) is not None,
    )
    return AnalysisReport(
        graph=summary,
        brokers=brokers(G, top=top, groups=part.membership()),
        peer_groups=peer_groups(G, top=top, found=part),
        hotspots=hotspots(B, as_of=data.as_of, top=top),
        co_location=co_locations(B, recorded=data.recorded_pairs, window_days=window_days, top=top),
        at_risk_by_association=at_risk_by_association(reach_network(data, G), top=top),
        possible_duplicates=possible_duplicates(person_keys(data.nodes.values()), top=top),
        common_children=common_children(data.of_label(NodeLabel.CHILD), top=top),
    )


def summary_text(report: AnalysisReport) -> str:
    """A readable summary of a report, one section per measure, each item with its reason.

    Example:
        >>> print(summary_text(AnalysisReport(graph=GraphSummary(nodes=0, links=0))).splitlines()[0])
        ContextMap analysis: 0 nodes, 0 links (all dates)
    """
    g = report.graph
    window = f"{g.since or 'start'} to {g.until or 'end'}" if g.since or g.until else "all dates"
    lines = [
        f"ContextMap analysis: {g.nodes} nodes, {g.links} links ({window})",
        f"People: {g.persons}, person-to-person links: {g.person_links}; recency as of "
        f"{g.as_of or 'n/a'}; peer-group modularity {g.modularity:.3f}",
        "Analytics suggest, people decide: association is not guilt; children are victims first.",
    ]
    if g.approximate_betweenness:
        lines.append("Broker scores are estimated from a seeded sample (large network).")

    def section(title: str, items: list[str]) -> None:
        lines.append("")
        lines.append(f"{title} ({len(items)})")
        lines.extend(items or ["  (none)"])

    section(
        "Brokers",
        [
            f"  {b.id} {b.name} [{b.label}] betweenness {b.betweenness:.3f}, degree {b.degree}: {b.why}"
            for b in report.brokers
        ],
    )
    section(
        "Peer groups", [f"  group {p.group}: {p.size} people — {p.why}" for p in report.peer_groups]
    )
    section(
        "Hotspots", [f"  {h.id} {h.name} score {h.score:.2f}: {h.why}" for h in report.hotspots]
    )
    section(
        "Seen together, no recorded link",
        [f"  {c.a} + {c.b} at {c.location}: {c.why}" for c in report.co_location],
    )
    section(
        "At risk by association",
        [
            f"  {r.id} ({r.hops} hop{'s' if r.hops > 1 else ''}, score {r.score:.2f}) via {' - '.join(r.via)}: {r.why}"
            for r in report.at_risk_by_association
        ],
    )
    section(
        "Possible duplicates",
        [f"  {d.a} / {d.b} ({d.similarity:.0%}): {d.why}" for d in report.possible_duplicates],
    )
    section(
        "Children on more than one panel",
        [f"  {c.id}: {', '.join(c.panels)}" for c in report.common_children],
    )
    return "\n".join(lines) + "\n"
