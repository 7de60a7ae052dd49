"""A module's `concept` and its `retrieval:` questions (docs/content-format.md).

Retrieval questions feed the daily review: the learner recalls the idea in their own words,
then compares it with the model answer.
"""

from __future__ import annotations

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.located_yaml import LDict
from zavmo_desktop.core.content.models import Competency, RetrievalQuestion

RETRIEVAL_KEYS = ("concept", "retrieval")
MAX_RETRIEVAL = 12
MAX_QUESTION = 400
MAX_ANSWER = 1_200


def module_concept(reader: FieldReader, meta: LDict, competency: Competency | None) -> str | None:
    """The concept of its competency that a module teaches, if it names one."""
    concept = reader.text(meta, "concept", required=False)
    if not concept or competency is None:
        return concept or None
    known = [c.id for c in competency.concepts]
    if concept not in known:
        choices = ", ".join(known) if known else "none: add 'concepts:' to it in framework.yaml"
        reader.problem(
            meta.line_of("concept"),
            f"concept '{concept}' is not a concept of competency '{competency.id}' "
            f"(its concepts: {choices})",
        )
        return None
    return concept


def retrieval_questions(reader: FieldReader, meta: LDict) -> tuple[RetrievalQuestion, ...]:
    # Recall is not evidence of performance, so these map to no criteria.
    found = reader.records(
        meta, "retrieval", lambda d: _question(reader, d), "a retrieval question"
    )
    if len(found) > MAX_RETRIEVAL:
        reader.problem(
            meta.line_of("retrieval"),
            f"a module has at most {MAX_RETRIEVAL} retrieval questions: keep the best",
        )
    value = meta.get("retrieval")
    items = [item for item in value if isinstance(item, LDict)] if isinstance(value, list) else []
    reader.unique(
        ((str(item.get("id", "")).strip(), item.line_of("id")) for item in items),
        "retrieval question id",
    )
    return tuple(found)


def _question(reader: FieldReader, data: LDict) -> RetrievalQuestion:
    reader.unknown_keys(data, ("id", "question", "answer"), "a retrieval question")
    return RetrievalQuestion(
        reader.identifier(data),
        reader.text(data, "question", max_len=MAX_QUESTION),
        reader.text(data, "answer", max_len=MAX_ANSWER),
    )
