"""The shell: navigation by name and by keyboard, and the accessibility of every screen."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.ui.conftest import OpenWindow, skip_onboarding
from zavmo_desktop.ui.main_window import MainWindow


def test_navigation_buttons_are_named_and_switch_screens(window: MainWindow, qtbot: QtBot) -> None:
    for name, screen in (("Discover", "Discover screen"), ("Pathway", "Pathway screen"),
                         ("Library", "Library screen"), ("Settings", "Settings screen"),
                         ("Review", "Review screen"), ("Home", "Home screen")):  # fmt: skip
        qtbot.mouseClick(find_by_name(window, name), Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget().accessibleName() == screen


@pytest.mark.parametrize(
    ("keys", "screen"),
    [
        ("Ctrl+2", "Discover screen"),
        ("Ctrl+3", "Pathway screen"),
        ("Ctrl+4", "Library screen"),
        ("Ctrl+5", "Settings screen"),
        ("Ctrl+6", "Review screen"),
        ("Ctrl+1", "Home screen"),
    ],
)
def test_ctrl_number_shortcuts(window: MainWindow, qtbot: QtBot, keys: str, screen: str) -> None:
    if keys == "Ctrl+1":
        window.show_screen("Library")
    key = {"Ctrl+1": Qt.Key.Key_1, "Ctrl+2": Qt.Key.Key_2, "Ctrl+3": Qt.Key.Key_3,
           "Ctrl+4": Qt.Key.Key_4, "Ctrl+5": Qt.Key.Key_5,
           "Ctrl+6": Qt.Key.Key_6}[keys]  # fmt: skip
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().accessibleName() == screen


def test_ctrl_f_focuses_search(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is find_by_name(window, "Search modules")


READER_TABS = ["reader", "reader:Practise", "reader:Checklists", "reader:Reflections"]
EVERY_SCREEN = [
    "Home", "Discover", "discover-question", "Pathway", "pathway-plan", "pathway-replan",
    "Library", "library-search", "Settings", "Keyboard shortcuts", *READER_TABS,
    "reader-options", "conversation", "Review", "review-question", "review-answer",
]  # fmt: skip


def show(window: MainWindow, screen: str) -> None:
    assert window.learner is not None
    board = window.learner.module("board-storytelling")
    assert board is not None
    if screen.startswith("reader"):
        window.open_module(board)
        window.reader.show_tab(screen.partition(":")[2] or "Read")
    elif screen == "discover-question":
        window.show_screen("Discover")
        window.screen("Discover").start.click()
    elif screen == "library-search":
        window.show_screen("Library")
        window.library.search.setText("stakeholder adoption")
        window.library.search.returnPressed.emit()
    elif screen == "reader-options":
        window.open_module(board)
        window.reader.speech.bar.options.click()
    elif screen == "conversation":
        window.open_conversation(board, board.conversations[0])
        window.conversation_screen.start_button.click()
    elif screen.startswith("review-"):
        window.learner.set_complete(board.id, True)  # its questions join today's review
        window.show_screen("Review")
        if screen == "review-answer":
            find_by_name(window, "Show answer").click()
    elif screen.startswith("pathway-"):
        window.show_screen("Pathway")
        find_by_name(window, "Create my pathway").click()
        if screen == "pathway-replan":
            find_by_name(window, "Catch-up week").click()
    else:
        window.show_screen(screen)
    settle()


@pytest.mark.parametrize("screen", EVERY_SCREEN)
def test_every_screen_passes_the_accessibility_walk(window: MainWindow, screen: str) -> None:
    show(window, screen)
    assert_accessible(window)


def test_tab_moves_focus_through_navigation_into_the_screen(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_screen("Library")
    find_by_name(window, "Home").setFocus()
    visited = []
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().accessibleName())
    assert visited[:5] == ["Discover", "Pathway", "Library", "Settings", "Review"]
    assert "Search modules" in visited and "Modules" in visited


@pytest.mark.parametrize("screen", EVERY_SCREEN)
def test_every_screen_at_double_text_size_clips_nothing(window: MainWindow, screen: str) -> None:
    window.learner.settings.set("text_scale", 200)  # type: ignore[union-attr]
    window.learner.settings.set("theme", "dark")  # type: ignore[union-attr]
    show(window, screen)
    assert_accessible(window)


def test_only_home_is_built_at_start_and_others_on_first_show(open_window: OpenWindow) -> None:
    first = open_window(onboarding=True)
    assert first.built_screens() == ["Onboarding"]  # a first start: Home is not built yet
    assert first.stack.count() == 1
    skip_onboarding(first)
    first.close()
    window = open_window()
    assert window.built_screens() == ["Home"]
    assert window.stack.count() == 1  # the loading page is gone, nothing else waits unseen
    window.show_screen("Library")
    window.show_screen("Home")
    window.show_screen("Library")  # shown twice, built once
    assert window.built_screens() == ["Home", "Library"]
    assert window.stack.count() == 2


def test_the_garbage_collector_runs_again_once_the_learner_can_act(window: MainWindow) -> None:
    assert gc.isenabled()  # app.py pauses it for start-up only
