"""The meeting and governance pages in AppTest, for the roles that may open them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from graphdb.sqlite import SqliteStore
from mapping.meetings import sessions
from mapping.meetings.changelog import ChangeKind, read_log
from pages import _state
from schemas.enums import LinkType, MeetingType
from schemas.interchange import link_row, node_row
from tests.ui.conftest import signed_in, texts
from tests.unit.services import USERS

MEETINGS, GOVERNANCE = "pages/meetings.py", "pages/governance.py"


def open_page(role: str, page: str, meeting_id: str | None = None) -> AppTest:
    at = signed_in(role)
    if meeting_id:
        at.session_state[_state.MEETING_ID] = meeting_id
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def meeting(
    store: SqliteStore,
    kind: MeetingType = MeetingType.MAPPING,
    agencies: tuple[str, ...] = ("Police", "Education", "Children's Social Care"),
) -> str:
    user = USERS["facilitator"]
    meeting_id = sessions.create_meeting(
        store,
        user,
        meeting_type=kind,
        title="Station mapping",
        held_on=date(2026, 11, 26),
        cohort=["C-AMIRA", "C-TYLER"],
    )
    for n, agency in enumerate(agencies):
        sessions.add_attendee(store, user, meeting_id, name=f"Person {n}", agency=agency)
    return meeting_id


def button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if b.label == label)


@pytest.mark.parametrize("role", ["facilitator", "admin"])
def test_the_meetings_page_starts_a_meeting(store: SqliteStore, role: str) -> None:
    at = open_page(role, MEETINGS)
    assert [t.value for t in at.title] == ["Meetings"]
    assert "No meetings yet" in at.info[0].value
    at.selectbox(key="mt_new_type").set_value(MeetingType.MAPPING)
    at.run()
    at.text_input(key="mt_new_title").input("Mapping: station")
    button(at, "Start the meeting").click()  # type: ignore[attr-defined]
    at.run()
    assert not at.exception
    [created] = sessions.list_meetings(store, USERS["facilitator"])
    assert created.title == "Mapping: station" and created.held_on == date.today()
    assert at.session_state[_state.MEETING_ID] == created.id
    assert at.error[0].value.startswith("Not quorate: Health, Children's Social Care, Police")


def test_the_quorum_line_turns_green_when_health_arrives(store: SqliteStore) -> None:
    at = open_page("facilitator", MEETINGS, meeting(store))
    assert at.error[0].value.startswith("Not quorate: Health not present")
    at.text_input(key="mt_att_name").input("Nurse Kaur")
    at.selectbox(key="mt_att_agency").set_value("Health")
    button(at, "Add").click()  # type: ignore[attr-defined]
    at.run()
    assert [s.value for s in at.success] == [
        "Quorate: Health, Children's Social Care, Police and Education present."
    ]
    assert not at.error


def test_a_link_added_in_the_meeting_is_attributed_to_the_agency(store: SqliteStore) -> None:
    meeting_id = meeting(store)
    at = open_page("facilitator", MEETINGS, meeting_id)
    cohort = "\n".join(m.value for m in at.markdown)
    assert cohort.index("Amira Khan") < cohort.index("Tyler Brooks")
    at.selectbox(key="mt_agency").set_value("Education")
    at.radio(key="mt_basis").set_value("fact")
    at.selectbox(key="mt_lsrc").set_value("C-AMIRA")
    at.selectbox(key="mt_ltgt").set_value("C-TYLER")
    at.run()
    at.button(key="mt_ladd").click()
    at.run()
    assert not at.exception
    assert [e.value for e in at.error if not e.value.startswith("Not quorate")] == []
    [change] = read_log(store, meeting_id).changes
    assert (change.change, change.what, change.agency, change.basis) == (
        ChangeKind.ADDED,
        "link",
        "Education",
        "fact",
    )
    link = store.get_link(change.ref)
    assert link is not None and link.type == LinkType.ASSOCIATES_WITH
    assert (link.source, link.target, link.properties["meeting_id"]) == (
        "C-AMIRA",
        "C-TYLER",
        meeting_id,
    )


def test_an_administrator_is_not_offered_changes_to_the_map(store: SqliteStore) -> None:
    at = open_page("admin", MEETINGS, meeting(store))
    assert any("needs a facilitator or analyst account" in i.value for i in at.info)
    assert "Add the link" not in [b.label for b in at.button]
    assert "Add the action" in [b.label for b in at.button]


def test_a_marve_panel_shows_its_agenda(store: SqliteStore) -> None:
    at = open_page("facilitator", MEETINGS, meeting(store, MeetingType.MARVE_PANEL))
    shown = texts(at)
    assert "3. Places of Concern / People of Concern (15 min) — All" in shown
    assert "Referral cut-off: Mon 16 Nov 2026, 14:00" in shown
    assert "Prevent panel — any common children?" in shown


def test_closing_the_meeting_prepares_minutes_for_download(store: SqliteStore) -> None:
    meeting_id = meeting(store)
    sessions.record_decision(store, USERS["facilitator"], meeting_id, "Refer to licensing.")
    at = open_page("facilitator", MEETINGS, meeting_id)
    at.checkbox(key="mt_sure").check()
    at.run()
    at.button(key="mt_close").click()
    at.run()
    assert sessions.load_meeting(store, meeting_id).status == "closed"
    button(at, "Prepare the minutes").click()  # type: ignore[attr-defined]
    at.run()
    assert at.success[-1].value.startswith("Minutes ready: 0 addition(s)")
    assert "1 decision(s)" in at.success[-1].value
    assert at.session_state["mt_min"][1][:2] == b"PK", "a DOCX (zip) is ready to download"
    assert [b.label for b in at.get("download_button")] == [
        "Download minutes (DOCX)",
        "Download minutes (Markdown)",
    ]


def previous_quarter(today: date) -> tuple[str, date]:
    number = (today.month - 1) // 3 + 1
    year, number = (today.year - 1, 4) if number == 1 else (today.year, number - 1)
    return f"{year}Q{number}", date(year, 3 * number - 1, 15)


@pytest.mark.parametrize("role", ["admin", "panel_member"])
def test_the_governance_page_shows_suppressed_figures(store: SqliteStore, role: str) -> None:
    label, seen = previous_quarter(date.today())
    prov = {"observed_from": seen.isoformat(), "basis": "fact"}
    store.write(
        [
            node_row(
                "Child", f"C-Q{i}", {"forename": f"Q{i}", "gender": "male", "rag": {"CCE": "high"}}
            )  # type: ignore[arg-type]
            for i in range(6)
        ],
        [link_row(LinkType.SEEN_AT, None, f"C-Q{i}", "LOC-CHICKEN", prov) for i in range(6)]
        + [link_row(LinkType.SEEN_AT, None, "C-AMIRA", "LOC-CHICKEN", prov)],
        actor="tests",
    )
    store.update_node(
        "C-AMIRA",
        {**store.get_node("C-AMIRA").properties, "rag": {"CSE": "medium"}},  # type: ignore[union-attr]
        actor="tests",
    )
    at = open_page(role, GOVERNANCE)
    assert [t.value for t in at.title] == ["Governance report"]
    assert at.selectbox(key="gov_quarter").value.label == label
    assert [m.value for m in at.metric][:3] == ["7", "7", "0"]
    tables = [df.value for df in at.dataframe]
    rag = next(t for t in tables if "Gender" in t.columns and "high" in t.columns)
    rows = {r["Gender"]: r for r in rag.to_dict("records")}
    assert rows["male"]["high"] == "6" and rows["female"]["medium"] == "<5"
    assert [b.label for b in at.get("download_button")] == ["Download the report (DOCX)"]


def test_a_week_old_open_meeting_shows_its_deadlines(store: SqliteStore) -> None:
    meeting_id = sessions.create_meeting(
        store,
        USERS["facilitator"],
        meeting_type=MeetingType.MARVE_PANEL,
        title="Old panel",
        held_on=date.today() - timedelta(days=30),
    )
    at = open_page("facilitator", MEETINGS, meeting_id)
    shown = texts(at)
    assert "Agenda out (5 working days before): missed" in shown
    assert "Minutes out (7 working days): missed" in shown
