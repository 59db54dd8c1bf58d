"""Import interchange data (CONTRACTS §4): validate every record first, then write all or nothing."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from graphdb.base import GraphStore, WriteResult
from graphdb.errors import StoreError
from schemas.interchange import RecordError, parse_record
from schemas.links import LINK_ENDPOINTS
from schemas.records import LinkRow, NodeRow

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Rejected:
    line: int
    reason: str
    raw: str
    where: str = ""

    def describe(self) -> str:
        place = f"{self.where} line" if self.where else "line"
        return f"{place} {self.line}: {self.reason}"


@dataclass(slots=True)
class Parsed:
    nodes: list[NodeRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)
    link_lines: list[tuple[int, str, str]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


class ImportFailed(Exception):
    """Some records are invalid; nothing was written. `rejected` names every bad line."""

    def __init__(self, rejected: list[Rejected]) -> None:
        self.rejected = rejected
        super().__init__(f"{len(rejected)} invalid record(s); nothing was imported")


@dataclass(frozen=True, slots=True)
class ImportResult:
    written: WriteResult
    rejected: list[Rejected]


def _jsonl_records(path: Path) -> Iterator[tuple[str, int, str, object]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield "", number, line.rstrip("\n"), json.loads(line)
            except json.JSONDecodeError as exc:
                yield "", number, line.rstrip("\n"), RecordError(f"not valid JSON ({exc.msg})")


def _cell(value: str) -> Any:
    text = value.strip()
    if text[:1] in ("[", "{"):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return text


def _csv_records(folder: Path) -> Iterator[tuple[str, int, str, object]]:
    specs = (
        ("nodes.csv", "node", ("label", "id")),
        ("links.csv", "link", ("type", "id", "source", "target")),
    )
    if not (folder / "nodes.csv").exists() and not (folder / "links.csv").exists():
        raise FileNotFoundError(f"{folder}: expected nodes.csv and/or links.csv in this folder")
    for name, kind, keys in specs:
        path = folder / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                number = reader.line_num
                record: dict[str, Any] = {"kind": kind}
                props: dict[str, Any] = {}
                for column, value in row.items():
                    if column is None:
                        record["__extra__"] = value
                    elif column in keys:
                        if value:
                            record[column] = value
                    elif value not in (None, ""):
                        props[column] = _cell(value)
                record["properties"] = props
                yield name, number, json.dumps(row, ensure_ascii=False), record


def read_records(path: Path, fmt: str | None = None) -> Iterator[tuple[str, int, str, object]]:
    """(file, line number, raw text, decoded object or RecordError) for each record."""
    chosen = fmt or ("csv" if path.is_dir() else "jsonl")
    if chosen == "csv":
        return _csv_records(path)
    if chosen == "jsonl":
        return _jsonl_records(path)
    raise ValueError(f"--format: expected jsonl or csv, got {chosen!r}")


def parse_file(path: Path, fmt: str | None = None, *, progress: Progress | None = None) -> Parsed:
    """Validate every record of a file against the schemas; nothing touches the store."""
    parsed = Parsed()
    seen_labels: dict[str, str] = {}
    for count, (where, number, raw, data) in enumerate(read_records(path, fmt), start=1):
        if progress and count % 10_000 == 0:
            progress(count, 0)
        try:
            if isinstance(data, RecordError):
                raise data
            row = parse_record(data)
        except RecordError as exc:
            parsed.rejected.append(Rejected(number, str(exc), raw, where))
            continue
        if isinstance(row, NodeRow):
            previous = seen_labels.setdefault(row.id, str(row.label))
            if previous != str(row.label):
                parsed.rejected.append(
                    Rejected(number, f"id: {row.id} is already used for a {previous}", raw, where)
                )
                continue
            parsed.nodes.append(row)
        else:
            parsed.links.append(row)
            parsed.link_lines.append((number, raw, where))
    return parsed


def check_link_ends(parsed: Parsed, store: GraphStore) -> None:
    """Reject links whose ends are unknown or of a label the link type does not allow."""
    labels = {n.id: str(n.label) for n in parsed.nodes}
    outside = {e for x in parsed.links for e in (x.source, x.target)} - labels.keys()
    labels.update({k: v.label for k, v in store.existing(outside).items()})
    kept: list[LinkRow] = []
    kept_lines: list[tuple[int, str, str]] = []
    for row, (number, raw, where) in zip(parsed.links, parsed.link_lines, strict=True):
        allowed_sources, allowed_targets = LINK_ENDPOINTS[row.type]
        problem = None
        for end, role, allowed in (
            (row.source, "source", allowed_sources),
            (row.target, "target", allowed_targets),
        ):
            label = labels.get(end)
            if label is None:
                problem = f"{role}: no node with id {end} in this file or the store"
            elif label not in allowed:
                names = ", ".join(sorted(a.value for a in allowed))
                problem = f"{role}: a {row.type} link cannot {('start' if role == 'source' else 'end')} at a {label} (allowed: {names})"
            if problem:
                break
        if problem:
            parsed.rejected.append(Rejected(number, problem, raw, where))
        else:
            kept.append(row)
            kept_lines.append((number, raw, where))
    parsed.links, parsed.link_lines = kept, kept_lines


def import_file(
    store: GraphStore,
    path: Path,
    *,
    actor: str,
    fmt: str | None = None,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Validate the whole file, then write it in one transaction.

    All or nothing by default: any invalid record raises ImportFailed naming every bad
    line and the store is unchanged. With `skip_invalid`, valid records are written and
    the rejects returned.
    """
    parsed = parse_file(path, fmt, progress=progress)
    check_link_ends(parsed, store)
    parsed.rejected.sort(key=lambda r: (r.where, r.line))
    if parsed.rejected and not skip_invalid:
        raise ImportFailed(parsed.rejected)
    written = store.write(parsed.nodes, parsed.links, actor=actor)
    return ImportResult(written, parsed.rejected)


def write_rejects(rejected: list[Rejected], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for item in rejected:
            entry = {
                "file": item.where or None,
                "line": item.line,
                "reason": item.reason,
                "record": item.raw,
            }
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")


def stderr_progress(stream: TextIO = sys.stderr) -> Progress:
    """A one-line progress counter on a terminal (silent when stderr is not a terminal)."""

    def show(done: int, total: int) -> None:
        if stream.isatty():
            stream.write(f"\rvalidated {done:,} records…")
            stream.flush()

    return show


__all__ = ["ImportFailed", "ImportResult", "Rejected", "StoreError", "import_file", "write_rejects"]
