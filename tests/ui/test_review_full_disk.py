"""The Review screen on a really full disk: a rating that cannot be kept says so where the
learner acted, the card and their words stay, and both are saved once there is room."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.ui.test_save_failures import BOARD, FullDisk, disk, window  # noqa: F401
from zavmo_desktop.ui.main_window import MainWindow


def test_a_rating_that_cannot_be_saved_keeps_the_card_and_the_words(
    window: MainWindow,  # noqa: F811
    disk: FullDisk,  # noqa: F811
    qtbot: QtBot,
) -> None:
    assert window.learner is not None
    window.learner.set_complete(BOARD, True)
    window.show_screen("Review")
    screen = window.screen("Review")
    question = screen.question.message
    disk.fill()
    box = find_by_name(window, "Your answer")
    assert isinstance(box, QPlainTextEdit)
    box.setFocus()
    qtbot.keyClicks(box, "value, cost and risk")
    find_by_name(window, "Show answer").click()
    find_by_name(window, "Yes").click()
    settle()
    assert screen.save_status.failing and screen.save_status.isVisible()
    assert screen.question.message == question  # not moved on: nothing was kept
    assert box.toPlainText() == "value, cost and risk"
    assert disk.stored("SELECT count(*) FROM review_log") == [(0,)]

    disk.free()
    find_by_name(window, "Yes").click()
    settle()
    assert disk.stored("SELECT rating, answer FROM review_log") == [(3, "value, cost and risk")]
    assert screen.question.message != question
