"""Reading fields out of located YAML while collecting problems, not raising."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from zavmo_desktop.core.content.located_yaml import LDict, LList
from zavmo_desktop.core.content.models import Problem

T = TypeVar("T")

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class FieldReader:
    """Collects problems for one file while its fields are read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str, *, warning: bool = False) -> None:
        self.problems.append(Problem(self.path, line, message, warning))

    @property
    def has_errors(self) -> bool:
        return any(not p.warning for p in self.problems)

    def mapping(self, value: Any, line: int, what: str) -> LDict | None:
        if isinstance(value, LDict):
            return value
        self.problem(line, f"{what} should be a set of 'name: value' lines")
        return None

    def unknown_keys(self, data: LDict, allowed: Iterable[str], what: str) -> None:
        allowed_set = set(allowed)
        for key in data:
            if key not in allowed_set:
                names = ", ".join(sorted(allowed_set))
                self.problem(
                    data.line_of(key), f"unknown field '{key}' in {what} (allowed: {names})"
                )

    def text(self, data: LDict, key: str, *, required: bool = True, max_len: int = 0) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.line, f"missing '{key}': add a '{key}:' line")
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(data.line_of(key), f"'{key}' should be some text")
            return ""
        if max_len and len(value) > max_len:
            self.problem(
                data.line_of(key),
                f"'{key}' is {len(value)} characters; shorten it to {max_len} or fewer",
            )
        return value.strip()

    def identifier(self, data: LDict, key: str = "id", *, slug: bool = False) -> str:
        value = self.text(data, key)
        pattern = SLUG_PATTERN if slug else ID_PATTERN
        if value and not pattern.match(value):
            kind = "lowercase letters, digits" if slug else "letters, digits"
            self.problem(data.line_of(key), f"'{key}' '{value}' may use only {kind}, '-' and '_'")
        return value

    def integer(self, data: LDict, key: str, low: int, high: int, *, required: bool) -> int | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.line, f"missing '{key}': add a whole number from {low} to {high}")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(
                data.line_of(key), f"'{key}' should be a whole number from {low} to {high}"
            )
            return None
        return value

    def flag(self, data: LDict, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem(data.line_of(key), f"'{key}' should be true or false")
            return False
        return value

    def choice(
        self, data: LDict, key: str, choices: Iterable[str], *, required: bool
    ) -> str | None:
        options = tuple(choices)
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.line, f"missing '{key}': use one of {', '.join(options)}")
            return None
        if value not in options:
            self.problem(
                data.line_of(key), f"'{key}' is '{value}'; use one of {', '.join(options)}"
            )
            return None
        return str(value)

    def items(self, data: LDict, key: str, *, required: bool = False) -> list[tuple[Any, int]]:
        """The items of a list field with their lines; [] (and a problem) if it is not a list."""
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.line, f"missing '{key}': add a list of entries")
            return []
        if not isinstance(value, LList):
            self.problem(data.line_of(key), f"'{key}' should be a list (lines starting with '- ')")
            return []
        return [(item, value.line_of(i)) for i, item in enumerate(value)]

    def strings(self, data: LDict, key: str) -> list[tuple[str, int]]:
        found = []
        for item, line in self.items(data, key):
            if isinstance(item, str | int) and not isinstance(item, bool) and str(item).strip():
                found.append((str(item).strip(), line))
            else:
                self.problem(line, f"each entry of '{key}' should be a word or id")
        return found

    def records(
        self, data: LDict, key: str, build: Callable[[LDict], T | None], what: str
    ) -> list[T]:
        built = []
        for item, line in self.items(data, key):
            mapping = self.mapping(item, line, what)
            if mapping is not None:
                record = build(mapping)
                if record is not None:
                    built.append(record)
        return built

    def unique(self, ids: Iterable[tuple[str, int]], what: str) -> None:
        seen: set[str] = set()
        for value, line in ids:
            if value and value in seen:
                self.problem(line, f"{what} '{value}' is used twice: give each a different id")
            seen.add(value)


def check_evidences(reader: FieldReader, data: LDict, criteria: set[str]) -> tuple[str, ...]:
    """The criterion ids in an activity's `evidences`, each checked against the framework."""
    found = reader.strings(data, "evidences")
    for value, line in found:
        if value not in criteria:
            reader.problem(line, f"criterion '{value}' is not in framework.yaml: check the id")
    return tuple(value for value, _ in found)


def decode_utf8(reader: FieldReader, raw: bytes) -> str | None:
    nul = raw.find(b"\x00")
    if nul >= 0:  # reported where it is: YAML would only say "special characters"
        reader.problem(
            raw.count(b"\n", 0, nul) + 1,
            "the line holds a NUL byte (character 0), which text never has: remove it, "
            "or save the file as UTF-8 text",
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        reader.problem(line, "text is not UTF-8: save the file as UTF-8 in your editor")
        return None
