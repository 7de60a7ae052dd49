"""The About your learning page: opened from Settings and from the onboarding's "How you
work best" step, read aloud, and Back to the button that opened it (issue 12 item 12)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.ui.conftest import OpenWindow
from tests.ui.test_keyboard import focused, press
from tests.ui.test_layout import PRESET_LOOKS, WINDOW_SIZES, in_preset
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.read_aloud import IDLE

TEXT = "About your learning text"


def open_from_settings(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    settle()
    find_by_name(window, "About your learning").setFocus()
    press(qtbot, Qt.Key.Key_Space)


def test_from_settings_read_it_hear_it_and_go_back_to_the_button(
    monkeypatch: pytest.MonkeyPatch, open_window: OpenWindow, qtbot: QtBot
) -> None:
    monkeypatch.setenv("ZAVMO_SPEECH", "qt:mock")
    window = open_window()
    open_from_settings(window, qtbot)
    assert window.stack.currentWidget().accessibleName() == "About your learning screen"
    assert window.nav_buttons["Settings"].isChecked()
    assert focused().accessibleName() == TEXT
    words = find_by_name(window, TEXT).toPlainText()
    for part in ("ADHD", "Dyslexia", "Autism", "Where and how you work", "focus timer"):
        assert part in words
    find_by_name(window, "Read this page aloud").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.read_aloud.view is find_by_name(window, TEXT))
    assert find_by_name(window, "Stop reading").isVisible()
    press(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    settings = window.settings_screen
    qtbot.waitUntil(lambda: window.stack.currentWidget() is settings, timeout=2000)
    assert focused().accessibleName() == "About your learning"
    assert window.read_aloud.state == IDLE


def test_from_the_onboarding_how_you_work_step_and_back(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(onboarding=True)
    onboarding = window.onboarding_screen
    onboarding.go_to(3)  # How you work best: the optional questions
    settle()
    find_by_name(window, "About your learning").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.stack.currentWidget().accessibleName() == "About your learning screen"
    find_by_name(window, "Back").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is onboarding
    assert onboarding.step == 3
    assert focused().accessibleName() == "About your learning"


def test_the_page_follows_the_learners_spacing_live(window: MainWindow, qtbot: QtBot) -> None:
    open_from_settings(window, qtbot)
    assert window.learner is not None
    window.learner.settings.set("line_spacing", 200)
    settle()
    assert "line-height: 200%" in find_by_name(window, TEXT).document().defaultStyleSheet()


@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_the_page_at_200_percent_clips_nothing(
    window: MainWindow, qtbot: QtBot, preset: str
) -> None:
    in_preset(window, preset, 200, WINDOW_SIZES[0])
    open_from_settings(window, qtbot)
    settle()
    assert_accessible(window)
