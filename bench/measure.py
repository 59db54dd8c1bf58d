"""Timing, peak-memory and formatting helpers shared by every measure (no measures here).

Timed runs never run under tracemalloc (it slows allocation-heavy code by half or more):
peak memory is taken in one extra traced run, which also serves as the warm-up.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Action = Callable[[], object]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: a measure beside its baseline, the ratio and the target."""

    measure: str
    value: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    met: bool | None = None
    peak: str = "—"

    def cells(self) -> list[str]:
        met = {True: "yes", False: "**no**", None: "—"}[self.met]
        return [self.measure, self.value, self.baseline, self.ratio, self.target, met, self.peak]


HEADER = ("measure", "value", "baseline", "ratio", "target", "met?", "peak memory")


def unavailable(measure: str, reason: str) -> Row:
    """A row for a measure that could not run here (missing service, server or page)."""
    return Row(measure, f"not available: {reason}")


@dataclass(slots=True)
class Timing:
    """Wall-clock seconds of each run; the median is what the table shows."""

    runs: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.runs) if self.runs else float("nan")

    def spread(self) -> str:
        """`median (n runs, min–max)` for the table, or just the time for one run."""
        if len(self.runs) == 1:
            return seconds(self.runs[0])
        return f"{seconds(self.median)} (median of {len(self.runs)})"


def clock(action: Action) -> float:
    """Seconds one call takes, after a collection so earlier garbage is not billed to it."""
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def interleaved(
    actions: Sequence[Action], *, repeat: int, setup: Action | None = None
) -> list[Timing]:
    """Time each action `repeat` times, alternating them so noise hits all of them alike."""
    timings = [Timing() for _ in actions]
    for _ in range(max(1, repeat)):
        for action, timing in zip(actions, timings, strict=True):
            if setup is not None:
                setup()
            timing.runs.append(clock(action))
    return timings


def peak_memory(action: Action, *, setup: Action | None = None) -> int:
    """Peak bytes of Python heap (tracemalloc, NumPy included) allocated during one call."""
    if setup is not None:
        setup()
    gc.collect()
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def seconds(value: float) -> str:
    if value != value:  # NaN: nothing was timed
        return "—"
    if value < 1:
        return f"{value * 1000:,.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    return f"{value:,.2f} s" if value < 100 else f"{value:,.0f} s"


def megabytes(value: float) -> str:
    return f"{value / 2**20:,.0f} MB" if value >= 10 * 2**20 else f"{value / 2**20:.1f} MB"


def rate(rows: int, elapsed: float) -> str:
    return f"{rows / elapsed:,.0f} rows/s" if elapsed > 0 else "—"


def times(ratio: float) -> str:
    return f"{ratio:.2f}×" if ratio < 10 else f"{ratio:,.0f}×"
