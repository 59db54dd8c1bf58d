"""The CLI contract (CONTRACTS §3) and the importer's all-or-nothing rule, on the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphdb.sqlite import SqliteStore
from mapping.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    monkeypatch.setenv("CONTEXTMAP_STORE", f"embedded://{path}")
    return path


def counts(path: Path) -> dict[str, int]:
    store = SqliteStore(path)
    try:
        return store.counts()
    finally:
        store.close()


NODE = {"kind": "node", "label": "Child", "id": "C-1", "properties": {"forename": "Ada"}}
POC = {"kind": "node", "label": "PersonOfConcern", "id": "P-1", "properties": {"forename": "Dee"}}
LINK = {
    "kind": "link",
    "type": "CONCERN_FOR",
    "source": "P-1",
    "target": "C-1",
    "properties": {"basis": "opinion", "grading": "2-B-P", "observed_from": "2026-05-01"},
}


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_init_demo_export_import_round_trip_creates_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    assert main(["demo", "--scale", "small"]) == 0
    before = counts(db)
    assert sum(before.values()) > 250
    out = tmp_path / "out.jsonl"
    assert main(["export", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "nodes: 0 created, 0 updated" in printed
    assert "links: 0 created, 0 updated" in printed
    assert counts(db) == before
    again = tmp_path / "again.jsonl"
    assert main(["export", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_demo_if_empty_loads_only_once(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--if-empty"]) == 0
    assert main(["demo", "--if-empty"]) == 0
    assert "already holds data" in capsys.readouterr().out


def test_import_is_all_or_nothing_and_names_every_bad_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_jsonl(
        tmp_path / "bad.jsonl",
        [
            NODE,
            {
                "kind": "node",
                "label": "Child",
                "id": "C-2",
                "properties": {"forename": "Bo", "date_of_birth": "soon"},
            },
            POC,
            {"kind": "node", "label": "Wizard", "id": "W-1", "properties": {}},
            LINK,
            {
                "kind": "link",
                "type": "SEEN_AT",
                "source": "C-1",
                "target": "NOWHERE",
                "properties": {},
            },
            {
                "kind": "link",
                "type": "ASSOCIATES_WITH",
                "source": "C-1",
                "target": "P-1",
                "properties": {"grading": "9-Z-Q"},
            },
        ],
    )
    with bad.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    assert main(["import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 2: properties.date_of_birth" in err
    assert "line 4: label" in err
    assert "line 6: target: no node with id NOWHERE" in err
    assert "line 7: properties.grading: must be S-I-H" in err
    assert "line 8: not valid JSON" in err
    assert "line 1:" not in err and "line 5:" not in err
    assert "Traceback" not in err
    assert counts(db) == {}


def test_skip_invalid_imports_the_rest_and_writes_rejects(db: Path, tmp_path: Path) -> None:
    bad = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            NODE,
            POC,
            LINK,
            {
                "kind": "link",
                "type": "CONCERN_FOR",
                "source": "C-1",
                "target": "P-1",
                "properties": {},
            },
        ],
    )
    rejects = tmp_path / "rejects.jsonl"
    assert main(["import", str(bad), "--skip-invalid", str(rejects)]) == 0
    assert counts(db) == {"CONCERN_FOR": 1, "Child": 1, "PersonOfConcern": 1}
    lines = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert [x["line"] for x in lines] == [4]
    assert "target: a CONCERN_FOR link cannot end at a PersonOfConcern" in lines[0]["reason"]


def test_csv_export_round_trips_through_import(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(write_jsonl(tmp_path / "a.jsonl", [NODE, POC, LINK]))]) == 0
    folder = tmp_path / "csv"
    assert main(["export", str(folder), "--format", "csv"]) == 0
    assert (folder / "nodes.csv").exists() and (folder / "links.csv").exists()
    capsys.readouterr()
    assert main(["import", str(folder), "--format", "csv"]) == 0
    assert "nodes: 0 created, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_graphml_and_pseudonymised_export(db: Path, tmp_path: Path) -> None:
    assert main(["import", str(write_jsonl(tmp_path / "a.jsonl", [NODE, POC, LINK]))]) == 0
    graphml = tmp_path / "x.graphml"
    assert main(["export", str(graphml), "--format", "graphml"]) == 0
    assert "CONCERN_FOR" in graphml.read_text()
    pseudo = tmp_path / "p.jsonl"
    assert main(["export", str(pseudo), "--pseudonymise"]) == 0
    text = pseudo.read_text()
    assert "Ada" not in text and "Dee" not in text and "Person-" in text
    second = tmp_path / "p2.jsonl"
    assert main(["export", str(second), "--pseudonymise"]) == 0
    assert second.read_text() == text


def test_usage_errors_exit_2_and_bad_dates_are_named(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["analyse", "--since", "yesterday"])
    assert exc.value.code == 2
    assert "expected YYYY-MM-DD" in capsys.readouterr().err


def test_missing_file_is_a_user_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "/nonexistent/file.jsonl"]) == 1
    assert "PATH: /nonexistent/file.jsonl does not exist" in capsys.readouterr().err


def test_cli_actions_are_audited_as_the_os_user_or_as(db: Path, tmp_path: Path) -> None:
    assert (
        main(["--as", "ann.admin", "import", str(write_jsonl(tmp_path / "a.jsonl", [NODE]))]) == 0
    )
    store = SqliteStore(db)
    try:
        entries = store.audit_entries()
    finally:
        store.close()
    assert entries[-1].actor == "ann.admin" and entries[-1].action == "import"


def test_audit_prints_oldest_first_as_json_lines(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--as", "ann", "import", str(write_jsonl(tmp_path / "a.jsonl", [NODE]))]) == 0
    assert (
        main(["--as", "bob", "export", str(tmp_path / "out.jsonl"), "--purpose", "i2 transfer"])
        == 0
    )
    capsys.readouterr()
    assert main(["audit", "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["actor"], x["action"]) for x in lines][-2:] == [("ann", "import"), ("bob", "export")]
    assert lines[-1]["purpose"] == "i2 transfer"
    assert main(["audit", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == ""


CONTRACT_KEYS = [
    "graph",
    "brokers",
    "peer_groups",
    "hotspots",
    "co_location",
    "at_risk_by_association",
    "possible_duplicates",
    "common_children",
]


def test_analyse_json_on_demo_is_complete_and_repeatable(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--scale", "small"]) == 0
    capsys.readouterr()
    assert main(["analyse", "--json"]) == 0
    first = capsys.readouterr().out
    assert main(["analyse", "--json"]) == 0
    assert capsys.readouterr().out == first
    report = json.loads(first)
    assert list(report) == CONTRACT_KEYS
    for key in CONTRACT_KEYS[1:]:
        assert report[key], f"{key} is empty on the demo"
        assert all(item.get("why") for item in report[key])
    assert main(["analyse", "--min-grading", "9-Z-Q"]) == 1
    assert "min_grading" in capsys.readouterr().err
