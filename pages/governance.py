"""Governance report (journey 7): the quarter's figures for the VCA subgroup, and the document.

Thin page: quarter → one service call → charts and tables. Every table about people is
already suppressed by the service ("<5"); nothing here sees an unsuppressed small count.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from mapping.meetings.governance import governance_report, report_docx
from mapping.meetings.quarterly import Quarter
from mapping.meetings.suppression import NOTE, SuppressedTable
from pages import _deps
from schemas.reference import CATEGORY_NAMES

user = _deps.require_user()
store = _deps.store()


def quarters(today: date, count: int = 8) -> list[Quarter]:
    """The last `count` quarters, the one in progress first."""
    year, number = today.year, (today.month - 1) // 3 + 1
    found = []
    for _ in range(count):
        found.append(Quarter(year, number))
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return found


def bars(values: dict[str, int] | list[tuple[str, int]], column: str) -> None:
    rows = dict(values)
    if not any(rows.values()):
        st.caption("Nothing recorded in this quarter.")
        return
    st.bar_chart(
        pd.DataFrame({column: list(rows.values())}, index=list(rows)), horizontal=True, sort=False
    )


def table(found: SuppressedTable, *, heading: bool = True) -> None:
    if heading:
        st.markdown(f"**{found.title}**")
    if not found.rows:
        st.caption("No young people to show.")
        return
    st.dataframe(
        pd.DataFrame(
            [[name, *cells] for name, cells in found.rows],
            columns=[found.row_header, *found.columns],
        ),
        hide_index=True,
    )


st.title("Governance report")
st.caption(
    "Quarterly figures for the VCA (Vulnerable Children & Adolescent) Subgroup: volume of cases, "
    "communities affected, patterns, activity against perpetrators and disruptions, attendance "
    "by agency, actions completed on time, and disproportionality by gender and ethnicity."
)
options = quarters(date.today())
chosen = st.selectbox(
    "Quarter",
    options,
    index=1,
    format_func=lambda q: (
        f"{q.label} ({q.start:%b}–{q.end:%b %Y})" + (" — in progress" if q == options[0] else "")
    ),
    key="gov_quarter",
)
report = _deps.call(lambda: governance_report(store, user, chosen))
if report is not None:
    st.download_button(
        "Download the report (DOCX)",
        report_docx(report),
        f"marve-quarterly-report-{report.quarter.label}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/download:",
        on_click="ignore",
        key="gov_download",
    )
    cols = st.columns(5)
    cols[0].metric("Young people (cases)", report.cases)
    cols[1].metric("New this quarter", report.new_cases)
    cols[2].metric("Returning", report.returning_cases)
    cols[3].metric("Meetings (quorate)", f"{report.meetings} ({report.quorate})")
    on_time = report.actions.get("done on time", 0)
    cols[4].metric(
        "Actions done on time", f"{on_time} of {report.actions.get('due in quarter', 0)}"
    )
    if not report.cases:
        st.info(
            f"No young person known to the panel had recorded activity in {report.quarter.label}. "
            "Choose another quarter."
        )

    st.subheader("Volume of cases by category")
    bars(report.by_category, "young people rated")
    st.caption(" · ".join(f"{code}: {name}" for code, name in CATEGORY_NAMES.items()))
    left, right = st.columns(2)
    with left:
        st.subheader("Communities affected")
        if report.areas:
            table(report.areas, heading=False)
    with right:
        st.subheader("Patterns")
        for line in report.patterns or ["No patterns found in this quarter."]:
            st.markdown(f"- {line}")

    st.subheader("Activity against perpetrators")
    st.caption(
        f"{sum(report.perpetrators.values())} persons of concern with recorded activity in the "
        f"quarter; {report.arrests} arrest(s) involving a person of concern."
    )
    left, right = st.columns(2)
    with left:
        st.markdown("**Persons of concern by status**")
        bars(report.perpetrators, "persons of concern")
    with right:
        st.markdown("**Disruptions in force, by type**")
        if report.disruptions:
            st.dataframe(
                pd.DataFrame(report.disruptions, columns=["Measure", "Number"]), hide_index=True
            )
        else:
            st.caption("No disruption measures recorded.")

    left, right = st.columns(2)
    with left:
        st.subheader("Attendance by agency")
        if report.meetings:
            bars(report.attendance, "meetings attended")
        else:
            st.caption("No meetings were recorded in this quarter.")
    with right:
        st.subheader("Actions")
        st.dataframe(
            pd.DataFrame(list(report.actions.items()), columns=["Actions", "Number"]),
            hide_index=True,
        )

    st.subheader("Disproportionality")
    st.caption(
        "RAG and categories by gender and by ethnicity, so the panel can see whether boys are "
        "being criminalised while girls are treated as victims. " + NOTE
    )
    pairs = [
        report.disproportionality[i : i + 2] for i in range(0, len(report.disproportionality), 2)
    ]
    for pair in pairs:
        for found in pair:
            table(found)
