"""The dialogue engine on the real bundled conversations: every branch reaches an ending."""

from __future__ import annotations

import json

import pytest

from tests.core.conversation_paths import (
    branches,
    bundled_conversations,
    finish,
    full_answer,
    reach,
)
from zavmo_desktop.core.content.models import CONVERSATION_TYPES, Conversation, Module
from zavmo_desktop.core.conversation.engine import (
    FINISHED,
    REPLY,
    REVIEW,
    ConversationEngine,
    ConversationError,
    Turn,
)
from zavmo_desktop.core.conversation.outcome import summarise

CONVERSATIONS = bundled_conversations()
BY_ID = {c.id: c for _, c in CONVERSATIONS}


def ids(item: tuple[Module, Conversation]) -> str:
    return f"{item[1].type}:{item[1].id}"


def round_trip(engine: ConversationEngine) -> ConversationEngine:
    """What the database does to an engine: its state and turns through JSON and back."""
    state = json.loads(json.dumps(engine.state()))
    turns = [Turn(**json.loads(json.dumps(vars(t)))) for t in engine.transcript]
    return ConversationEngine.restore(engine.conversation, state, turns)


def test_the_bundled_content_has_all_ten_types() -> None:
    assert {c.type for _, c in CONVERSATIONS} == set(CONVERSATION_TYPES)


@pytest.mark.parametrize("item", CONVERSATIONS, ids=ids)
def test_every_branch_of_every_bundled_conversation_reaches_an_ending(
    item: tuple[Module, Conversation],
) -> None:
    conversation = item[1]
    taken = 0
    for node_id, move in branches(conversation):
        engine = ConversationEngine(conversation)
        engine.start()
        reach(engine, node_id)
        engine = round_trip(engine)  # resuming anywhere works as well as carrying on
        if isinstance(move, int):
            engine.choose(move)
        elif move == "enough":
            engine.answer(full_answer(engine.node))
        else:
            engine.answer("I am not sure yet.")
            assert engine.phase == REVIEW
            engine = round_trip(engine)
            engine.carry_on()
        finish(engine)
        assert engine.finished and engine.node.is_ending
        assert engine.transcript[-1].details.get("ending") is True
        outcome = summarise(conversation, engine.transcript)
        assert outcome.headline and outcome.lines
        json.dumps(outcome.results)
        taken += 1
    assert taken >= 2


def test_tutor_turns_that_carry_on_are_said_one_after_another() -> None:
    engine = ConversationEngine(BY_ID["loan-model-bias-case"])
    said = engine.start()
    assert [t.node for t in said] == ["intro", "first-step"]
    assert all(t.role == "tutor" and t.speaker == "Tutor" for t in said)
    assert engine.phase == REPLY and len(engine.replies) == 3


def test_a_choice_shows_its_feedback_and_the_next_turn() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    first = engine.start()
    assert first[0].speaker == "CFO"
    said = engine.choose(1)
    assert [(t.role, t.speaker) for t in said] == [
        ("learner", "You"),
        ("feedback", "Feedback"),
        ("tutor", "CFO"),  # redirect, which carries on to...
        ("tutor", "CFO"),  # ...the opening question again
    ]
    assert said[1].text.startswith("The CFO asked about value")
    assert engine.node_id == "opening" and engine.phase == REPLY


def test_a_scenario_choice_shows_its_consequence() -> None:
    engine = ConversationEngine(BY_ID["build-or-buy-scenario"])
    engine.start()
    said = engine.choose(0)
    consequence = [t for t in said if t.kind == "consequence"]
    assert len(consequence) == 1 and consequence[0].speaker == "What happens"
    assert consequence[0].text.startswith("The team starts quickly")


def test_an_answer_with_every_point_moves_on() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    engine.start()
    engine.choose(0)
    said = engine.answer("ROI, cloud cost and adoption, every three months.")
    rubric = said[1]
    assert rubric.kind == "rubric" and rubric.details["enough"] is True
    assert rubric.text.startswith("The app found all 4 key points in your answer:")
    assert "(you wrote “every three months”)" in rubric.text
    assert said[2].node == "risk" and engine.phase == REPLY and engine.draft == ""


def test_a_missed_point_shows_what_a_strong_answer_also_includes() -> None:
    """Even an answer with enough points pauses, so the learner can say what they covered."""
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    engine.start()
    engine.choose(0)
    said = engine.answer("We will report ROI and cloud cost every quarter.")
    assert said[1].details["enough"] is True and engine.phase == REVIEW
    assert "A strong answer also includes:\n• Names a measure of platform adoption" in said[1].text
    assert "✗" not in said[1].text and "Missed" not in said[1].text


