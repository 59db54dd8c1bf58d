"""Smoke test of the benchmark suite at tiny scale: the table's shape, never its times."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import maps
from bench.measure import HEADER, Row
from bench.run import MEASURES, OPT_IN, markdown_table, run_bench, write_docs
from tests.neo4j_server import Neo4jServer

EMBEDDED = ["embedded-ingest", "analyse", "ego", "pages", "maps"]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split(" | ")]


def test_table_has_one_header_and_seven_cells_a_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(maps, "SIZES", (20, 40))
    report = run_bench(scale="small", repeat=1, only=EMBEDDED, with_neo4j=False)
    table = markdown_table(report.rows).splitlines()
    assert _cells(table[0]) == list(HEADER)
    assert table[1] == "|" + "---|" * len(HEADER)
    assert len(table) == 2 + len(report.rows)
    assert all(len(_cells(line)) == len(HEADER) for line in table[2:])
    assert report.failures == 0
    names = " ".join(r.measure for r in report.rows)
    for expected in ("Embedded ingest", "`analyse`", "Ego network", "Page:", "Map HTML"):
        assert expected in names
    skipped = [r for r in report.rows if r.value.startswith("not available")]
    assert all("Neo4j" in r.measure for r in skipped)


def test_rows_without_neo4j_say_why_instead_of_failing() -> None:
    report = run_bench(scale="small", repeat=1, only=["neo4j-ingest"], with_neo4j=False)
    assert report.failures == 0
    assert report.rows and all(r.value.startswith("not available") for r in report.rows)


def test_opt_in_measures_run_only_when_named() -> None:
    assert OPT_IN <= set(MEASURES)
    with pytest.raises(ValueError, match="unknown measure"):
        run_bench(scale="small", only=["nonsense"], with_neo4j=False)


def test_docs_block_is_replaced_and_the_prose_around_it_kept(tmp_path: Path) -> None:
    report = run_bench(scale="small", repeat=1, only=["embedded-ingest"], with_neo4j=False)
    doc = tmp_path / "PERFORMANCE.md"
    write_docs(report, "python -m mapping bench --scale small", doc)
    first = doc.read_text(encoding="utf-8")
    assert "## How to reproduce" in first and "| measure |" in first
    doc.write_text("# Intro kept\n\n" + first + "\nOutro kept\n", encoding="utf-8")
    write_docs(report, "python -m mapping bench --scale small", doc)
    second = doc.read_text(encoding="utf-8")
    assert second.startswith("# Intro kept") and second.rstrip().endswith("Outro kept")
    assert second.count("| measure |") == 1


def test_a_row_renders_met_and_missed() -> None:
    assert Row("a", "1 s", met=True).cells()[5] == "yes"
    assert Row("a", "1 s", met=False).cells()[5] == "**no**"
    assert Row("a", "1 s").cells()[5] == "—"


@pytest.mark.neo4j
def test_neo4j_measures_fill_their_rows(neo4j_server: Neo4jServer) -> None:
    report = run_bench(
        scale="small",
        repeat=1,
        only=["neo4j-ingest", "ego"],
        per_row_sample=40,
        neo4j_server=(neo4j_server.uri, neo4j_server.user, neo4j_server.password),
    )
    assert report.failures == 0
    assert len(report.rows) == 4
    assert not any(r.value.startswith("not available") for r in report.rows)
    assert all(r.met is not None for r in report.rows[:2])
