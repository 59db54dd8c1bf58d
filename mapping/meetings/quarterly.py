"""The quarterly governance figures for the VCA subgroup, computed from the graph.

Definitions (so that the figures can be checked):

- **Case**: a young person known to the panel (a panel status or any RAG rating) with recorded
  activity in the quarter — a link observed or reported in it, or an incident in it. **New**
  when they had no recorded activity before the quarter, otherwise **returning**.
- **Communities affected**: the borough and postcode district of the places where cases were
  seen, live, were placed or where their incidents happened, in the quarter.
- **Activity against perpetrators**: persons of concern with a link dated in the quarter (by
  status), arrests in the quarter involving a person of concern, and the disruption measures
  recorded on persons, places and groups of concern (in force; measures carry no dates).
- **Attendance**: meetings held in the quarter, and for each agency in how many it was present.
- **Actions**: actions due in the quarter — done by the due date, done late, still open.
- **Disproportionality**: cases by gender and by ethnicity against their highest RAG and
  against each category rated, small numbers suppressed (`suppression.py`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from graphdb.base import GraphStore
from mapping.analytics.report import analyse
from mapping.meetings.actions import completed_at
from mapping.meetings.discussion import classify
from mapping.meetings.quorum import quorum
from mapping.meetings.suppression import SMALL, THRESHOLD, SuppressedTable, cross_table
from schemas.enums import RAG_ORDER, ActionStatus, Agency, Category, LinkType, NodeLabel, Rag
from schemas.links import link_date
from schemas.records import StoredNode
from schemas.reference import DISRUPTION_MEASURES

QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
PLACE_LINKS = frozenset(
    {LinkType.SEEN_AT, LinkType.LIVES_AT, LinkType.PLACED_AT, LinkType.FREQUENTS}
)
RAG_COLUMNS = ["high", "medium", "low", "not rated"]
CATEGORIES = [c.value for c in Category]
ACTION_OUTCOMES = ("due in quarter", "done on time", "done late", "still open", "cancelled")


@dataclass(frozen=True, slots=True)
class Quarter:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        return date.fromordinal(date(self.year, 3 * self.number + 1, 1).toordinal() - 1)

    def holds(self, day: str | None) -> bool:
        return bool(day) and self.start.isoformat() <= str(day)[:10] <= self.end.isoformat()


def parse_quarter(text: str) -> Quarter:
    """`2026Q3` → Quarter(2026, 3); a clear ValueError otherwise.

    >>> parse_quarter("2026Q3").start, parse_quarter("2026Q3").end
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    """
    found = QUARTER.match(text.strip().upper())
    if not found:
        raise ValueError(f"quarter: expected YYYYQn such as 2026Q3, got {text!r}")
    return Quarter(int(found[1]), int(found[2]))


@dataclass(slots=True)
class Governance:
    """The quarter's figures; every table that describes people is already suppressed."""

    quarter: Quarter
    cases: int = 0
    new_cases: int = 0
    returning_cases: int = 0
    by_category: dict[str, int] = field(default_factory=dict)  # category code → young people
    areas: SuppressedTable | None = None
    patterns: list[str] = field(default_factory=list)
    perpetrators: dict[str, int] = field(default_factory=dict)
    arrests: int = 0
    disruptions: list[tuple[str, int]] = field(default_factory=list)
    meetings: int = 0
    quorate: int = 0
    attendance: list[tuple[str, int]] = field(default_factory=list)
    actions: dict[str, int] = field(default_factory=dict)
    disproportionality: list[SuppressedTable] = field(default_factory=list)


def _top_rag(ratings: dict[str, str]) -> str:
    best = max((RAG_ORDER[Rag(v)] for v in ratings.values() if v in RAG_COLUMNS), default=0)
    return {3: "high", 2: "medium", 1: "low", 0: "not rated"}[best]


def governance_figures(store: GraphStore, quarter: Quarter) -> Governance:
    """Compute the quarter's figures (no permission check: `governance.py` checks)."""
    report = Governance(quarter)
    nodes = {n.id: n for n in store.iter_nodes()}
    before: set[str] = set()
    during: set[str] = set()
    places_of: dict[str, set[str]] = defaultdict(set)
    poc_active: set[str] = set()
    incident_people: dict[str, set[str]] = defaultdict(set)
    incident_place: dict[str, str] = {}
    for link in store.iter_links():
        if link.type == LinkType.OCCURRED_AT:
            incident_place[link.source] = link.target
        if link.type == LinkType.INVOLVED_IN:
            incident_people[link.target].add(link.source)
        when = link_date(link.properties)
        if link.type in (LinkType.DISCUSSED_AT, LinkType.ASSIGNED_TO) or not when:
            continue
        for end in (link.source, link.target):
            if when < quarter.start.isoformat():
                before.add(end)
            elif quarter.holds(when):
                during.add(end)
                if link.type in PLACE_LINKS and end == link.source:
                    places_of[end].add(link.target)
        source = nodes.get(link.source)
        if quarter.holds(when) and source and source.label == NodeLabel.PERSON_OF_CONCERN:
            poc_active.add(link.source)
    for incident_id, people in incident_people.items():
        incident = nodes.get(incident_id)
        if incident is None:
            continue
        when = str(incident.properties.get("occurred_at", ""))[:10]
        place = incident_place.get(incident_id)
        for person in people:
            if quarter.holds(when):
                during.add(person)
                if place:
                    places_of[person].add(place)
            elif when and when < quarter.start.isoformat():
                before.add(person)
        if quarter.holds(when) and incident.properties.get("incident_type") == "arrest":
            report.arrests += any(
                nodes[p].label == NodeLabel.PERSON_OF_CONCERN for p in people if p in nodes
            )
    children = [
        n
        for n in nodes.values()
        if n.label == NodeLabel.CHILD
        and not n.properties.get("merged_into")
        and (n.properties.get("panel_status") or n.properties.get("rag"))
        and n.id in during
    ]
    report.cases = len(children)
    report.returning_cases = sum(1 for c in children if c.id in before)
    report.new_cases = report.cases - report.returning_cases
    ratings = {c.id: classify(c).ratings for c in children}
    cat_counts = Counter(cat for r in ratings.values() for cat in r)
    report.by_category = {c: cat_counts.get(c, 0) for c in CATEGORIES}
    _areas(report, nodes, children, places_of)
    _people(report, nodes, poc_active)
    _meetings(report, nodes.values(), quarter)
    _actions(report, store, nodes.values(), quarter)
    _disproportionality(report, children, ratings)
    analysis = analyse(store, since=quarter.start.isoformat(), until=quarter.end.isoformat(), top=5)
    report.patterns = [f"{h.name}: {h.why}" for h in analysis.hotspots[:3]]
    report.patterns += [f"Peer group: {p.why}" for p in analysis.peer_groups[:2] if p.why]
    if analysis.co_location:
        report.patterns.append(
            f"{len(analysis.co_location)}+ pairs of people seen at the same place within days "
            "with no recorded link (for panels to confirm or dismiss)."
        )
    return report


