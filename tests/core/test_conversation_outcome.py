"""The plain-language result of each type of conversation, for the summary and evidence."""

from __future__ import annotations

from tests.core.conversation_paths import bundled_conversations, finish
from zavmo_desktop.core.conversation.engine import ConversationEngine
from zavmo_desktop.core.conversation.outcome import summarise, transcript_text

BY_ID = {c.id: c for _, c in bundled_conversations()}


def started(conversation_id: str) -> ConversationEngine:
    engine = ConversationEngine(BY_ID[conversation_id])
    engine.start()
    return engine


def test_quiz_counts_right_first_time() -> None:
    engine = started("board-metrics-quiz")
    for choice in (0, 1, 0, 0):  # the second question wrong, the others right
        engine.choose(choice)
    assert engine.finished
    outcome = summarise(engine.conversation, engine.transcript)
    assert outcome.headline == "3 of 4 right first time"
    assert outcome.lines[0] == "Question 1: right first time."
    assert outcome.lines[1].startswith(
        "Question 2: not right first time (you chose “Adoption is 14%"
    )
    assert outcome.results["right_first_time"] == 3 and outcome.results["questions"] == 4


def test_scenario_lists_decisions_and_their_consequences() -> None:
    engine = started("build-or-buy-scenario")
    engine.choose(1)
    engine.choose(0)
    outcome = summarise(engine.conversation, engine.transcript)
    assert outcome.headline == "2 decisions made"
    assert outcome.lines == (
        "You decided: Run Kubeflow on our own clusters.",
        "What happened: The team must install, secure and upgrade Kubeflow and the clusters "
        "before the first model can go live.",
        "You decided: Keep Kubeflow for pipelines, but move model serving to a managed service.",
        "What happened: The first model goes live a month later. The team now has time to "
        "finish the second.",
    )


def test_coaching_names_the_grow_stages_covered() -> None:
    engine = started("responsible-ai-grow")
    engine.answer("A bias review process within six months.")
    engine.choose(0)
    engine.answer("Ask Legal; run a fairness audit; read the report.")
    engine.choose(1)
    outcome = summarise(engine.conversation, engine.transcript)
    assert outcome.headline == "GROW stages covered: Goal, Reality, Options, Way forward"
    assert outcome.lines[0].startswith("Goal: You wrote (Describe the change you want")
    assert outcome.results["stages"] == ["goal", "reality", "options", "way_forward"]


def test_answer_types_show_the_learners_words_and_points_covered_and_missed() -> None:
    engine = started("drift-teach-back")
    engine.answer("Imagine the model learned from last year's customers; customers changed.")
    engine.answer("We watch the incoming data and alert the owner.")
    engine.claim(["Watches the answers and their accuracy"])
    engine.carry_on()
    engine.choose(0)
    engine.answer("I cannot promise it, but we will notice sooner.")
    outcome = summarise(engine.conversation, engine.transcript)
    assert outcome.headline == (
        "3 answers in your own words; key points found: 7 of 11 (you said you covered 1 more)"
    )
    assert (
        "You wrote (Explain drift in your own words, with an example.): Imagine"
        in (outcome.lines[0])
    )
    assert outcome.lines[1].startswith("Key points the app found: The model learned from past")
    assert "You said you also covered: Watches the answers and their accuracy." in outcome.lines
    assert any(line.startswith("A strong answer also includes:") for line in outcome.lines)
    second = outcome.results["answers"][1]
    assert second["learner_says_covered"] == ["Watches the answers and their accuracy"]
    assert [p["point"] for p in second["found_by_app"]] == [
        "Watches the data going in",
        "Sets limits that raise an alert, with an owner",
    ]
    assert "Watches the answers and their accuracy" in second["not_found_by_app"]
    assert outcome.parts[1] == (
        "Answer 2: the app found 2 of 4 key points; you said you covered 1 more."
    )
    assert any(line.startswith("You chose: The model learned") for line in outcome.lines)


def test_try_again_keeps_only_the_final_answer_in_the_outcome() -> None:
    engine = started("past-incident-reflection")
    engine.answer("Hmm.")
    engine.try_again()
    engine.answer("The pipeline broke and customers were affected.")
    outcome = summarise(engine.conversation, engine.transcript)
    written = [line for line in outcome.lines if line.startswith("You wrote")]
    assert len(written) == 1 and "pipeline broke" in written[0]
    assert len([t for t in engine.transcript if t.kind == "answer"]) == 2  # both are kept


def test_role_play_counts_choices_and_key_points() -> None:
    engine = started("cfo-platform-value")
    engine.choose(0)
    engine.answer("ROI and GPU spend, reported quarterly.")
    finish(engine)
    outcome = summarise(engine.conversation, engine.transcript)
    assert outcome.headline == "2 choices made; key points found: 3 of 4"


def test_transcript_text_names_each_speaker() -> None:
    engine = started("board-metrics-quiz")
    engine.choose(0)
    text = transcript_text(engine.transcript)
    assert text.startswith("Tutor: The board asks")
    assert "\n\nYou: The revenue gained" in text
    assert "\n\nFeedback: Correct." in text
