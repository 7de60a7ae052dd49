"""A module's `reviewed` date: when someone last checked that what it teaches is current."""

from __future__ import annotations

import datetime as dt

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.located_yaml import LDict

_HINT = "write the date the module was last checked as YYYY-MM-DD, e.g. 2026-12-01"


def reviewed_date(reader: FieldReader, meta: LDict) -> dt.date | None:
    """The optional `reviewed:` date; a problem on its line when it is not a real date."""
    value = meta.get("reviewed")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, dt.date):
        reader.problem(meta.line_of("reviewed"), f"'reviewed' is not a date: {_HINT}")
        return None
    return value


def reviewed_words(date: dt.date) -> str:
    """'1 December 2026': a date written out, never 01/12 (read differently in the US)."""
    return f"{date.day} {date:%B} {date.year}"
