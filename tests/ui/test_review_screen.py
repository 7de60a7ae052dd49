"""The Review screen, as a keyboard user meets it: the real window, the real bundled pack and
a real learner database; widgets found by their accessible names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.ui.conftest import OpenWindow
from tests.ui.test_keyboard import focused, press
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.ui.main_window import MainWindow

BOARD = "board-storytelling"


def finish_board(window: MainWindow) -> int:
    assert window.learner is not None
    window.learner.set_complete(BOARD, True)
    module = window.learner.module(BOARD)
    assert module is not None
    return len(module.retrieval)


def stored(data_dir: Path, sql: str) -> list[tuple[object, ...]]:
    """What is on disk now, read as another process would (as after a crash)."""
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_whole_review_from_the_keyboard(
    window: MainWindow, qtbot: QtBot, data_dir: Path
) -> None:
    count = finish_board(window)
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().accessibleName() == "Review screen"
    screen = window.screen("Review")
    assert count == 6 and screen.summary.text() == "Review: 6 questions, about 8 minutes."
    assert focused() is find_by_name(window, "Your answer")
    for number in range(1, count + 1):
        assert screen.progress.text() == f"Question {number} of {count}."
        qtbot.keyClicks(focused(), f"what I recall, {number}")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is find_by_name(window, "Show answer")
        press(qtbot, Qt.Key.Key_Space)
        assert screen.yours.text() == f"what I recall, {number}"
        assert screen.model_answer.isVisible() and screen.model_answer.message
        assert find_by_name(window, "How well did you know it?").isVisible()
        assert focused() is find_by_name(window, "I didn't remember it")
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is find_by_name(window, "Yes")
        press(qtbot, Qt.Key.Key_Return)
    assert screen.end_text.text().startswith("That's today's review done. Next review: ")
    assert "overdue" not in screen.end_text.text().lower()
    assert focused() is find_by_name(window, "Back to Home")
    logged = stored(data_dir, "SELECT rating, answer FROM review_log ORDER BY id")
    assert logged == [(3, f"what I recall, {n}") for n in range(1, count + 1)]
    items = stored(data_dir, "SELECT text FROM evidence WHERE kind = 'retrieval' ORDER BY id")
    assert items == [(f"what I recall, {n}",) for n in range(1, count + 1)]
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home


def test_what_is_typed_is_on_disk_before_the_answer_is_shown(
    open_window: OpenWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window()
    finish_board(window)
    window.show_screen("Review")
    box = find_by_name(window, "Your answer")
    assert isinstance(box, QPlainTextEdit)
    box.setFocus()
    qtbot.keyClicks(box, "value, cost, risk")
    # No button pressed, nothing left: a short pause in typing is enough.
    qtbot.waitUntil(
        lambda: stored(data_dir, "SELECT draft FROM review_cards WHERE draft != ''") != []
    )
    assert stored(data_dir, "SELECT draft FROM review_cards WHERE draft != ''") == [
        ("value, cost, risk",)
    ]
    window.close()
    again = open_window()
    again.show_screen("Review")
    assert find_by_name(again, "Your answer").toPlainText() == "value, cost, risk"  # type: ignore[attr-defined]


def test_home_offers_the_days_review_as_a_short_step(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.home.pathway.open_review.isVisible()  # nothing finished yet
    assert not window.home.pathway.review.isVisible()
    count = finish_board(window)
    window.home.refresh()
    settle()
    assert window.home.pathway.review.text() == f"Review: {count} questions, about 8 minutes."
    find_by_name(window, "Open today's review").setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget().accessibleName() == "Review screen"
    assert focused() is find_by_name(window, "Your answer")


def test_nothing_to_review_yet_says_how_questions_arrive(window: MainWindow) -> None:
    window.show_screen("Review")
    screen = window.screen("Review")
    assert screen.end_text.isVisible()
    assert "When you finish a module" in screen.end_text.text()
    assert not screen.card.isVisible()


@pytest.fixture
def mock_speech(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZAVMO_SPEECH", "qt:mock")  # Qt's mock engine: words, deterministically


@pytest.mark.usefixtures("mock_speech")
def test_ctrl_r_reads_the_question_then_the_model_answer(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    finish_board(window)
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    screen = window.screen("Review")
    voice = window.read_aloud
    heard: list[object] = []
    voice.spoken.connect(lambda view, at: heard.append(view) if at >= 0 else None)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.question in heard, timeout=10000)
    voice.stop()
    settle()
    find_by_name(window, "Show answer").click()
    screen.speech.bar.scope.setCurrentIndex(1)  # "The question and the model answer"
    heard.clear()
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.model_answer in heard, timeout=30000)
    assert heard[0] is screen.question  # the question first, then its answer
    voice.stop()
