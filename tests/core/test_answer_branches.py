"""A written answer's `branches`: the next turn follows the argument the app found."""

from __future__ import annotations

import json

from zavmo_desktop.core.content.models import (
    Branch,
    Conversation,
    FreeAnswer,
    Node,
    RubricPoint,
)
from zavmo_desktop.core.conversation.engine import REVIEW, ConversationEngine, Turn

ARGUE = FreeAnswer(
    prompt="Make your case.",
    rubric=(
        RubricPoint("Argues from the discount", ("discount", "cheaper")),
        RubricPoint("Argues from flexibility", ("flexible", "lock in")),
        RubricPoint("Names a date to review", ("review",)),
    ),
    min_points=3,
    next="no-argument",
    branches=(Branch(2, "push-flexibility"), Branch(1, "push-discount")),
)
DEBATE = Conversation(
    id="commit-debate",
    type="debate",
    title="Commit or stay flexible?",
    summary="Argue a position.",
    evidences=(),
    start="argue",
    nodes=(
        Node("argue", "Should we commit to three years?", answer=ARGUE),
        Node("push-discount", "The discount only pays if we use it."),
        Node("push-flexibility", "Flexibility costs 40% more."),
        Node("no-argument", "What is your argument?"),
    ),
)


def argue(text: str) -> list[Turn]:
    engine = ConversationEngine(DEBATE)
    engine.start()
    said = engine.answer(text)
    if engine.phase == REVIEW:  # too few points for this turn: the learner carries on
        said += engine.carry_on()
    return said


def test_the_pushback_answers_the_argument_the_learner_made() -> None:
    assert argue("A three-year commitment is cheaper.")[-1].node == "push-discount"
    assert argue("Staying flexible matters more to us.")[-1].node == "push-flexibility"


def test_the_first_branch_whose_point_was_found_decides() -> None:
    said = argue("It is cheaper, but I'd rather stay flexible, and review it in a year.")
    assert said[-1].node == "push-flexibility"


def test_an_answer_with_no_branch_point_goes_to_next() -> None:
    assert argue("I am not sure yet.")[-1].node == "no-argument"
    assert argue("We should not lock in, and it is not cheaper.")[-1].node == "no-argument"


def test_the_learners_claim_never_picks_a_branch() -> None:
    engine = ConversationEngine(DEBATE)
    engine.start()
    engine.answer("I am not sure yet.")
    engine.claim(["Argues from flexibility"])
    said = engine.carry_on()
    assert said[0].kind == "claim" and said[-1].node == "no-argument"


def test_a_resumed_review_still_follows_what_the_app_found() -> None:
    engine = ConversationEngine(DEBATE)
    engine.start()
    engine.answer("Being flexible is worth the price.")
    state = json.loads(json.dumps(engine.state()))
    turns = [Turn(**json.loads(json.dumps(vars(t)))) for t in engine.transcript]
    resumed = ConversationEngine.restore(DEBATE, state, turns)
    assert resumed.carry_on()[-1].node == "push-flexibility"
