"""Outcomes where they come from: each kind is judged when the real code path saves it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.own_data_work import REFLECTION_TEXT, do_real_work
from zavmo_desktop.core.conversation.engine import REVIEW
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.outcomes import REFLECTION_WORD_FLOOR, conversation_outcome


@pytest.fixture(scope="module")
def worked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Learner]:
    content = Path(__file__).resolve().parents[2] / "content"
    learner = Learner.open(tmp_path_factory.mktemp("data"), [content])
    do_real_work(learner)
    yield learner
    learner.close()


def by_kind(learner: Learner, kind: str) -> list:  # type: ignore[type-arg]
    return [item for item in learner.evidence.all() if item.kind == kind]


def test_a_done_checklist_item_is_met(worked: Learner) -> None:
    module = next(m for m in worked.library.modules if m.checklists)
    checklist = module.checklists[0]
    deliver = DeliverEvidence(worked.checklists, worked.reflections, worked.evidence)
    deliver.add_item_to_evidence(module.id, checklist, checklist.items[0])  # ticked by do_real_work
    (item,) = by_kind(worked, "checklist_item")
    assert item.met is True and item.outcome["done"] is True


def test_a_short_reflection_is_some_evidence_and_a_full_one_is_met(worked: Learner) -> None:
    (item,) = by_kind(worked, "reflection")
    assert len(REFLECTION_TEXT.split()) < REFLECTION_WORD_FLOOR
    assert item.met is False and item.outcome["words"] == len(REFLECTION_TEXT.split())
    module = next(m for m in worked.library.modules if m.reflections)
    reflection = module.reflections[0]
    deliver = DeliverEvidence(worked.checklists, worked.reflections, worked.evidence)
    longer = " ".join([REFLECTION_TEXT] * 3)
    deliver.save_reflection(module.id, reflection, longer, reflection.evidences)
    (item,) = by_kind(worked, "reflection")
    assert item.met is True and item.text == longer
    assert [e.action for e in worked.evidence.history(item.id)] == ["added", "edited"]


def test_a_quiz_is_met_only_when_every_question_was_right_first_time(worked: Learner) -> None:
    (item,) = by_kind(worked, "conversation")
    right, questions = item.outcome["right_first_time"], item.outcome["questions"]
    assert questions > 0 and item.met is (right == questions)


def test_a_claim_never_makes_a_conversation_met(worked: Learner) -> None:
    module, conversation = next(
        (m, c) for m in worked.library.modules for c in m.conversations
        if c.id == "drift-teach-back"
    )  # fmt: skip
    session = PracticeSession(worked.conversations, module, conversation)
    session.start()
    session.answer("Imagine the model learned from last year's customers; customers changed.")
    session.answer("We watch the incoming data and alert the owner.")
    session.claim(["Watches the answers and their accuracy"])
    session.carry_on()
    session.choose(0)
    session.answer("I cannot promise it, but we will notice sooner.")
    while not session.finished and session.engine.phase == REVIEW:
        session.carry_on()  # the last answer is kept as it is
    assert session.finished and session.evidence_id is not None
    item = worked.evidence.by_id(session.evidence_id)
    assert item is not None and item.met is False
    assert item.outcome["learner_claimed"] == ["Watches the answers and their accuracy"]
    assert "Watches the answers and their accuracy" in item.outcome["app_did_not_find"]
    assert "Watches the data going in" in item.outcome["app_found"]


def test_the_rules_where_no_threshold_applies() -> None:
    scenario = {"decisions": [{"node": "n", "decided": "x", "consequence": "y"}]}
    assert conversation_outcome("scenario", scenario)[1] is None
    no_points = {"answers": [{"found_by_app": [], "not_found_by_app": []}]}
    assert conversation_outcome("teach_back", no_points)[1] is None
    assert conversation_outcome("quiz", {"right_first_time": 0, "questions": 0})[1] is False
    every_point = {"answers": [{"found_by_app": [{"point": "a"}], "not_found_by_app": [],
                                "learner_says_covered": []}], "stages": ["goal"]}  # fmt: skip
    assert conversation_outcome("teach_back", every_point)[1] is True
    assert conversation_outcome("coaching", every_point)[1] is False  # not every GROW stage
