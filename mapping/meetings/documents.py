"""Small helpers for writing DOCX files with python-docx (minutes and governance reports).

Formatting only: callers decide the content. Every document carries the same confidentiality
footer, since minutes and reports are shared under the panel's information-sharing agreement.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Inches, Pt

CONFIDENTIAL = (
    "Confidential — shared under the panel's information-sharing agreement on a need-to-know "
    "basis. Synthetic demonstration data."
)


def new_document(title: str, subtitle: str = "") -> DocxDocument:
    """A document with a title, an optional subtitle and the confidentiality footer."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    doc.add_heading(title, level=0)
    if subtitle:
        doc.add_paragraph(subtitle)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = CONFIDENTIAL
    return doc


def add_table(doc: DocxDocument, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain grid table with a bold header row; an empty table says so instead."""
    if not rows:
        doc.add_paragraph("None.")
        return
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def add_bullets(doc: DocxDocument, lines: Sequence[str], empty: str = "None.") -> None:
    if not lines:
        doc.add_paragraph(empty)
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")


def add_picture(doc: DocxDocument, png: bytes, caption: str) -> None:
    doc.add_picture(io.BytesIO(png), width=Inches(6.3))
    doc.add_paragraph().add_run(caption).italic = True


def to_bytes(doc: DocxDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
