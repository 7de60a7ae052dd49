"""YAML parsing that remembers line numbers, so problems can say `path:line:`."""

from __future__ import annotations

from typing import Any


class LDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_located(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document into LDict/LList/scalars with 1-based line numbers.

    `first_line` is the file line on which `text` starts (front matter starts on
    line 2). Raises YamlProblem for syntax errors and for anchors/aliases, which
    content does not need and which can blow up memory ("billion laughs").
    """
    # PyYAML is imported on first use: a start-up served from the parse cache needs none.
    from zavmo_desktop.core.content import yaml_nodes

    return yaml_nodes.parse(text, first_line)