def test_too_few_points_lets_the_learner_try_again_with_their_answer_or_carry_on() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    engine.start()
    engine.choose(0)
    said = engine.answer("  We will show revenue.  ")
    assert [t.kind for t in said] == ["answer", "rubric"]
    assert said[0].text == "We will show revenue."
    assert engine.phase == REVIEW and engine.draft == "We will show revenue."
    assert engine.free_answer is not None and engine.replies == ()
    assert engine.last_rubric is not None and len(engine.last_rubric.covered) == 1
    with pytest.raises(ConversationError):
        engine.answer("again")  # first say which: try again or carry on
    engine.try_again()
    assert engine.phase == REPLY and engine.draft == "We will show revenue."
    said = engine.answer("We will show revenue, GPU spend and platform usage, monthly.")
    assert said[0].details["attempt"] == 2 and said[1].details["enough"] is True
    assert engine.node_id == "risk"


def test_the_learners_claim_is_kept_apart_from_what_the_app_found() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    engine.start()
    engine.choose(0)
    engine.answer("Money in against money out, shown to you on one page.")
    missed = [p.point for p in engine.last_rubric.missed]  # type: ignore[union-attr]
    engine.claim([missed[0], "Not a point of this rubric"])
    assert engine.claims == (missed[0],)
    engine = round_trip(engine)  # kept while reviewing, across a restart
    assert engine.claims == (missed[0],)
    said = engine.carry_on()
    claim = said[0]
    assert claim.role == "learner" and claim.kind == "claim"
    assert claim.details["claimed"] == [missed[0]]
    assert claim.text == f"I believe I also covered: {missed[0]}."
    rubric = next(t for t in engine.transcript if t.kind == "rubric")
    assert all(not p["words"] for p in rubric.details["points"])  # the app's result unchanged
    assert engine.learner_turns() == 2  # a claim is not another turn


def test_carry_on_moves_on_without_the_missing_points() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    engine.start()
    engine.choose(0)
    engine.answer("Trust me.")
    said = engine.carry_on()
    assert [t.node for t in said] == ["risk"] and engine.draft == ""


def test_impossible_moves_are_refused() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    with pytest.raises(ConversationError):
        engine.choose(0)  # not started
    engine.start()
    with pytest.raises(ConversationError):
        engine.start()
    with pytest.raises(ConversationError):
        engine.choose(7)
    with pytest.raises(ConversationError):
        engine.answer("a choice is wanted here")
    with pytest.raises(ConversationError):
        engine.carry_on()
    engine.choose(0)
    with pytest.raises(ConversationError):
        engine.answer("   ")
    with pytest.raises(ConversationError):
        engine.choose(0)


def test_state_keeps_the_exact_turn_and_a_half_typed_draft() -> None:
    engine = ConversationEngine(BY_ID["cfo-platform-value"])
    engine.start()
    engine.choose(0)
    engine.set_draft("We will report the reve")
    again = round_trip(engine)
    assert (
        again.state()
        == engine.state()
        == {
            "version": 1,
            "node": "figures",
            "phase": REPLY,
            "draft": "We will report the reve",
            "claims": [],
        }
    )
    assert again.transcript == engine.transcript
    again.answer(again.draft + "nue, cloud cost and adoption, monthly")
    assert again.node_id == "risk"


def test_a_saved_state_that_no_longer_fits_the_content_is_refused() -> None:
    conversation = BY_ID["cfo-platform-value"]
    good = {"version": 1, "node": "figures", "phase": REPLY, "draft": ""}
    for bad in (
        {**good, "node": "gone"},
        {**good, "phase": "dancing"},
        {**good, "version": 99},
        {**good, "phase": REVIEW, "node": "opening"},  # a choice cannot be under review
        {**good, "phase": FINISHED},  # not an ending
        {},
    ):
        with pytest.raises(ConversationError):
            ConversationEngine.restore(conversation, bad, [])


def test_a_loop_of_tutor_turns_is_caught() -> None:
    from dataclasses import replace

    conversation = BY_ID["cfo-platform-value"]
    looped = replace(
        conversation,
        nodes=tuple(
            replace(n, replies=(), next="overpromise") if n.id == "risk" else n
            for n in conversation.nodes
        ),
    )
    engine = ConversationEngine(looped)
    engine.start()
    engine.choose(0)
    with pytest.raises(ConversationError, match="loop"):
        engine.answer("ROI, cloud cost and adoption, monthly")
