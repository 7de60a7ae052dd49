"""Features the organisation hides are gone everywhere: buttons, shortcuts, the shortcuts
page, bars, links and settings sections, all through the one Features object."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, names_starting
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.org.config import FEATURES
from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.ui.main_window import MainWindow


def config(tmp_path: Path, hidden: list[str]) -> str:
    path = tmp_path / "org.toml"
    path.write_text(f"hide_features = {hidden!r}\n", encoding="utf-8")
    return str(path)


def shortcut_rows(window: MainWindow) -> list[str]:
    window.show_screen("Keyboard shortcuts")
    table = window.shortcuts_screen.table
    return [
        f"{table.item(row, 0).text()} {table.item(row, 1).text()}"
        for row in range(table.rowCount())
        if table.item(row, 1) is not None
    ]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.focusWidget() or window, key, modifiers)


@pytest.fixture
def bare(open_window: OpenWindow, tmp_path: Path) -> MainWindow:
    """Everything an organisation can hide, hidden."""
    return open_window("--org-config", config(tmp_path, list(FEATURES)))


def test_hidden_screens_have_no_button_shortcut_or_row(bare: MainWindow, qtbot: QtBot) -> None:
    assert list(bare.nav_buttons) == ["Home", "Library", "Settings", "Keyboard shortcuts"]
    assert bare._nav_bar.buttons["Library"].toolTip() == "Library (Ctrl+4)"  # numbers kept
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_6):
        press(qtbot, bare, key)
    assert not {"Discover", "Pathway", "Review"} & set(bare.built_screens())
    bare.show_screen("Review")
    assert bare.built("Review") is None
    rows = shortcut_rows(bare)
    assert "Ctrl+4 Go to Library" in rows
    for gone in ("Go to Discover", "Go to Pathway", "Go to Review", "focus session",
                 "glossary", "Read aloud", "Stop reading aloud"):  # fmt: skip
        assert not [row for row in rows if gone in row], gone


def test_no_focus_timer_anywhere(bare: MainWindow, qtbot: QtBot) -> None:
    assert bare.timer.isHidden()
    press(qtbot, bare, Qt.Key.Key_T)
    assert bare.learner is not None and bare.learner.settings.get("show_focus_timer") is False
    assert not bare.timer.isVisible()
    bare.show_screen("Settings")
    with pytest.raises(LookupError):
        find_by_name(bare.settings_screen, SPECS["show_focus_timer"].label)
    with pytest.raises(LookupError):
        find_by_name(bare.settings_screen, SPECS["reading_speed"].label)  # read-aloud's too
    bare.show_screen("Home")
    assert names_starting(bare.home, "Focus time") == []
    assert names_starting(bare.home, "Go to my pathway") == []


def test_no_read_aloud_and_no_glossary_in_the_library_and_reader(
    bare: MainWindow, qtbot: QtBot
) -> None:
    bare.show_screen("Library")
    with pytest.raises(LookupError):
        find_by_name(bare.library, "Glossary")
    assert bare.learner is not None
    module = bare.learner.library.modules[0]
    bare.open_module(module)
    reader = bare.reader
    assert reader.speech.bar.isHidden()
    reader.speech.bar.show()  # what a screen does as it goes: the bar stays away
    assert reader.speech.bar.isHidden()
    assert names_starting(reader, "Read aloud") == []
    reader.text.setFocus()
    press(qtbot, bare, Qt.Key.Key_R)
    assert bare.read_aloud.state == "idle"
    press(qtbot, bare, Qt.Key.Key_D)
    assert reader.lookup.isHidden()
    assert names_starting(reader, "Open in glossary") == []
    bare.open_glossary("anything")
    assert bare.built("Glossary") is None


def test_hiding_export_takes_the_calendar_export_away(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    window = open_window("--org-config", config(tmp_path, ["export"]))
    pathway = window.screen("Pathway")
    assert not pathway.buttons.isAncestorOf(pathway.export_button)
    assert list(window.nav_buttons)[:3] == ["Home", "Discover", "Pathway"]


def test_without_a_config_every_feature_is_there(window: MainWindow) -> None:
    assert {"Discover", "Pathway", "Review"} <= set(window.nav_buttons)
    rows = shortcut_rows(window)
    assert any("Go to Review" in row for row in rows)
    assert any("Read aloud" in row for row in rows)
    pathway = window.screen("Pathway")
    assert pathway.buttons.isAncestorOf(pathway.export_button)
