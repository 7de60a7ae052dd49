"""A competency's named sub-skills and concepts, and a criterion's references to outside standards.

Kept apart from pack_parser so that each framework addition changes a file of its own
(docs/content-format.md, "Sub-skills, concepts and references").
"""

from __future__ import annotations

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.limits import MAX_ASSESSMENT_TEXT
from zavmo_desktop.core.content.located_yaml import LDict
from zavmo_desktop.core.content.models import Concept, StandardReference

PROGRAMME_KEYS = ("skills", "concepts")
MAX_NAME = 160


def competency_skills(reader: FieldReader, data: LDict) -> tuple[str, ...]:
    """`skills:`, the sub-skills a competency is made of, as short names shown to learners."""
    found = reader.strings(data, "skills")
    for value, line in found:
        if len(value) > MAX_NAME:
            reader.problem(line, f"a skill name is at most {MAX_NAME} characters: shorten it")
    return tuple(dict.fromkeys(value for value, _ in found))


def competency_concepts(reader: FieldReader, data: LDict) -> tuple[Concept, ...]:
    """`concepts:`, the ideas a competency is learnt through; each is taught by a module."""
    concepts = reader.records(data, "concepts", lambda d: _concept(reader, d), "a concept")
    value = data.get("concepts")
    items = [item for item in value if isinstance(item, LDict)] if isinstance(value, list) else []
    reader.unique(
        ((str(item.get("id", "")).strip(), item.line_of("id")) for item in items), "concept id"
    )
    return tuple(concepts)


def _concept(reader: FieldReader, data: LDict) -> Concept:
    reader.unknown_keys(data, ("id", "title", "description"), "a concept")
    return Concept(
        reader.identifier(data, slug=True),
        reader.text(data, "title", max_len=MAX_NAME),
        reader.text(data, "description", required=False, max_len=MAX_ASSESSMENT_TEXT),
    )


def criterion_references(reader: FieldReader, data: LDict) -> tuple[StandardReference, ...]:
    """`references:`, where a criterion maps onto an outside standard (such as an NOS code)."""
    return tuple(reader.records(data, "references", lambda d: _reference(reader, d), "a reference"))


def _reference(reader: FieldReader, data: LDict) -> StandardReference:
    reader.unknown_keys(data, ("standard", "code", "title"), "a reference")
    return StandardReference(
        reader.text(data, "standard", max_len=MAX_NAME),
        reader.text(data, "code", max_len=60),
        reader.text(data, "title", required=False, max_len=MAX_NAME),
    )
