"""The limits on a module's text (limits.py), checked in one pass before anything parses it.

Each limit bounds work that grows faster than the text itself somewhere downstream: Qt
lays out a list or a run of headings in time that grows with the square of its length, a
table row costs about 0.15 ms, and every piece of formatting costs Markdown and Qt more
than plain words. A module past a limit is left out, with the line where it was passed.
"""

from __future__ import annotations

from collections.abc import Callable

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.limits import (
    MAX_FORMATTING_CHARS,
    MAX_LINE_CHARS,
    MAX_MODULE_LINES,
    MAX_TABLE_ROWS,
)

FORMATTING = "*_[`<&~\\"


def within_text_limits(reader: FieldReader, text: str) -> bool:
    lines = text.split("\n")
    ok = True
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            ok = False
            reader.problem(
                number,
                f"line is {len(line):,} characters long: break it into lines of at most "
                f"{MAX_LINE_CHARS:,} (an empty line between paragraphs)",
            )
    if len(lines) > MAX_MODULE_LINES:
        ok = False
        reader.problem(
            MAX_MODULE_LINES + 1,
            f"the module is longer than {MAX_MODULE_LINES:,} lines: split it into modules",
        )
    marks = " ".join(FORMATTING)
    ok = _count_within(reader, lines, _formatting, MAX_FORMATTING_CHARS,
                       f"characters that start formatting ({marks})",
                       "use less formatting or split the module") and ok  # fmt: skip
    ok = _count_within(reader, lines, _table_row, MAX_TABLE_ROWS, "table rows (lines with '|')",
                       "split the table or the module") and ok  # fmt: skip
    return ok


def _formatting(line: str) -> int:
    return sum(line.count(mark) for mark in FORMATTING)


def _table_row(line: str) -> int:
    return 1 if "|" in line else 0


def _count_within(
    reader: FieldReader,
    lines: list[str],
    count: Callable[[str], int],
    limit: int,
    what: str,
    fix: str,
) -> bool:
    total = 0
    for number, line in enumerate(lines, start=1):
        total += count(line)
        if total > limit:
            reader.problem(number, f"the module has more than {limit:,} {what} by here: {fix}")
            return False
    return True