def _areas(
    report: Governance,
    nodes: dict[str, StoredNode],
    children: list[StoredNode],
    places_of: dict[str, set[str]],
) -> None:
    per_area: dict[str, set[str]] = defaultdict(set)
    for child in children:
        for place_id in places_of.get(child.id, ()):
            place = nodes.get(place_id)
            if place is None or place.label != NodeLabel.LOCATION:
                continue
            borough = str(place.properties.get("borough") or "Borough not recorded")
            district = str(place.properties.get("postcode") or "").split(" ")[0] or "no postcode"
            per_area[f"{borough} · {district}"].add(child.id)
    ranked = sorted(per_area.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = [(area, [SMALL if 0 < len(ids) < THRESHOLD else str(len(ids))]) for area, ids in ranked]
    report.areas = SuppressedTable(
        "Communities affected", "Area (borough · postcode district)", ["young people"], rows
    )


def _people(report: Governance, nodes: dict[str, StoredNode], poc_active: set[str]) -> None:
    status = Counter(str(nodes[p].properties.get("status", "suspected")) for p in poc_active)
    report.perpetrators = {k.replace("_", " "): v for k, v in sorted(status.items())}
    measures: Counter[str] = Counter()
    for node in nodes.values():
        if node.label in (NodeLabel.PERSON_OF_CONCERN, NodeLabel.LOCATION, NodeLabel.GROUP):
            measures.update(str(m) for m in node.properties.get("disruption_measures", []))
    names = dict(DISRUPTION_MEASURES)
    report.disruptions = [(names.get(code, code), n) for code, n in measures.most_common()]


def _meetings(report: Governance, nodes: Iterable[StoredNode], quarter: Quarter) -> None:
    held = [
        n
        for n in nodes
        if n.label == NodeLabel.MEETING and quarter.holds(n.properties.get("held_on"))
    ]
    report.meetings = len(held)
    report.quorate = sum(quorum(m.properties.get("attendees", [])).quorate for m in held)
    present = Counter(
        agency
        for m in held
        for agency in {str(a.get("agency")) for a in m.properties.get("attendees", [])}
    )
    report.attendance = [(a.value, present.get(a.value, 0)) for a in Agency]


def _actions(
    report: Governance, store: GraphStore, nodes: Iterable[StoredNode], quarter: Quarter
) -> None:
    tally = dict.fromkeys(ACTION_OUTCOMES, 0)
    for node in nodes:
        if node.label != NodeLabel.ACTION or not quarter.holds(node.properties.get("due_date")):
            continue
        tally["due in quarter"] += 1
        status = node.properties.get("status")
        if status == ActionStatus.CANCELLED.value:
            tally["cancelled"] += 1
        elif status == ActionStatus.DONE.value:
            done = completed_at(store, node)
            due = str(node.properties["due_date"])
            on_time = done is not None and done.date().isoformat() <= due
            tally["done on time" if on_time else "done late"] += 1
        else:
            tally["still open"] += 1
    report.actions = tally


def _disproportionality(
    report: Governance, children: list[StoredNode], ratings: dict[str, dict[str, str]]
) -> None:
    rated = [c for c in CATEGORIES if any(c in r for r in ratings.values())]
    tables = []
    for field_name, title in (("gender", "Gender"), ("ethnicity", "Ethnicity")):
        by_rag: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        by_cat: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for child in children:
            group = str(child.properties.get(field_name) or "Not recorded")
            by_rag[group][_top_rag(ratings[child.id])] += 1
            for cat in ratings[child.id]:
                by_cat[group][cat] += 1
        tables.append(
            cross_table(
                f"Highest RAG by {title.lower()} (young people)", title, by_rag, RAG_COLUMNS
            )
        )
        tables.append(
            cross_table(
                f"Categories rated by {title.lower()} (ratings; a young person may have several)",
                title,
                by_cat,
                rated,
                total="All ratings",
            )
        )
    report.disproportionality = tables
