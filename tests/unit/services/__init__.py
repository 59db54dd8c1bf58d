"""Service-layer tests, and the small synthetic world of journeys 1 and 2 they share with tests/ui.

The world (every name invented)::

    Riverside Academy pupils          Hillcrest School pupil
    C-AMIRA  Amira Khan (2011)         C-TYLER  Tyler Brooks (2010)
    C-BELLA  Bella Hart (2011)             ^
                                           | CONCERN_FOR (opinion, 3-C-P)
    P-DEAN  Dean Miles, alias "Deano" ----+
        |
        +-- USES --> OBJ-CAR  vehicle "AB12 CDE"
    P-MARC  Marcus Reid, alias "Mars"
    LOC-CHICKEN  Chicken Palace (fast food, KT1 1AA)

Accounts: one per role (``okafor`` is a referrer at Riverside Academy, ``nurse`` a second
referrer in Health), all with the password ``PASSWORD``.
"""

from __future__ import annotations

from graphdb.base import GraphStore
from mapping.services.access import User
from mapping.services.accounts import add_account
from schemas.enums import LinkType, NodeLabel, Role
from schemas.interchange import link_row, node_row

PASSWORD = "correct horse battery"
SCHOOL = "Riverside Academy"

USERS: dict[str, User] = {
    "referrer": User(username="okafor", role=Role.REFERRER, agency=SCHOOL),
    "panel_member": User(username="shah", role=Role.PANEL_MEMBER, agency="Police"),
    "facilitator": User(username="adeyemi", role=Role.FACILITATOR, agency="Children's Social Care"),
    "analyst": User(username="hale", role=Role.ANALYST, agency="Police"),
    "admin": User(username="support", role=Role.ADMIN, agency="Other"),
    "other_referrer": User(username="nurse", role=Role.REFERRER, agency="Health"),
}


def build_world(store: GraphStore) -> None:
    """Write the journey world above into an initialised, empty store."""
    nodes = [
        node_row(
            NodeLabel.CHILD,
            "C-AMIRA",
            {
                "forename": "Amira",
                "family_name": "Khan",
                "date_of_birth": "2011-02-03",
                "gender": "female",
                "school": SCHOOL,
            },
        ),
        node_row(
            NodeLabel.CHILD,
            "C-BELLA",
            {
                "forename": "Bella",
                "family_name": "Hart",
                "date_of_birth": "2011-06-09",
                "gender": "female",
                "school": SCHOOL,
            },
        ),
        node_row(
            NodeLabel.CHILD,
            "C-TYLER",
            {
                "forename": "Tyler",
                "family_name": "Brooks",
                "date_of_birth": "2010-09-12",
                "gender": "male",
                "school": "Hillcrest School",
            },
        ),
        node_row(
            NodeLabel.PERSON_OF_CONCERN,
            "P-DEAN",
            {
                "forename": "Dean",
                "family_name": "Miles",
                "aliases": ["Deano"],
                "date_of_birth": "2001-05-05",
            },
        ),
        node_row(
            NodeLabel.PERSON_OF_CONCERN,
            "P-MARC",
            {"forename": "Marcus", "family_name": "Reid", "aliases": ["Mars"]},
        ),
        node_row(NodeLabel.OBJECT, "OBJ-CAR", {"object_type": "vehicle", "value": "AB12 CDE"}),
        node_row(
            NodeLabel.LOCATION,
            "LOC-CHICKEN",
            {"name": "Chicken Palace", "location_type": "fast_food", "postcode": "KT1 1AA"},
        ),
    ]
    prov = {"reported_at": "2026-10-01", "reporting_agency": "Police", "basis": "fact"}
    links = [
        link_row(LinkType.USES, "L-DEAN-CAR", "P-DEAN", "OBJ-CAR", prov),
        link_row(
            LinkType.CONCERN_FOR,
            "L-DEAN-TYLER",
            "P-DEAN",
            "C-TYLER",
            {**prov, "basis": "opinion", "grading": "3-C-P", "kind": "criminal"},
        ),
    ]
    store.write(nodes, links, actor="tests")


def add_accounts(store: GraphStore) -> None:
    """One account per entry of USERS, all with PASSWORD."""
    for user in USERS.values():
        add_account(store, user.username, PASSWORD, user.role, agency=user.agency, actor="tests")
