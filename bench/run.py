"""Run the measures, print ONE markdown table and record it in docs/PERFORMANCE.md.

`python -m mapping bench [--scale small|borough|county] [--repeat N] [--only NAMES]`
(or `python -m bench …`). After a full borough or county run the table is rewritten between
that scale's markers in docs/PERFORMANCE.md; the prose around it is kept.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `tests.neo4j_server` and `pages` live at the repo root
    sys.path.insert(0, str(ROOT))

from bench import analytics, ego, ingest, maps, pages, server_ingest  # noqa: E402
from bench.context import Bench  # noqa: E402
from bench.machine import describe, peak_rss_mb  # noqa: E402
from bench.measure import HEADER, Row  # noqa: E402

Measure = Callable[[Bench], list[Row]]
MEASURES: dict[str, Measure] = {
    "neo4j-ingest": server_ingest.measure,
    "embedded-ingest": ingest.measure,
    "analyse": analytics.measure,
    "ego": ego.measure,
    "pages": pages.measure,
    "maps": maps.measure,
    "betweenness-exact": analytics.measure_exact,
}
"""In running order: the Neo4j ingest leaves the server loaded for the read measures."""
OPT_IN = frozenset({"betweenness-exact"})
"""Run only when named in `--only` (county exact betweenness takes tens of minutes)."""
SCALES = ("small", "borough", "county")
DOCS = ROOT / "docs" / "PERFORMANCE.md"

LEGEND = (
    "value and baseline are medians of the runs shown, timed alternately in the same process; "
    "ratio = value ÷ baseline in time (or the speed-up where it says *faster*); peak memory = "
    "Python heap (tracemalloc, NumPy included) in one extra run, client side for Neo4j."
)


def begin_marker(scale: str) -> str:
    return f"<!-- bench:{scale}:begin — written by `python -m mapping bench`; edit outside -->"


def end_marker(scale: str) -> str:
    return f"<!-- bench:{scale}:end -->"


@dataclass(frozen=True, slots=True)
class Report:
    """The rows of one run and where, when and how long it ran."""

    scale: str
    rows: list[Row]
    machine: str
    started: datetime
    elapsed: float
    peak_rss_mb: float
    failures: int


def markdown_table(rows: Sequence[Row]) -> str:
    """The table as GitHub markdown, one line per row, pipes inside cells escaped."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        cells = [cell.replace("|", "\\|").replace("\n", " ") for cell in row.cells()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_bench(
    *,
    scale: str = "borough",
    repeat: int = 3,
    only: Sequence[str] | None = None,
    with_neo4j: bool = True,
    per_row_sample: int = 2000,
    neo4j_server: tuple[str, str, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Run the chosen measures (all by default) and return their rows; stops what it started."""
    if scale not in SCALES:
        raise ValueError(f"scale: expected one of {', '.join(SCALES)}, got {scale!r}")
    chosen = [m for m in MEASURES if (m in set(only) if only else m not in OPT_IN)]
    unknown = sorted(set(only or ()) - set(MEASURES))
    if unknown:
        raise ValueError(f"--only: unknown measure(s) {', '.join(unknown)}")
    started, clock = datetime.now(UTC), time.perf_counter()
    bench = Bench(
        scale=scale,
        repeat=max(1, repeat),
        with_neo4j=with_neo4j,
        per_row_sample=per_row_sample,
        neo4j_server=neo4j_server,
    )
    rows: list[Row] = []
    failures = 0
    try:
        for name in chosen:
            if progress:
                progress(f"{name}…")
            began = time.perf_counter()
            try:
                rows += MEASURES[name](bench)
            except Exception as exc:  # one broken measure must not hide the others
                failures += 1
                traceback.print_exc(file=sys.stderr)
                rows.append(Row(name, f"failed: {type(exc).__name__}: {str(exc)[:100]}"))
            if progress:
                progress(f"{name} done in {time.perf_counter() - began:.0f} s")
        neo4j_version = bench.neo4j_version() if with_neo4j else "not used"
    finally:
        bench.close()
    return Report(
        scale,
        rows,
        describe(neo4j_version),
        started,
        time.perf_counter() - clock,
        peak_rss_mb(),
        failures,
    )


def command_line(scale: str, repeat: int, only: Sequence[str] | None) -> str:
    text = f"python -m mapping bench --scale {scale} --repeat {repeat}"
    return text + (f" --only {','.join(only)}" if only else "")


def recorded_block(report: Report, command: str) -> str:
    """The generated part of docs/PERFORMANCE.md: when, where, how, and the table."""
    when = report.started.strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            begin_marker(report.scale),
            f"**Measured** {when} with `{command}` in {report.elapsed / 60:.1f} min "
            f"(bench process peak RSS {report.peak_rss_mb:,.0f} MB).  ",
            f"**Machine**: {report.machine}.",
            "",
            markdown_table(report.rows),
            "",
            LEGEND,
            end_marker(report.scale),
        ]
    )


def write_docs(report: Report, command: str, path: Path = DOCS) -> None:
    """Replace this scale's block between its markers (or append a fresh one).

    The borough and county runs keep one block each; the prose around them is kept.
    """
    block = recorded_block(report, command)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    begin, end = begin_marker(report.scale), end_marker(report.scale)
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    elif text:
        text = text.rstrip("\n") + f"\n\n## Latest {report.scale} table\n\n{block}\n"
    else:
        text = (
            f"# ContextMap performance\n\n## Latest {report.scale} table\n\n{block}\n\n"
            f"## How to reproduce\n\n`make bench` (or `{command}`).\n"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _names(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = sorted(set(names) - set(MEASURES))
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown measure(s) {', '.join(unknown)}; choose from {', '.join(MEASURES)}"
        )
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `bench`, shared by `python -m mapping bench` and `python -m bench`."""
    parser.add_argument("--scale", choices=SCALES, default="borough")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="N",
        help="runs of each measure (default 3); the county ones run N // 3, at least once",
    )
    parser.add_argument(
        "--only",
        type=_names,
        metavar="NAMES",
        help=f"comma-separated subset of: {', '.join(MEASURES)}",
    )


def run_cli(scale: str, repeat: int, only: str | Sequence[str] | None) -> int:
    """Print the table; record it in docs/PERFORMANCE.md after a full borough/county run.

    Returns 0, 1 when a measure failed, 2 for a bad `--repeat` or `--only` (usage).
    """
    if repeat < 1:
        print("error: --repeat: must be 1 or more", file=sys.stderr)
        return 2
    if isinstance(only, str):
        try:
            only = _names(only)
        except argparse.ArgumentTypeError as exc:
            print(f"error: --only: {exc}", file=sys.stderr)
            return 2

    def progress(text: str) -> None:
        print(f"bench: {text}", file=sys.stderr, flush=True)

    report = run_bench(scale=scale, repeat=repeat, only=only, progress=progress)
    command = command_line(scale, repeat, only)
    print(markdown_table(report.rows))
    print()
    print(LEGEND)
    print(f"{command}: {report.elapsed / 60:.1f} min; {report.machine}")
    if not only and scale != "small":
        write_docs(report, command)
        print(f"recorded in {DOCS.relative_to(ROOT)}", file=sys.stderr)
    return 1 if report.failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run_cli(args.scale, args.repeat, args.only)
