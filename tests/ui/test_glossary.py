"""The glossary screen and the reader's look-up, driven from the keyboard and found by
accessible name, on the real bundled modules (issue 12 item 10)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, names_starting, settle
from tests.ui.conftest import OpenWindow
from tests.ui.test_keyboard import focused, press
from tests.ui.test_layout import PRESET_LOOKS, WINDOW_SIZES, in_preset
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.read_aloud import IDLE
from zavmo_desktop.ui.shortcuts import SHORTCUTS

OBSERVABILITY = "observability-slos-and-model-health"


@pytest.fixture
def speaking(monkeypatch: pytest.MonkeyPatch, open_window: OpenWindow) -> MainWindow:
    monkeypatch.setenv("ZAVMO_SPEECH", "qt:mock")  # Qt's engine that speaks to no one
    return open_window()


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    qtbot.wait(200)  # the search waits for typing to pause
    settle()


def open_glossary_from_library(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    settle()
    find_by_name(window, "Glossary").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.stack.currentWidget().accessibleName() == "Glossary screen"
    assert focused().accessibleName() == "Search the glossary"


def test_search_arrow_to_a_term_hear_it_and_open_its_module(
    speaking: MainWindow, qtbot: QtBot
) -> None:
    window = speaking
    open_glossary_from_library(window, qtbot)
    assert window.nav_buttons["Library"].isChecked()  # the glossary belongs to the Library
    type_text(qtbot, "CAPACITY")
    press(qtbot, Qt.Key.Key_Return)
    terms = find_by_name(window, "Terms")
    assert focused() is terms
    press(qtbot, Qt.Key.Key_Down)
    screen = window.stack.currentWidget()
    assert screen.entry.term == terms.currentItem().text() == "On-demand capacity"
    definition = find_by_name(window, "Definition").toPlainText()
    assert "paid for by the hour" in definition
    assert "From: Cloud economics for ML budgets" in definition
    assert "From: Cutting the cost of ML in the cloud" in definition  # both modules' words
    assert sorted(names_starting(window, "Open the module ")) == [
        "Open the module Cloud economics for ML budgets",
        "Open the module Cutting the cost of ML in the cloud",
    ]  # this entry's modules only, none left from the term shown before
    find_by_name(window, "Read definition aloud").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    read_aloud = window.read_aloud
    qtbot.waitUntil(lambda: read_aloud.state != IDLE)
    assert read_aloud.view is find_by_name(window, "Definition")
    find_by_name(window, "Open the module Cutting the cost of ML in the cloud").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.reader
    assert window.reader.module.id == "cloud-cost-for-ml"
    assert read_aloud.state == IDLE  # the definition's voice stopped with the screen


def test_a_search_that_finds_nothing_says_so(window: MainWindow, qtbot: QtBot) -> None:
    open_glossary_from_library(window, qtbot)
    type_text(qtbot, "zzqx")
    screen = window.stack.currentWidget()
    assert screen.count.text() == "No terms match “zzqx”. Try fewer or shorter words."
    assert screen.terms.count() == 0
    assert not screen.definition.isVisible()
    with pytest.raises(LookupError):
        find_by_name(window, "Read definition aloud")


def put_caret(window: MainWindow, phrase: str, into: int = 2) -> int:
    text = window.reader.text
    where = text.document().toPlainText().index(phrase) + into
    cursor = text.textCursor()
    cursor.setPosition(where)
    text.setTextCursor(cursor)
    text.setFocus()
    settle()
    return where


def open_observability(window: MainWindow) -> None:
    assert window.learner is not None
    module = window.learner.module(OBSERVABILITY)
    assert module is not None
    window.open_module(module)
    settle()


def test_ctrl_d_on_a_key_term_shows_its_definition_and_escape_goes_back(
    speaking: MainWindow, qtbot: QtBot
) -> None:
    window = speaking
    open_observability(window)
    where = put_caret(window, "error budget", into=8)  # on "budget"
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    lookup = find_by_name(window, "Glossary look-up")
    assert lookup.isVisible()
    assert lookup.title.text() == "Glossary: Error budget"
    assert focused() is lookup.text and focused().accessibleName() == "Definition"
    assert "From: Observability for ML" in lookup.text.toPlainText()
    find_by_name(window, "Read definition aloud").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.read_aloud.view is lookup.text)
    press(qtbot, Qt.Key.Key_Escape)
    assert not lookup.isVisible()
    assert focused() is window.reader.text
    assert window.reader.text.textCursor().position() == where  # the caret where it was
    assert window.read_aloud.state == IDLE


def test_a_selected_short_form_is_looked_up_and_can_open_the_glossary(
    window: MainWindow, qtbot: QtBot
) -> None:
    open_observability(window)
    text = window.reader.text
    start = put_caret(window, "SLO", into=0)
    cursor = text.textCursor()
    cursor.setPosition(start + 3, QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    lookup = find_by_name(window, "Glossary look-up")
    assert lookup.title.text() == "Glossary: Service level objective (SLO)"
    find_by_name(window, "Open in glossary").setFocus()
    press(qtbot, Qt.Key.Key_Space)
    screen = window.stack.currentWidget()
    assert screen.accessibleName() == "Glossary screen"
    assert screen.entry.term == "Service level objective (SLO)"
    assert focused().accessibleName() == "Terms"


def test_a_word_that_is_not_a_term_says_so_plainly(window: MainWindow, qtbot: QtBot) -> None:
    open_observability(window)
    put_caret(window, "What the director owns", into=1)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    lookup = find_by_name(window, "Glossary look-up")
    assert lookup.title.text() == "Not in the glossary"
    assert lookup.text.toPlainText().startswith("“What” is not in the glossary.")
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.reader.text


def test_the_definition_follows_the_learners_spacing_live(window: MainWindow, qtbot: QtBot) -> None:
    open_glossary_from_library(window, qtbot)
    definition = find_by_name(window, "Definition")
    assert window.learner is not None
    window.learner.settings.set("line_spacing", 200)
    settle()
    assert "line-height: 200%" in definition.document().defaultStyleSheet()


def test_the_shortcuts_page_lists_the_look_up_key() -> None:
    reader_keys = {s.keys for s in SHORTCUTS if s.where == "Reader"}
    assert {"Ctrl+D", "Escape"} <= reader_keys
    assert [s.keys for s in SHORTCUTS].count("Ctrl+D") == 1  # no other use of the key


@pytest.mark.parametrize("screen", ["glossary", "glossary-search", "reader-lookup"])
@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_the_glossary_and_look_up_at_200_percent_clip_nothing(
    window: MainWindow, qtbot: QtBot, preset: str, screen: str
) -> None:
    in_preset(window, preset, 200, WINDOW_SIZES[0])
    if screen == "reader-lookup":
        open_observability(window)
        put_caret(window, "error budget")
        press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    else:
        window.open_glossary()
        if screen == "glossary-search":
            type_text(qtbot, "total cost")  # two definitions, two modules to open
    settle()
    assert_accessible(window)
