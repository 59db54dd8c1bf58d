"""The quarterly governance report for the VCA subgroup: the use case and its DOCX document.

`governance_report` checks the role, computes the figures (`quarterly.py`) and audits;
`write_report` writes the document (`python -m mapping report --quarter 2026Q3 --out FILE`).
Only DOCX is written: no maintained PDF library is installed, so a `.pdf` path is refused
with a clear message rather than producing something half-made.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from graphdb.base import GraphStore
from mapping import audit
from mapping.meetings import documents
from mapping.meetings.quarterly import Governance, Quarter, governance_figures, parse_quarter
from mapping.meetings.suppression import NOTE, SuppressedTable
from mapping.services.access import Permission, User, authorise
from schemas.reference import CATEGORY_NAMES

__all__ = ["Governance", "governance_report", "report_docx", "write_report", "parse_quarter"]


def governance_report(store: GraphStore, user: User, quarter: str | Quarter) -> Governance:
    """The quarter's figures for a role allowed to see them (aggregates only, suppressed).

    Raises:
        ValueError: a quarter not written YYYYQn.
    """
    authorise(store, user, Permission.GOVERNANCE_REPORT)
    chosen = parse_quarter(quarter) if isinstance(quarter, str) else quarter
    report = governance_figures(store, chosen)
    audit.record(
        store,
        actor=user.username,
        role=user.role,
        action="governance_report",
        detail=chosen.label,
    )
    return report


def _table(doc: DocxDocument, table: SuppressedTable) -> None:
    doc.add_heading(table.title, level=2)
    documents.add_table(
        doc, [table.row_header, *table.columns], [[name, *cells] for name, cells in table.rows]
    )


def report_docx(report: Governance) -> bytes:
    """The report as a DOCX document (bytes)."""
    q = report.quarter
    doc = documents.new_document(
        f"MARVE quarterly report {q.label}",
        f"For the VCA (Vulnerable Children & Adolescent) Subgroup · "
        f"{q.start:%d %B %Y} to {q.end:%d %B %Y}",
    )
    doc.add_heading("Volume of cases", level=1)
    doc.add_paragraph(
        f"{report.cases} young people with recorded activity in the quarter: "
        f"{report.new_cases} new, {report.returning_cases} returning."
    )
    documents.add_table(
        doc,
        ["Category", "Young people rated"],
        [[CATEGORY_NAMES.get(k, k), v] for k, v in report.by_category.items()],
    )
    doc.add_heading("Communities affected", level=1)
    if report.areas:
        _table(doc, report.areas)
    doc.add_heading("Patterns of exploitation and harm", level=1)
    documents.add_bullets(doc, report.patterns, "No patterns found in the quarter.")
    doc.add_heading("Activity against perpetrators", level=1)
    doc.add_paragraph(
        f"{sum(report.perpetrators.values())} persons of concern with recorded activity; "
        f"{report.arrests} arrest(s) involving a person of concern."
    )
    documents.add_table(doc, ["Status", "Persons of concern"], list(report.perpetrators.items()))
    doc.add_heading("Disruptions (number and type, in force)", level=1)
    documents.add_table(doc, ["Measure", "Number"], report.disruptions)
    doc.add_heading("Attendance at panel meetings by agency", level=1)
    doc.add_paragraph(f"{report.meetings} meeting(s) held; {report.quorate} quorate.")
    documents.add_table(doc, ["Agency", "Meetings attended"], report.attendance)
    doc.add_heading("Actions", level=1)
    documents.add_table(doc, ["Actions", "Number"], list(report.actions.items()))
    doc.add_heading("Disproportionality", level=1)
    doc.add_paragraph(
        "RAG and categories by gender and by ethnicity, so that the panel can see whether boys "
        "are being criminalised while girls are treated as victims. " + NOTE
    )
    for table in report.disproportionality:
        _table(doc, table)
    return documents.to_bytes(doc)


def write_report(store: GraphStore, user: User, quarter: str, path: str | Path) -> Path:
    """Write the quarter's report to `path` (DOCX); returns the path.

    Raises:
        ValueError: a bad quarter, or a file type other than .docx (PDF is unsupported: no
            maintained PDF library is installed). The message names the argument.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        raise ValueError(
            "out: PDF is not supported (no maintained PDF library is installed); "
            "write a .docx file instead"
        )
    if suffix != ".docx":
        raise ValueError(f"out: the report is written as .docx, got {target.name!r}")
    chosen = parse_quarter(quarter)
    report = governance_report(store, user, chosen)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(report_docx(report))
    return target
