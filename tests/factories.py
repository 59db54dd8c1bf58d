"""Named synthetic networks, each with an ASCII sketch and answers worked out by hand.

Every factory returns ``(nodes, links)`` built with `schemas.interchange.node_row` /
`link_row`, ready for ``store.write(nodes, links, actor="test")``. All names are invented.
"""

from __future__ import annotations

from typing import Any

from schemas.enums import LinkType, NodeLabel
from schemas.interchange import link_row, node_row
from schemas.records import LinkRow, NodeRow

Network = tuple[list[NodeRow], list[LinkRow]]

FACT = {"basis": "fact", "grading": "1-A-P", "reporting_agency": "Police"}


def child(node_id: str, name: str, **props: Any) -> NodeRow:
    forename, _, family = name.partition(" ")
    return node_row(
        NodeLabel.CHILD, node_id, {"forename": forename, "family_name": family or None, **props}
    )


def poc(node_id: str, name: str, **props: Any) -> NodeRow:
    forename, _, family = name.partition(" ")
    return node_row(
        NodeLabel.PERSON_OF_CONCERN,
        node_id,
        {"forename": forename, "family_name": family or None, **props},
    )


def place(node_id: str, name: str, location_type: str = "other", **props: Any) -> NodeRow:
    return node_row(
        NodeLabel.LOCATION, node_id, {"name": name, "location_type": location_type, **props}
    )


def group(node_id: str, name: str, group_type: str) -> NodeRow:
    return node_row(NodeLabel.GROUP, node_id, {"name": name, "group_type": group_type})


def incident(node_id: str, kind: str, day: str, severity: int = 1) -> NodeRow:
    return node_row(
        NodeLabel.INCIDENT,
        node_id,
        {"incident_type": kind, "occurred_at": day, "severity": severity},
    )


def link(link_type: LinkType, source: str, target: str, **props: Any) -> LinkRow:
    return link_row(link_type, None, source, target, {**FACT, **props})


def friends(a: str, b: str, **props: Any) -> LinkRow:
    return link(LinkType.ASSOCIATES_WITH, a, b, kind="friend", **props)


def broker_between_peer_groups() -> Network:
    """Two tight peer groups joined only through one child, C-BR.

    ```
        C-A2   C-A3                   C-B2   C-B3
          \\ \\ / /                     \\ \\ / /
           C-A1 -- C-A4 (all 4 A's   C-B1 -- C-B4 (all 4 B's linked)
             \\                        /
              \\------- C-BR ---------/
    ```
    Worked by hand (9 people, 28 pairs not involving a given node):
    - C-BR lies on all 16 A-B shortest paths: betweenness 16/28 = 0.571429, degree 2.
    - C-A1 lies on the 3 x 5 paths from A2-A4 to C-BR and the B's: 15/28 = 0.535714,
      degree 4; C-B1 ties with it and ranks after it by id.
    - Louvain finds two groups, one holding A1-A4 and one holding B1-B4 (C-BR joins one).
      The A's are rated CCE medium/high (categories {"CCE": 4}), the B's CSE medium.
    """
    a = [
        child(f"C-A{i}", f"Alex{i} Ash", rag={"CCE": "high" if i == 1 else "medium"})
        for i in range(1, 5)
    ]
    b = [child(f"C-B{i}", f"Blake{i} Birch", rag={"CSE": "medium"}) for i in range(1, 5)]
    nodes = [*a, *b, child("C-BR", "Robin Bridge")]
    links = [friends(f"C-A{i}", f"C-A{j}") for i in range(1, 5) for j in range(i + 1, 5)]
    links += [friends(f"C-B{i}", f"C-B{j}") for i in range(1, 5) for j in range(i + 1, 5)]
    links += [friends("C-A1", "C-BR"), friends("C-BR", "C-B1")]
    return nodes, links


def fast_food_co_location() -> Network:
    """Two unlinked children seen at the same fast-food outlet three days apart.

    ```
        C-1 --seen 2026-03-01--\\                     /--seen 2026-03-10-- C-3
        C-2 --seen 2026-03-04---> L-1 Chicken Shack   L-2 Riverside Park
        C-4 --seen 2026-03-02--/   ^    (fast food)
         |  (friend of C-1 and C-2) |
        C-3 --victim--> I-1 assault, 2026-03-04, severity 4 --OCCURRED_AT--/
        C-3 --seen 2026-03-20--> L-1
    ```
    Worked by hand (window 7 days):
    - co_location: only C-1 + C-2 at L-1, times 1, first 2026-03-01, last 2026-03-04
      (C-4's pairs are recorded links; C-3 came 16+ days later). With a 2-day window: none.
    - hotspots (as of 2026-03-20, the latest date): L-1 has 4 children (C-1 rated high CCE
      +1, C-2 medium +0.5) and the assault 16 days earlier, 4/5 x 0.5^(16/90) = 0.707251:
      score 4 + 1 + 0.5 + 0.707251 = 6.207251. L-2: one child, score 1.0.
    """
    nodes = [
        child("C-1", "Ava Stone", rag={"CCE": "high"}),
        child("C-2", "Ben Stone", rag={"CCE": "medium"}),
        child("C-3", "Cal Reed"),
        child("C-4", "Dan Moss"),
        place("L-1", "Chicken Shack", "fast_food"),
        place("L-2", "Riverside Park", "park"),
        incident("I-1", "assault", "2026-03-04", severity=4),
    ]
    links = [
        link(LinkType.SEEN_AT, "C-1", "L-1", observed_from="2026-03-01"),
        link(LinkType.SEEN_AT, "C-2", "L-1", observed_from="2026-03-04"),
        link(LinkType.SEEN_AT, "C-4", "L-1", observed_from="2026-03-02"),
        link(LinkType.SEEN_AT, "C-3", "L-1", observed_from="2026-03-20"),
        link(LinkType.SEEN_AT, "C-3", "L-2", observed_from="2026-03-10"),
        friends("C-4", "C-1"),
        friends("C-2", "C-4"),
        link(LinkType.INVOLVED_IN, "C-3", "I-1", role="victim"),
        link(LinkType.OCCURRED_AT, "I-1", "L-1"),
    ]
    return nodes, links


