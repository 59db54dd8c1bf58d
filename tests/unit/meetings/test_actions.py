"""Actions attached to graph elements; overdue ones surface for the agenda and the owner."""

from __future__ import annotations

from datetime import date

import pytest

from graphdb.sqlite import SqliteStore
from mapping.meetings import actions
from mapping.services.access import PermissionDenied
from schemas.enums import ActionStatus, LinkType
from tests.unit.meetings import ADMIN, FACILITATOR, REFERRER


def test_an_action_is_attached_to_a_child_a_place_and_a_link(world: SqliteStore) -> None:
    action_id = actions.create_action(
        world,
        FACILITATOR,
        text="Disrupt the shop",
        owner="DS Hale",
        agency="Police",
        due_date=date(2026, 12, 10),
        review_date=date(2027, 3, 4),
        about=["C-BO", "LOC-SHOP", "L-VIC-BO"],
    )
    assigned = world.links_of([action_id], types=[LinkType.ASSIGNED_TO])
    assert sorted(x.target for x in assigned) == ["C-BO", "C-BO", "LOC-SHOP", "P-VIC"]
    [view] = actions.list_actions(world, FACILITATOR)
    assert view.about == "Bo Test; Chicken Shop; Vic Stone – Bo Test"
    assert [t.link_id for t in view.targets if t.link_id] == ["L-VIC-BO", "L-VIC-BO"]


def test_actions_refuse_bad_input_naming_the_field(world: SqliteStore) -> None:
    with pytest.raises(ValueError, match="about"):
        actions.create_action(world, FACILITATOR, text="x", owner="y", about=[])
    with pytest.raises(ValueError, match="about: no record or link NOPE"):
        actions.create_action(world, FACILITATOR, text="x", owner="y", about=["NOPE"])
    with pytest.raises(ValueError, match="review_date"):
        actions.create_action(
            world,
            FACILITATOR,
            text="x",
            owner="y",
            about=["C-ASH"],
            due_date=date(2026, 12, 10),
            review_date=date(2026, 12, 1),
        )
    with pytest.raises(PermissionDenied):
        actions.create_action(world, REFERRER, text="x", owner="y", about=["C-ASH"])


def test_overdue_actions_surface_for_the_owner(world: SqliteStore) -> None:
    late = actions.create_action(
        world,
        FACILITATOR,
        text="Late",
        owner="support",
        about=["C-ASH"],
        due_date=date(2026, 11, 1),
    )
    actions.create_action(
        world,
        FACILITATOR,
        text="Soon",
        owner="Sam Support",
        about=["C-ASH"],
        due_date=date(2026, 12, 20),
    )
    actions.create_action(
        world,
        FACILITATOR,
        text="Other",
        owner="DS Hale",
        about=["C-ASH"],
        due_date=date(2026, 10, 1),
    )
    today = date(2026, 12, 4)
    overdue = actions.overdue_actions(world, ADMIN, as_of=today)
    assert [a.text for a in overdue] == ["Other", "Late"]
    mine = actions.my_actions(world, ADMIN, as_of=today)
    assert [(a.text, a.overdue(today)) for a in mine] == [("Late", True), ("Soon", False)]
    done = actions.set_action_status(world, ADMIN, late, ActionStatus.DONE)
    assert done.completed_at is not None
    assert [a.text for a in actions.my_actions(world, ADMIN, as_of=today)] == ["Soon"]
