"""`python -m mapping report --quarter YYYYQn --out PATH` (CONTRACTS §3)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from mapping.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("CONTEXTMAP_STORE", f"embedded://{path}")
    return path


def test_report_writes_a_docx_of_the_quarter(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--scale", "small"]) == 0
    out = tmp_path / "reports" / "q3.docx"
    assert main(["report", "--quarter", "2026Q3", "--out", str(out)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "MARVE quarterly report 2026Q3" in text
    assert "young people with recorded activity in the quarter" in text


def test_a_bad_quarter_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["report", "--quarter", "2026Q5", "--out", "x.docx"])
    assert exited.value.code == 2
    assert "expected YYYYQn such as 2026Q3, got '2026Q5'" in capsys.readouterr().err


def test_a_pdf_is_refused_in_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--quarter", "2026Q3", "--out", str(tmp_path / "q.pdf")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("error: out: PDF is not supported")
    assert not (tmp_path / "q.pdf").exists()
