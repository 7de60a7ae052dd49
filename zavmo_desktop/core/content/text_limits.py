"""The limits on a module's text (limits.py), checked in one pass before anything parses it.

Each limit bounds what Qt does on the GUI thread when the module opens (setHtml and the
first layout cannot be moved off it): every block costs far more than its letters (a
heading ~0.08 ms, a table cell ~0.05 ms), and every piece of formatting costs Markdown
and Qt more than plain words. A module past a limit is left out, with the line where it
was passed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.limits import (
    MAX_FORMATTING_CHARS,
    MAX_HEADINGS,
    MAX_LINE_CHARS,
    MAX_LIST_ITEMS,
    MAX_MODULE_LINES,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)

# An ATX heading ("# Title") or a setext underline ("===", "---", which also counts rules).
HEADING = re.compile(r" {0,3}(#{1,6}(\s|$)|=+\s*$|-+\s*$)")
LIST_ITEM = re.compile(r"\s*([-*+]|\d{1,9}[.)])(\s|$)")

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
        if line.count("|") > MAX_TABLE_COLUMNS + 1:
            ok = False
            reader.problem(
                number,
                f"this table row has more than {MAX_TABLE_COLUMNS} columns: "
                "split the table, or escape a '|' that is not a column edge as &#124;",
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
    ok = _count_within(reader, lines, _heading, MAX_HEADINGS, "headings",
                       "split the module") and ok  # fmt: skip
    ok = _count_within(reader, lines, _list_item, MAX_LIST_ITEMS, "list items",
                       "split the list or the module") and ok  # fmt: skip
    return ok


def _formatting(line: str) -> int:
    return sum(line.count(mark) for mark in FORMATTING)


def _heading(line: str) -> int:
    return 1 if HEADING.match(line) else 0


def _list_item(line: str) -> int:
    return 1 if LIST_ITEM.match(line) else 0


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
