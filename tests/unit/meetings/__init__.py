"""Tests of mapping.meetings, and the small synthetic world they share.

The world (every name invented)::

    C-ASH  Ash Green, girl, CSE high ------ friend (fact, 2-B-P) ------ C-BO  Bo Hale, boy,
       |                                                                CCE medium and harmful
       | SEEN_AT 2026-08-01                                             to others (harmed AND
       v                                                                harmful: victim first)
    LOC-SHOP  Chicken Shop, KT1 2AB  <-- SEEN_AT 2026-08-03 -- C-DEE  Dee Park, girl,
       of concern, review due 2026-09-01                         MISSING medium, MARVE + Prevent
                                                                 (seen with Ash, no link: a
    P-VIC  Vic Stone (POC, CAWN) -- CONCERN_FOR (opinion) --> C-BO   co-location suggestion)
    C-CY   Cy Moss, boy, HSB low, harmful to others only (no harm rating)
"""

from __future__ import annotations

from graphdb.base import GraphStore
from mapping.services.access import User
from schemas.enums import LinkType, NodeLabel, Role
from schemas.interchange import link_row, node_row
from schemas.records import NodeRow

FACILITATOR = User(username="adeyemi", role=Role.FACILITATOR, agency="Children's Social Care")
ADMIN = User(username="support", role=Role.ADMIN, agency="Other", display_name="Sam Support")
PANEL = User(username="shah", role=Role.PANEL_MEMBER, agency="Police")
ANALYST = User(username="hale", role=Role.ANALYST, agency="Police")
REFERRER = User(username="okafor", role=Role.REFERRER, agency="Education")


def child(
    child_id: str, forename: str, gender: str, rag: dict[str, str], **extra: object
) -> NodeRow:
    props = {
        "forename": forename,
        "family_name": "Test",
        "gender": gender,
        "ethnicity": "White British",
        "panel_status": "open_review_at_panel",
        "panels": ["MARVE"],
        "rag": rag,
        **extra,
    }
    return node_row(NodeLabel.CHILD, child_id, props)


def build_world(store: GraphStore) -> None:
    """Write the world above into an initialised, empty store."""
    nodes = [
        child("C-ASH", "Ash", "female", {"CSE": "high"}),
        child("C-BO", "Bo", "male", {"CCE": "medium"}, harmful_to_others=True),
        child("C-CY", "Cy", "male", {"HSB": "low"}, harmful_to_others=True),
        child("C-DEE", "Dee", "female", {"MISSING": "medium"}, panels=["MARVE", "Prevent"]),
        node_row(
            NodeLabel.PERSON_OF_CONCERN,
            "P-VIC",
            {"forename": "Vic", "family_name": "Stone", "disruption_measures": ["CAWN"]},
        ),
        node_row(
            NodeLabel.LOCATION,
            "LOC-SHOP",
            {
                "name": "Chicken Shop",
                "location_type": "fast_food",
                "postcode": "KT1 2AB",
                "borough": "Kingston upon Thames",
                "of_concern": True,
                "review_date": "2026-09-01",
            },
        ),
    ]
    fact = {
        "reported_at": "2026-08-05",
        "reporting_agency": "Police",
        "basis": "fact",
        "grading": "2-B-P",
    }
    links = [
        link_row(LinkType.ASSOCIATES_WITH, "L-ASH-BO", "C-ASH", "C-BO", {**fact, "kind": "friend"}),
        link_row(
            LinkType.SEEN_AT,
            "L-ASH-SHOP",
            "C-ASH",
            "LOC-SHOP",
            {**fact, "observed_from": "2026-08-01"},
        ),
        link_row(
            LinkType.SEEN_AT,
            "L-DEE-SHOP",
            "C-DEE",
            "LOC-SHOP",
            {**fact, "observed_from": "2026-08-03"},
        ),
        link_row(
            LinkType.CONCERN_FOR,
            "L-VIC-BO",
            "P-VIC",
            "C-BO",
            {**fact, "basis": "opinion", "kind": "criminal", "observed_from": "2026-08-02"},
        ),
    ]
    store.write(nodes, links, actor="tests")
