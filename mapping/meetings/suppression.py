"""Small-number suppression for published tables: counts of 1–4 are shown as "<5".

Primary suppression hides every count from 1 to 4. Secondary suppression then hides enough
further cells (shown "[c]") that no hidden count can be worked out by subtraction: from a
row's total (shown in the last column) or from a column's total (published elsewhere in the
report). Zeros are shown. Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5
SMALL = "<5"
SECONDARY = "[c]"
NOTE = (
    '"<5": between 1 and 4, not shown, so that no young person can be identified. '
    '"[c]": withheld so that a hidden number cannot be worked out from the totals.'
)


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """A cross-table ready to publish: only display strings, never the hidden counts."""

    title: str
    row_header: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]

    @property
    def has_hidden(self) -> bool:
        return any(c in (SMALL, SECONDARY) for _, cells in self.rows for c in cells)


def _small(n: int) -> bool:
    return 0 < n < THRESHOLD


def suppress(counts: Sequence[Sequence[int]]) -> list[list[str]]:
    """Suppress a matrix of counts; each row gets its total appended as a last column.

    >>> suppress([[10, 3, 7], [6, 6, 8]])
    [['10', '<5', '[c]', '20'], ['6', '[c]', '[c]', '20']]
    >>> suppress([[2, 0], [0, 0]])
    [['<5', '0', '<5'], ['0', '0', '0']]
    """
    grid = [[*row, sum(row)] for row in counts]
    hidden = [[_small(v) for v in row] for row in grid]
    width = len(grid[0]) if grid else 0

    def lines() -> list[list[tuple[int, int]]]:
        rows = [[(r, c) for c in range(width)] for r in range(len(grid))]
        cols = [[(r, c) for r in range(len(grid))] for c in range(width - 1)]
        return rows + cols

    changed = True
    while changed:
        changed = False
        for line in lines():
            unknown = [(r, c) for r, c in line if hidden[r][c]]
            if len(unknown) != 1:
                continue
            candidates = [
                (grid[r][c], r, c)
                for r, c in line
                if not hidden[r][c] and grid[r][c] > 0 and c != width - 1
            ]
            if not candidates:  # only the row total could give it away: withhold the total
                candidates = [
                    (grid[r][c], r, c) for r, c in line if not hidden[r][c] and grid[r][c] > 0
                ]
            if not candidates:
                continue
            _, r, c = min(candidates)
            hidden[r][c] = True
            changed = True
    out = []
    for r, row in enumerate(grid):
        out.append(
            [
                (SMALL if _small(v) else SECONDARY) if hidden[r][c] else str(v)
                for c, v in enumerate(row)
            ]
        )
    return out


def cross_table(
    title: str,
    row_header: str,
    counts: dict[str, dict[str, int]],
    columns: Sequence[str],
    *,
    total: str = "All",
) -> SuppressedTable:
    """Suppressed table from `{row: {column: count}}` (rows sorted, a total column added)."""
    names = sorted(counts, key=lambda r: (r == "Not recorded", r.casefold()))
    matrix = [[counts[r].get(c, 0) for c in columns] for r in names]
    cells = suppress(matrix)
    return SuppressedTable(
        title, row_header, [*columns, total], list(zip(names, cells, strict=True))
    )
