"""Minutes generated from the session: DOCX and Markdown carry everything that happened."""

from __future__ import annotations

import io
from datetime import date

import docx

from graphdb.sqlite import SqliteStore
from mapping.meetings import actions, live, minutes, sessions, suggestions
from mapping.meetings.picture import map_picture
from schemas.enums import Agency, Basis, LinkType, MeetingType
from tests.unit.meetings import FACILITATOR

QUORATE = "Quorate: Health, Children's Social Care, Police and Education present."


def held_meeting(store: SqliteStore) -> str:
    meeting_id = sessions.create_meeting(
        store,
        FACILITATOR,
        meeting_type=MeetingType.MAPPING,
        title="Mapping: station",
        held_on=date(2026, 11, 26),
        venue="Guildhall 2",
        cohort=["C-ASH", "C-BO", "C-CY"],
    )
    for name, agency in [
        ("DS Hale", "Police"),
        ("Ms Okafor", "Education"),
        ("Ms Adeyemi", "Children's Social Care"),
        ("Nurse Kaur", "Health"),
    ]:
        sessions.add_attendee(store, FACILITATOR, meeting_id, name=name, agency=agency)
    said = live.Contribution(Agency.EDUCATION, Basis.OPINION)
    friend = live.add_link(
        store,
        FACILITATOR,
        meeting_id,
        link_type=LinkType.ASSOCIATES_WITH,
        source="C-BO",
        target="C-CY",
        kind="friend",
        contribution=said,
    )
    suggestions.dismiss_suggestion(
        store, FACILITATOR, meeting_id, a="C-ASH", b="C-DEE", location="LOC-SHOP", reason="sisters"
    )
    sessions.record_decision(store, FACILITATOR, meeting_id, "Refer the shop to licensing.")
    actions.create_action(
        store,
        FACILITATOR,
        text="Safety plan review with Bo",
        owner="Ms Adeyemi",
        agency="Children's Social Care",
        due_date=date(2026, 12, 10),
        about=["C-BO", friend],
        meeting_id=meeting_id,
    )
    sessions.close_meeting(store, FACILITATOR, meeting_id)
    return meeting_id


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_minutes_docx_holds_attendees_quorum_link_dismissal_decision_and_action(
    world: SqliteStore,
) -> None:
    built = minutes.build_minutes(world, FACILITATOR, held_meeting(world))
    data = minutes.minutes_docx(built)
    text = docx_text(data)
    for expected in (
        "DS Hale",
        "Nurse Kaur",
        QUORATE,
        "Link: Bo Test — associates with — Cy Test (kind friend) — Education, opinion",
        "Suggested link between Ash Test and Dee Test (seen together at Chicken Shop) dismissed",
        "Refer the shop to licensing.",
        "Safety plan review with Bo",
        "Bo Test; Bo Test – Cy Test",
        "Actions out (48 hours)",
    ):
        assert expected in text, expected
    assert text.index("Bo Test — CCE medium") < text.index("Cy Test — HSB low"), "victim first"
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 1, "the map picture"


def test_minutes_markdown_matches_the_document(world: SqliteStore) -> None:
    built = minutes.build_minutes(world, FACILITATOR, held_meeting(world), picture=False)
    text = minutes.minutes_markdown(built)
    assert f"**{QUORATE}**" in text
    assert "- DS Hale — Police" in text
    assert "| Safety plan review with Bo |" in text
    assert "### Dismissed" in text and "sisters" in text
    assert built.picture is None


def test_the_map_picture_is_a_png_that_changes_with_the_map(world: SqliteStore) -> None:
    nodes = list(world.get_nodes(["C-ASH", "C-BO", "LOC-SHOP"]).values())
    links = world.links_of(["C-ASH"])
    plain = map_picture(nodes, links, cohort=["C-ASH"])
    assert plain.startswith(b"\x89PNG")
    assert map_picture(nodes, links, cohort=["C-ASH"]) == plain, "deterministic"
    assert map_picture(nodes, links, cohort=["C-ASH"], new_links=["L-ASH-BO"]) != plain