def county_line_two_hops() -> Network:
    """A child two hops from a county-line person of concern; a high-RAG child left out.

    ```
        G-1 Eastside Line (county_line)
         ^MEMBER_OF      ^MEMBER_OF
         |               |
        P-1 (POC) ------ C-4   (co-members: 1 hop)
         |  \\
         |   CONCERN_FOR
         |      \\
        C-5      C-1 ---- C-2 ---- C-3
      (high CCE)
    ```
    Worked by hand (sources: P-1 and G-1; score = sum of 1/distance):
    - C-4: P-1 at 1, G-1 at 1 -> score 2.0, via [C-4, G-1] (G-1 sorts before P-1).
    - C-1: P-1 at 1, G-1 at 2 -> score 1.5, via [C-1, P-1].
    - C-2: P-1 at 2 -> score 0.5, via [C-2, C-1, P-1].
    - C-3 is 3 hops away; C-5 is rated high, so neither is listed.
    """
    nodes = [
        poc("P-1", "Dean Miles"),
        group("G-1", "Eastside Line", "county_line"),
        child("C-1", "Eve North"),
        child("C-2", "Finn North", rag={"CCE": "medium"}),
        child("C-3", "Gus Lane"),
        child("C-4", "Hal West"),
        child("C-5", "Ivy Cole", rag={"CCE": "high", "CSE": "low"}),
    ]
    links = [
        link(LinkType.MEMBER_OF, "P-1", "G-1"),
        link(LinkType.MEMBER_OF, "C-4", "G-1"),
        link(LinkType.CONCERN_FOR, "P-1", "C-1", kind="county_lines"),
        friends("C-1", "C-2"),
        friends("C-2", "C-3"),
        friends("C-5", "P-1"),
    ]
    return nodes, links


def high_rag_child_next_to_poc() -> Network:
    """Two children linked to the same person of concern; the one rated high is not listed.

    ```
        C-1 (high CSE) ---- P-1 (POC) ---- C-2 (low CSE)
    ```
    Worked by hand: at_risk_by_association = [C-2 (1 hop, score 1.0, via [C-2, P-1])].
    """
    nodes = [
        poc("P-1", "Karl Price"),
        child("C-1", "Lia Hart", rag={"CSE": "high"}),
        child("C-2", "Mo Hart", rag={"CSE": "low"}),
    ]
    links = [
        link(LinkType.CONCERN_FOR, "P-1", "C-1", kind="sexual"),
        link(LinkType.CONCERN_FOR, "P-1", "C-2", kind="sexual"),
    ]
    return nodes, links


def near_duplicate_with_alias() -> Network:
    """Duplicate records: one through an alias, one through a near-identical name.

    ```
        C-1 Jayden Smith   2010-05-01                  panels MARVE, Prevent
        C-2 Jaydon Smyth   2010-05-01  alias "Jayden Smith"
        C-3 Jayden Smith   2011-01-01  (a different boy: dates of birth differ)
        C-4 Mia Clarke     2009-02-02                  panels MARVE, Prevent, CME
        C-5 Mia Clark      2009-02-02
        P-1 Tom Reed       (no date of birth)
        P-2 Tom Read       (no date of birth)
    ```
    Worked by hand:
    - C-1/C-2: alias match and same date of birth, similarity 1.0.
    - C-4/C-5: token-sort ratio of "mia clarke" / "mia clark" = 2 x 9 / 19 = 0.947368,
      same date of birth.
    - C-1/C-3 and C-2/C-3: dates of birth differ, never suggested. P-1/P-2: 2 x 7 / 16 =
      0.875, below the 0.92 needed without a date of birth.
    - common_children: C-4 (3 panels), then C-1 (2 panels).
    """
    nodes = [
        child("C-1", "Jayden Smith", date_of_birth="2010-05-01", panels=["MARVE", "Prevent"]),
        child("C-2", "Jaydon Smyth", date_of_birth="2010-05-01", aliases=["Jayden Smith"]),
        child("C-3", "Jayden Smith", date_of_birth="2011-01-01"),
        child("C-4", "Mia Clarke", date_of_birth="2009-02-02", panels=["CME", "Prevent", "MARVE"]),
        child("C-5", "Mia Clark", date_of_birth="2009-02-02"),
        poc("P-1", "Tom Reed"),
        poc("P-2", "Tom Read"),
    ]
    return nodes, []


def everything() -> Network:
    """All the networks above side by side, ids prefixed per network so none collide."""
    nodes: list[NodeRow] = []
    links: list[LinkRow] = []
    for prefix, factory in (
        ("BR", broker_between_peer_groups),
        ("FF", fast_food_co_location),
        ("CL", county_line_two_hops),
        ("HR", high_rag_child_next_to_poc),
        ("DU", near_duplicate_with_alias),
    ):
        n, ln = factory()
        nodes += [NodeRow(f"{prefix}-{x.id}", x.label, x.properties) for x in n]
        links += [
            LinkRow(
                f"{prefix}-{x.id}",
                x.type,
                f"{prefix}-{x.source}",
                f"{prefix}-{x.target}",
                x.properties,
            )
            for x in ln
        ]
    return nodes, links
