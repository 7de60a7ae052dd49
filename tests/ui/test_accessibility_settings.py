"""The accessibility settings, driven as a keyboard or screen-reader user would drive them."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QTextCursor
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, names_starting, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.settings import resolve
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.shortcuts import SHORTCUTS

CONTRACT = ["Font", "Text size", "Line spacing", "Letter spacing", "Word spacing",
            "Paragraph spacing", "Theme", "Line focus", "Reading ruler", "Reduce motion",
            "Preset"]  # fmt: skip


def choose(window: MainWindow, name: str, text: str) -> None:
    """Pick an item in a named list, by keyboard, as its visible text."""
    combo = find_by_name(window, name)
    assert isinstance(combo, QComboBox) and combo.isEnabled()
    index = combo.findText(text)
    assert index >= 0, f"{name} offers no {text!r}"
    combo.setFocus()
    combo.setCurrentIndex(index)
    settle()


def test_settings_offer_every_contract_control_by_name(window: MainWindow) -> None:
    window.show_screen("Settings")
    for name in CONTRACT:
        find_by_name(window, name)
    assert isinstance(find_by_name(window, "Reading ruler"), QCheckBox)
    assert isinstance(find_by_name(window, "Reduce motion"), QCheckBox)


def test_font_changes_live_and_is_kept(open_window: OpenWindow) -> None:
    window = open_window()
    window.show_screen("Settings")
    choose(window, "Font", "Lexend")
    assert QApplication.font().family() == "Lexend"
    window.open_module(window.learner.library.modules[0])  # type: ignore[union-attr]
    assert window.reader.text.font().family() == "Lexend"
    window.close()
    again = open_window()
    assert QApplication.font().family() == "Lexend"
    again.show_screen("Settings")
    assert find_by_name(again, "Font").currentText() == "Lexend"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("font", "family"),
    [("OpenDyslexic", "OpenDyslexic"), ("Atkinson Hyperlegible", "Atkinson Hyperlegible")],
)
def test_bundled_fonts_really_load(window: MainWindow, font: str, family: str) -> None:
    window.show_screen("Settings")
    choose(window, "Font", font)
    assert QFontInfo(QApplication.font()).family() == family  # not a fallback


def test_spacing_reaches_wcag_1_4_12_and_the_reader_follows(window: MainWindow) -> None:
    window.show_screen("Settings")
    choose(window, "Line spacing", "1.5 lines (recommended)")
    choose(window, "Letter spacing", "0.12 × text size (WCAG)")
    choose(window, "Word spacing", "0.16 × text size (WCAG)")
    choose(window, "Paragraph spacing", "2 × text size (WCAG)")
    font = QApplication.font()
    pixels = QFontInfo(font).pixelSize()
    assert font.letterSpacingType() == QFont.SpacingType.AbsoluteSpacing
    assert font.letterSpacing() == pytest.approx(0.12 * pixels, abs=0.01)
    assert font.wordSpacing() == pytest.approx(0.16 * pixels, abs=0.01)
    window.open_module(window.learner.library.modules[0])  # type: ignore[union-attr]
    settle()
    block = window.reader.text.document().findBlockByNumber(2).blockFormat()  # summary, h2, p
    assert block.lineHeight() == pytest.approx(150)
    assert block.bottomMargin() == pytest.approx(2 * pixels, abs=1)
    assert window.reader.text.horizontalScrollBar().maximum() == 0  # nothing pushed sideways


def test_the_dyslexia_preset_follows_the_bda_numbers(window: MainWindow, qtbot: QtBot) -> None:
    window.show_screen("Settings")
    choose(window, "Preset", PRESETS["dyslexia"].name)
    qtbot.mouseClick(find_by_name(window, "Apply preset"), Qt.MouseButton.LeftButton)
    settle()
    assert names_starting(window, "In use: Dyslexia (BDA style)")
    font = QApplication.font()
    assert font.family() == "Lexend"
    assert 12 <= font.pointSizeF() <= 14
    plain = QFont(font)
    plain.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0)
    plain.setWordSpacing(0)
    bare = QFontMetricsF(plain)
    letter_width = sum(bare.horizontalAdvance(c) for c in string.ascii_lowercase) / 26
    letter, word = font.letterSpacing(), font.wordSpacing()
    assert 0.30 <= letter / letter_width <= 0.40  # ~0.35 of the average letter
    assert bare.horizontalAdvance(" ") + letter + word >= 3.5 * letter
    window.open_module(window.learner.module("model-incidents"))  # type: ignore[union-attr,arg-type]
    settle()
    css = window.reader.text.document().defaultStyleSheet()
    assert "em, i { font-style: normal; font-weight: bold; }" in css
    assert "justify" not in css
    assert window.reader.aids.lines == 3


def test_preview_changes_wait_until_applied(window: MainWindow, qtbot: QtBot) -> None:
    settings = window.learner.settings  # type: ignore[union-attr]
    window.show_screen("Settings")
    find_by_name(window, "Preview changes before they apply").click()  # type: ignore[attr-defined]
    assert settings.get("preview_changes") is True
    choose(window, "Theme", "Cream")
    choose(window, "Text size", "150%")
    assert (settings.get("theme"), settings.get("text_scale")) == ("light", 100)
    assert names_starting(window, "2 changes waiting: Theme, Text size")
    qtbot.mouseClick(find_by_name(window, "Discard changes"), Qt.MouseButton.LeftButton)
    assert find_by_name(window, "Theme").currentText() == "Light"  # type: ignore[attr-defined]
    choose(window, "Theme", "Cream")
    qtbot.mouseClick(find_by_name(window, "Apply changes"), Qt.MouseButton.LeftButton)
    assert settings.get("theme") == "cream"
    with pytest.raises(LookupError):
        find_by_name(window, "Preview of your changes")  # gone once nothing is waiting


def test_profile_export_and_import_carry_settings_to_another_machine(
    open_window: OpenWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    window.learner.settings.apply(PRESETS["low_vision"].values)  # type: ignore[union-attr]
    profile = tmp_path / "me.zavmo-profile.json"
    window.settings_screen.export_to(profile)
    assert json.loads(profile.read_text())["settings"]["theme"] == "high_contrast"
    window.close()

    other = tmp_path / "other-laptop"
    other.mkdir()
    monkeypatch.setenv("ZAVMO_DATA_DIR", str(other))
    fresh = open_window("--data-dir", str(other))
    fresh.show_screen("Settings")
    assert fresh.learner.settings.get("theme") == "light"  # type: ignore[union-attr]
    fresh.settings_screen.import_from(profile)
    assert fresh.learner.settings.get("theme") == "high_contrast"  # type: ignore[union-attr]
    assert fresh.learner.settings.get("text_scale") == 150  # type: ignore[union-attr]

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "zavmo-accessibility-profile",\n  "version": }')
    fresh.settings_screen.import_from(broken)
    assert names_starting(fresh, f"Nothing was changed. {broken}:2: not valid JSON")
    assert fresh.learner.settings.get("theme") == "high_contrast"  # type: ignore[union-attr]


def test_line_focus_shows_whole_lines_and_follows_the_caret(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.learner.settings.set("line_focus", 3)  # type: ignore[union-attr]
    window.open_module(window.learner.library.modules[0])  # type: ignore[union-attr]
    settle()
    aids, text = window.reader.aids, window.reader.text
    band = aids.current_band()
    assert band is not None and aids.isVisible()
    line = QFontMetricsF(text.font()).height()
    assert 3 * line <= band.height() <= 3 * line * 2.6  # three lines at up to 2.5 spacing
    text.setFocus()
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Down, QTextCursor.MoveMode.MoveAnchor, 4)
    text.setTextCursor(cursor)
    settle()
    moved = aids.current_band()
    assert moved is not None and moved.top() > band.top()
    assert moved.contains(0, text.cursorRect().center().y())


def test_reading_ruler_follows_the_mouse(window: MainWindow, qtbot: QtBot) -> None:
    window.learner.settings.set("reading_ruler", True)  # type: ignore[union-attr]
    window.open_module(window.learner.library.modules[0])  # type: ignore[union-attr]
    settle()
    text = window.reader.text
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.MoveAnchor, 2)
    on_text = text.cursorRect(cursor).center()  # a point on a line of text, not a gap
    qtbot.mouseMove(text.viewport(), on_text)
    settle()
    line = window.reader.aids.current_line()
    assert line is not None and line.top() <= on_text.y() <= line.bottom()


def test_one_section_at_a_time_with_next_and_previous(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    window.learner.settings.set("one_section", True)  # type: ignore[union-attr]
    window.open_module(window.learner.module("responsible-ai-leadership"))  # type: ignore[union-attr,arg-type]
    settle()
    assert names_starting(window, "Section 1 of ")
    previous = find_by_name(window, "Previous section")
    assert isinstance(previous, QPushButton) and not previous.isEnabled()
    qtbot.mouseClick(find_by_name(window, "Next section"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert names_starting(window, "Section 3 of ")
    window.close()
    again = open_window()
    again.open_module(again.learner.module("responsible-ai-leadership"))  # type: ignore[union-attr,arg-type]
    settle()
    assert names_starting(again, "Section 3 of ")  # the place is kept across a restart


def test_reduce_motion_stops_every_animation_and_the_blinking_caret(window: MainWindow) -> None:
    window.show_screen("Settings")
    find_by_name(window, "Reduce motion").click()  # type: ignore[attr-defined]
    settle()
    assert QApplication.cursorFlashTime() == 0
    assert not QApplication.isEffectEnabled(Qt.UIEffect.UI_AnimateCombo)
    find_by_name(window, "Reduce motion").click()  # type: ignore[attr-defined]
    settle()
    assert QApplication.cursorFlashTime() > 0


def test_f1_lists_every_shortcut(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    table = find_by_name(window, "List of keyboard shortcuts")
    assert isinstance(table, QTableWidget)
    rows = range(table.rowCount())
    listed = {table.item(row, 0).text() for row in rows if table.columnSpan(row, 0) == 1}
    assert listed == {shortcut.keys for shortcut in SHORTCUTS}
    groups = [table.item(row, 0).text() for row in rows if table.columnSpan(row, 0) == 2]
    assert groups == list(dict.fromkeys(shortcut.where for shortcut in SHORTCUTS))


def test_shortcuts_change_text_size_and_line_focus(window: MainWindow, qtbot: QtBot) -> None:
    settings = window.learner.settings  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert settings.get("text_scale") == 125
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.get("text_scale") == 75
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert settings.get("text_scale") == 100
    for expected in (1, 3, 5, 0):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert settings.get("line_focus") == expected


def test_reader_shows_the_title_once(window: MainWindow) -> None:
    module = window.learner.library.modules[0]  # type: ignore[union-attr]
    window.open_module(module)
    assert not window.reader.text.toPlainText().startswith(module.title)
    assert names_starting(window, module.title)


def test_presets_say_what_they_change_which_is_in_use_and_reset(
    window: MainWindow, qtbot: QtBot
) -> None:
    settings = window.learner.settings  # type: ignore[union-attr]
    window.show_screen("Settings")
    assert names_starting(window, "In use: The defaults")
    for key in ("dyslexia", "low_vision"):
        choose(window, "Preset", PRESETS[key].name)
        qtbot.mouseClick(find_by_name(window, "Apply preset"), Qt.MouseButton.LeftButton)
        settle()
    assert settings.get("font") == "system" and settings.get("line_focus") == 0
    assert names_starting(window, "In use: Low vision")
    box = find_by_name(window, "Preset")
    assert isinstance(box, QComboBox)
    assert box.findText("Low vision (in use)") >= 0
    assert box.findText("Dyslexia (BDA style)") >= 0  # not marked: it is not in use
    choose(window, "Preset", PRESETS["dyslexia"].name)
    assert names_starting(window, "Applying it changes")
    assert names_starting(window, "Applying it changes")[0].count("Font from System font to")
    assert settings.get("theme") == "high_contrast"  # described, not applied
    choose(window, "Line focus", "1 line")  # a change of the learner's own
    assert names_starting(window, "In use: Your own mix")
    assert box.findText("Low vision") >= 0
    qtbot.mouseClick(find_by_name(window, "Reset to defaults"), Qt.MouseButton.LeftButton)
    settle()
    assert settings.snapshot() == resolve({})
    assert names_starting(window, "In use: The defaults")
