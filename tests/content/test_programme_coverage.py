"""The bundled pack covers the whole role profile (issue 12, "Quality checks as tests").

Every competency and every concept has a module, every criterion is evidenced by an
activity, each conversation type is used at least three times, and every module has
enough teaching, retrieval questions and key terms for the review and the glossary.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tests.content.content_text import plain, split_module, words
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import CONVERSATION_TYPES, Competency, Module, Pack
from zavmo_desktop.paths import bundled_content_dir

BODY_WORDS = (1_000, 1_800)
RETRIEVAL = (4, 8)
CRITERIA = (3, 6)
EACH_TYPE = 3


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded, problems = load_pack(bundled_content_dir())
    assert loaded is not None and not problems, [str(p) for p in problems]
    return loaded


def competencies(pack: Pack) -> list[Competency]:
    return [c for area in pack.framework.areas for c in area.competencies]


def evidenced(module: Module) -> set[str]:
    found: set[str] = set()
    for checklist in module.checklists:
        for item in checklist.items:
            found.update(item.evidences)
    for reflection in module.reflections:
        found.update(reflection.evidences)
    for conversation in module.conversations:
        found.update(conversation.evidences)
    return found


def test_every_competency_has_a_module(pack: Pack) -> None:
    taught = {m.competency for m in pack.modules}
    assert [c.id for c in competencies(pack) if c.id not in taught] == []


def test_every_concept_has_a_module_of_its_own(pack: Pack) -> None:
    taught = Counter((m.competency, m.concept) for m in pack.modules if m.concept)
    concepts = [(c.id, concept.id) for c in competencies(pack) for concept in c.concepts]
    assert concepts, "the profile lists concepts for the emerging and advancing skills"
    assert [pair for pair in concepts if pair not in taught] == []


def test_every_criterion_is_evidenced_by_an_activity(pack: Pack) -> None:
    found = set().union(*(evidenced(m) for m in pack.modules))
    criteria = [cr.id for c in competencies(pack) for cr in c.criteria]
    assert [cr for cr in criteria if cr not in found] == []


def test_every_competency_has_three_to_six_criteria(pack: Pack) -> None:
    low, high = CRITERIA
    assert [
        (c.id, len(c.criteria)) for c in competencies(pack) if not low <= len(c.criteria) <= high
    ] == []


def test_every_criterion_is_an_observable_you_can_statement(pack: Pack) -> None:
    vague = re.compile(r"\b(makes? sure|ensures?|understands?|knows? about|is aware)\b", re.I)
    texts = [(cr.id, " ".join(cr.text.split())) for c in competencies(pack) for cr in c.criteria]
    assert [i for i, text in texts if not text.startswith("You can ") or vague.search(text)] == []
    assert len({text for _, text in texts}) == len(texts)  # no two say the same


def test_every_conversation_type_is_used_at_least_three_times(pack: Pack) -> None:
    used = Counter(conv.type for m in pack.modules for conv in m.conversations)
    assert {t: used[t] for t in CONVERSATION_TYPES if used[t] < EACH_TYPE} == {}


def test_every_module_has_practice_reflection_checklist_and_a_review_date(pack: Pack) -> None:
    missing = [
        m.id
        for m in pack.modules
        if not (m.conversations and 1 <= len(m.reflections) <= 2 and m.checklists and m.reviewed)
    ]
    assert missing == []
    # Practice and reflection are evidence, so each says what it evidences. Some ongoing
    # checklist items (keep reading ...) rightly evidence nothing.
    unmapped = [
        (m.id, a.id)
        for m in pack.modules
        for a in (*m.conversations, *m.reflections)
        if not a.evidences
    ]
    assert unmapped == []


@pytest.mark.parametrize(
    "module_id", sorted(p.stem for p in (bundled_content_dir() / "modules").glob("*.md"))
)
def test_every_module_has_four_to_eight_retrieval_questions(pack: Pack, module_id: str) -> None:
    module = next(m for m in pack.modules if m.id == module_id)
    low, high = RETRIEVAL
    assert low <= len(module.retrieval) <= high
    assert all(q.question.rstrip().endswith("?") for q in module.retrieval)


@pytest.mark.parametrize(
    "path", sorted((bundled_content_dir() / "modules").glob("*.md")), ids=lambda p: p.stem
)
def test_every_module_body_teaches_at_length(path: Path) -> None:
    _, body = split_module(path)
    low, high = BODY_WORDS
    assert low <= len(words(plain(body))) <= high
