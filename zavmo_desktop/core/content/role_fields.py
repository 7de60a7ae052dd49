"""The role's key responsibilities in framework.yaml, and each competency's `priority` and links.

Kept apart from pack_parser so the other framework additions (level descriptors, scenarios)
change a different file.
"""

from __future__ import annotations

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.located_yaml import LDict
from zavmo_desktop.core.content.models import PRIORITIES, Responsibility

MAX_TEXT = 600


def parse_responsibilities(reader: FieldReader, data: LDict) -> tuple[Responsibility, ...]:
    """The top-level `responsibilities:` list; ids unique and lowercase-kebab."""
    found = reader.records(
        data, "responsibilities", lambda d: _responsibility(reader, d), "a responsibility"
    )
    value = data.get("responsibilities")
    items = [item for item in value if isinstance(item, LDict)] if isinstance(value, list) else []
    reader.unique(
        ((str(item.get("id", "")).strip(), item.line_of("id")) for item in items),
        "responsibility id",
    )
    return tuple(found)


def _responsibility(reader: FieldReader, data: LDict) -> Responsibility:
    reader.unknown_keys(data, ("id", "title"), "a responsibility")
    return Responsibility(
        reader.identifier(data, slug=True),
        reader.text(data, "title", max_len=MAX_TEXT),
    )


def competency_priority(reader: FieldReader, data: LDict) -> str:
    return reader.choice(data, "priority", PRIORITIES, required=False) or "medium"


def competency_responsibilities(
    reader: FieldReader, data: LDict, known: set[str]
) -> tuple[str, ...]:
    """A competency's `responsibilities: [...]`, each an id from the top-level list."""
    found = reader.strings(data, "responsibilities")
    for value, line in found:
        if value not in known:
            reader.problem(
                line,
                f"responsibility '{value}' is not in the top-level 'responsibilities:' "
                "list of framework.yaml: check the id or add it there",
            )
    seen: set[str] = set()
    for value, line in found:
        if value in seen:
            reader.problem(line, f"responsibility '{value}' is listed twice here: keep one")
        seen.add(value)
    return tuple(dict.fromkeys(value for value, _ in found if value in known))
