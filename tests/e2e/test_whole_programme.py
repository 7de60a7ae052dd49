"""The whole programme in the real window (issue 12, Done when): a pathway over the whole
framework takes in every module; every module opens in the reader and its text is spoken
by espeak-ng; every practice conversation plays to its end; a day's review works."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.core.pathway_helpers import request
from tests.e2e.test_deliver_journey import play_to_the_end
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.speech.espeak import Espeak
from zavmo_desktop.speech.text import chunks
from zavmo_desktop.speech.utterance import synthesise_span
from zavmo_desktop.ui.main_window import MainWindow


def test_a_pathway_over_the_whole_framework_takes_in_every_module() -> None:
    whole = request()  # nothing assessed yet: planned as if starting from nothing
    plan = make_plan(whole)
    planned = {part.module_id for part in plan.parts if part.module_id}
    assert planned == {m.id for m in whole.modules} and len(planned) >= 40
    assert plan.uncovered == ()


def test_every_module_opens_is_spoken_and_its_practice_plays_to_the_end(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None and len(learner.library.modules) >= 40
    espeak = Espeak.shared()
    for module in learner.library.modules:
        window.open_module(module)
        settle()
        assert window.stack.currentWidget() is window.reader
        assert find_by_name(window.reader, module.title).isVisible()  # its heading
        text = window.reader.text.toPlainText()
        spans = chunks(text)
        spoken = synthesise_span(espeak, text, spans[len(spans) // 2])  # from the middle
        assert spoken.duration_ms > 500 and spoken.words, module.id
        for conversation in module.conversations:
            window.open_conversation(module, conversation)
            settle()
            play_to_the_end(window, qtbot, conversation)
        learner.set_complete(module.id, True)
    finished = {item.activity_id for item in learner.evidence.all() if item.kind == "conversation"}
    assert finished == {c.id for m in learner.library.modules for c in m.conversations}
    review = learner.todays_review(datetime.now().astimezone())
    assert review.in_deck == sum(len(m.retrieval) for m in learner.library.modules)
    assert 0 < len(review.cards) <= 8 and review.minutes <= 10
