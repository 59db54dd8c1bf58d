"""The MARVE agenda from the graph: victim first, item 3, the Prevent question, actions."""

from __future__ import annotations

from datetime import date

from graphdb.sqlite import SqliteStore
from mapping.meetings import actions, agenda, sessions
from mapping.meetings.discussion import Role, discussion_order
from schemas.enums import MeetingType
from tests.unit.meetings import FACILITATOR


def panel(store: SqliteStore, held_on: date = date(2026, 8, 27)) -> str:
    return sessions.create_meeting(
        store, FACILITATOR, meeting_type=MeetingType.MARVE_PANEL, title="MARVE", held_on=held_on
    )


def test_a_child_both_harmed_and_harmful_is_discussed_as_a_victim_first(world: SqliteStore) -> None:
    built = agenda.build_agenda(world, FACILITATOR, panel(world))
    items = {s.item.number: s for s in built.sections}
    assert [c.id for c in items[6].children] == ["C-BO"]
    assert items[6].children[0].role == Role.VICTIM_FIRST
    assert [c.id for c in items[8].children] == []
    assert [c.id for c in items[8].cross_refs] == ["C-BO", "C-CY"]
    assert [c.id for c in items[5].children] == ["C-ASH", "C-CY"]
    assert items[5].children[-1].role == Role.HARMFUL
    everyone = [c.id for s in built.sections for c in s.children]
    assert sorted(everyone) == ["C-ASH", "C-BO", "C-CY", "C-DEE"], "each child is discussed once"


def test_a_cohort_is_ordered_victims_first(world: SqliteStore) -> None:
    nodes = world.get_nodes(["C-CY", "C-BO", "C-ASH"])
    order = discussion_order(nodes.values())
    assert [c.id for c in order] == ["C-ASH", "C-BO", "C-CY"]
    assert [c.harmed for c in order] == [True, True, False]


def test_item_three_lists_new_intelligence_and_reviews_due(world: SqliteStore) -> None:
    panel(world, date(2026, 7, 30))
    built = agenda.build_agenda(world, FACILITATOR, panel(world))
    assert built.since == date(2026, 7, 30)
    [item3] = [s for s in built.sections if s.item.number == 3]
    text = "\n".join(item3.lines)
    assert "Chicken Shop (place): 2 new item(s) of intelligence since 30 Jul" in text
    assert "review due 01 Sep 2026" in text
    assert "Vic Stone (person of concern): 1 new item(s)" in text
    assert "Child Abduction Warning Notice (CAWN)" in text


def test_the_prevent_question_and_outstanding_actions(world: SqliteStore) -> None:
    actions.create_action(
        world, FACILITATOR, text="Later", owner="A", about=["C-ASH"], due_date=date(2026, 9, 30)
    )
    actions.create_action(
        world, FACILITATOR, text="Overdue", owner="B", about=["C-ASH"], due_date=date(2026, 8, 1)
    )
    built = agenda.build_agenda(world, FACILITATOR, panel(world))
    items = {s.item.number: s for s in built.sections}
    assert items[4].lines == ["Prevent panel — any common children? 1 on both: Dee Test."]
    assert items[2].lines[0].startswith("OVERDUE — Overdue — B")
    assert items[2].lines[1].startswith("Later — A")
    assert built.cutoff.isoformat() == "2026-08-17T14:00:00"
    assert [d.name.split(" ")[0] for d in built.deadlines] == ["Agenda", "Actions", "Minutes"]
