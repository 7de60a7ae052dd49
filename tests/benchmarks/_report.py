"""Figures from repeated measurements, and the table every benchmark adds its rows to."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

REPEATS = 7  # every timing is repeated this many times; the median is what counts


@dataclass(frozen=True)
class Summary:
    """Seconds: the median, fastest, 95th percentile (nearest rank) and slowest of some runs."""

    median: float
    minimum: float
    p95: float
    maximum: float
    count: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Summary:
        ordered = sorted(samples)
        rank = max(1, math.ceil(0.95 * len(ordered)))
        return cls(
            median=statistics.median(ordered),
            minimum=ordered[0],
            p95=ordered[rank - 1],
            maximum=ordered[-1],
            count=len(ordered),
        )


def time_it(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@dataclass(frozen=True)
class Row:
    section: str
    measure: str
    figures: Summary | None = None
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None
    note: str = ""


ROWS: list[Row] = []


def record(row: Row) -> Row:
    ROWS.append(row)
    return row


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _cells(row: Row) -> list[str]:
    f = row.figures
    numbers = [""] * 5
    if f is not None:
        numbers = [ms(f.median), ms(f.minimum), ms(f.p95), ms(f.maximum), str(f.count)]
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
    verdict = {True: "PASS", False: "FAIL", None: ""}[row.passed]
    return [row.section, row.measure, *numbers, ratio, row.target, verdict, row.note]


HEADERS = ["area", "measure", "median ms", "min ms", "p95 ms", "max ms", "n", "ratio",
           "target", "result", "note"]  # fmt: skip


def format_table(rows: Sequence[Row]) -> str:
    table = [HEADERS, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    numeric = {2, 3, 4, 5, 6, 7}
    lines = []
    for number, line in enumerate(table):
        cells = [
            cell.rjust(width) if i in numeric else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)
