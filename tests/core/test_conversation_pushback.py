"""A debate's pushback answers what the learner argued: carrying on from a written answer
goes to the `if_missed` turn of the first key point the app did not find (and the learner
did not claim). Played on the bundled build-or-buy debate."""

from __future__ import annotations

from tests.core.conversation_paths import bundled_conversations
from zavmo_desktop.core.conversation.engine import REVIEW, ConversationEngine

DEBATE = next(c for _, c in bundled_conversations() if c.id == "build-or-buy-debate")
COST = "Over three years the total cost of ownership, with the engineers, favours the mix."
CONTROL = "We keep serving in-house, because its latency is what sets us apart."
EXIT = "Containers keep the exit cost low, and we review it before each renewal."


def written_case(text: str) -> ConversationEngine:
    engine = ConversationEngine(DEBATE)
    engine.start()
    engine.choose(2)  # the mix
    assert engine.node_id == "make-the-case"
    engine.answer(text)
    return engine


def test_a_case_without_an_exit_is_pressed_on_the_exit() -> None:
    engine = written_case(f"{COST} {CONTROL}")
    assert engine.phase == REVIEW
    said = engine.carry_on()
    assert said[0].node == "press-exit" and "how we get out" in said[0].text


def test_the_first_missing_point_decides_the_pushback() -> None:
    engine = written_case(EXIT)  # no cost and no control: cost comes first in the rubric
    assert [t.node for t in engine.carry_on()] == ["press-cost"]
    engine = written_case(f"{COST} {EXIT}")
    assert [t.node for t in engine.carry_on()] == ["press-control"]


def test_a_point_the_learner_claims_is_not_pressed() -> None:
    engine = written_case(f"{CONTROL} {EXIT}")
    cost = DEBATE.node("make-the-case").answer.rubric[0].point  # type: ignore[union-attr]
    engine.claim([cost])
    said = engine.carry_on()
    assert [t.node for t in said if t.role != "learner"] == ["verdict"]


def test_a_full_case_goes_straight_to_the_verdict() -> None:
    engine = written_case(f"{COST} {CONTROL} {EXIT}")
    assert engine.node_id == "verdict" and engine.finished
