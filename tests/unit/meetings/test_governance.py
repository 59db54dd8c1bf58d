"""The quarterly governance report: figures, small-number suppression and the document."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphdb.sqlite import SqliteStore
from mapping.meetings import actions, governance, sessions
from mapping.meetings.quarterly import parse_quarter
from mapping.meetings.suppression import SECONDARY, SMALL, cross_table, suppress
from mapping.services.access import PermissionDenied
from schemas.enums import LinkType, MeetingType, NodeLabel
from schemas.interchange import link_row, node_row
from tests.unit.meetings import ADMIN, FACILITATOR, PANEL, child


def test_counts_under_five_are_suppressed_and_cannot_be_worked_back() -> None:
    table = cross_table(
        "t",
        "Gender",
        {"male": {"high": 7, "low": 2}, "female": {"high": 6, "low": 9}},
        ["high", "low"],
    )
    # male low (2) is hidden; so is male high, else 9 - 7 gives it away; then each column
    # would hold one hidden cell beside a published category total, so female cells go too.
    assert dict(table.rows) == {
        "female": [SECONDARY, SECONDARY, "15"],
        "male": [SECONDARY, SMALL, "9"],
    }
    assert table.columns == ["high", "low", "All"]


@given(
    st.lists(st.lists(st.integers(0, 12), min_size=2, max_size=4), min_size=1, max_size=5).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    )
)
def test_suppression_never_leaves_a_single_hidden_cell_in_a_line(rows: list[list[int]]) -> None:
    out = suppress(rows)
    for raw, shown in zip(rows, out, strict=True):
        for value, cell in zip([*raw, sum(raw)], shown, strict=True):
            if 0 < value < 5:
                assert cell == SMALL
            elif cell not in (SMALL, SECONDARY):
                assert cell == str(value)
        hidden = [c for c in shown if c in (SMALL, SECONDARY)]
        assert len(hidden) != 1, f"row {raw} → {shown}: one hidden cell beside a shown total"
    for col in range(len(rows[0])):
        cells = [r[col] for r in out]
        hidden = [c for c in cells if c in (SMALL, SECONDARY)]
        if len(hidden) == 1:  # only when the rest of the column is zero: nothing to hide behind
            assert all(c == "0" for c in cells if c not in hidden), cells


def quarter_world(store: SqliteStore) -> None:
    """Seven boys rated high for CCE, two girls rated for CSE, all seen in July 2026."""
    nodes = [child(f"C-B{i}", f"Boy{i}", "male", {"CCE": "high"}) for i in range(7)]
    nodes += [child(f"C-G{i}", f"Girl{i}", "female", {"CSE": "medium"}) for i in range(2)]
    nodes.append(
        node_row(
            NodeLabel.LOCATION,
            "LOC-P",
            {"name": "Park", "postcode": "KT2 5AA", "borough": "Kingston upon Thames"},
        )
    )
    links = [
        link_row(
            LinkType.SEEN_AT, None, n.id, "LOC-P", {"observed_from": "2026-07-10", "basis": "fact"}
        )
        for n in nodes
        if n.label == NodeLabel.CHILD
    ]
    store.write(nodes, links, actor="tests")


def test_quarter_figures_with_disproportionality_suppressed(sqlite_store: SqliteStore) -> None:
    quarter_world(sqlite_store)
    meeting = sessions.create_meeting(
        sqlite_store,
        FACILITATOR,
        meeting_type=MeetingType.MARVE_PANEL,
        title="MARVE",
        held_on=date(2026, 7, 30),
    )
    sessions.add_attendee(sqlite_store, FACILITATOR, meeting, name="DS Hale", agency="Police")
    actions.create_action(
        sqlite_store, FACILITATOR, text="x", owner="y", about=["C-B0"], due_date=date(2026, 8, 1)
    )
    report = governance.governance_report(sqlite_store, ADMIN, "2026Q3")
    assert (report.cases, report.new_cases, report.returning_cases) == (9, 9, 0)
    assert report.by_category["CCE"] == 7 and report.by_category["CSE"] == 2
    assert (report.meetings, report.quorate) == (1, 0)
    assert dict(report.attendance)["Police"] == 1 and dict(report.attendance)["Health"] == 0
    assert report.actions["due in quarter"] == 1 and report.actions["still open"] == 1
    assert report.areas is not None and report.areas.rows == [("Kingston upon Thames · KT2", ["9"])]
    rag = next(t for t in report.disproportionality if t.title.startswith("Highest RAG by gender"))
    assert dict(rag.rows)["male"] == ["7", "0", "0", "0", "7"]
    assert dict(rag.rows)["female"] == ["0", SMALL, "0", "0", SMALL]
    assert "2" not in [c for _, cells in rag.rows for c in cells]
    empty = governance.governance_report(sqlite_store, ADMIN, "2026Q1")
    assert empty.cases == 0


def test_the_report_is_for_admins_and_panel_members_only(sqlite_store: SqliteStore) -> None:
    governance.governance_report(sqlite_store, PANEL, "2026Q3")
    with pytest.raises(PermissionDenied):
        governance.governance_report(sqlite_store, FACILITATOR, "2026Q3")


def test_write_report_writes_a_docx_and_refuses_pdf(
    sqlite_store: SqliteStore, tmp_path: Path
) -> None:
    quarter_world(sqlite_store)
    path = governance.write_report(sqlite_store, ADMIN, "2026Q3", tmp_path / "q3.docx")
    document = docx.Document(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "MARVE quarterly report 2026Q3" in text and "Disproportionality" in text
    with pytest.raises(ValueError, match="out: PDF is not supported"):
        governance.write_report(sqlite_store, ADMIN, "2026Q3", tmp_path / "q3.pdf")


@pytest.mark.parametrize("bad", ["2026Q5", "2026-Q3", "Q3 2026", ""])
def test_a_bad_quarter_names_the_field(bad: str) -> None:
    with pytest.raises(ValueError, match="quarter: expected YYYYQn"):
        parse_quarter(bad)
