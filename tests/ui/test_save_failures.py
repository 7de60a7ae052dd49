"""A save that fails on a really full disk is shown where the learner typed, the words stay,
and they are saved once there is room; closing then offers them as a text file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, names_starting, settle
from tests.faults import fill, small_disk
from tests.ui.test_conversation_screen import click, open_practice, write
from zavmo_desktop.app import build_window
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.timer_parts import CompanionDialog

BOARD = "board-storytelling"
TRY_SOON = "\u26a0 Not saved yet: the disk is full. Try again soon."
NOT_SAVED = (
    "\u26a0 Not saved yet: the disk is full. Your words are kept here, and Zavmo keeps trying."
)


class FullDisk:
    """The app's data folder on a small disk that the test fills and frees."""

    def __init__(self, disk: Path) -> None:
        self.disk = disk
        self.data = disk / "data"
        self._filler: Path | None = None

    def fill(self) -> None:
        # Right after a checkpoint the WAL is empty, so even a small write needs new room.
        conn = sqlite3.connect(self.data / DATABASE_NAME)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        self._filler = fill(self.disk)

    def free(self) -> None:
        if self._filler is not None:
            self._filler.unlink(missing_ok=True)

    def stored(self, sql: str) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(self.data / DATABASE_NAME)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[FullDisk]:
    with small_disk(tmp_path / "disk", size_kib=4096) as mounted:
        full = FullDisk(mounted)
        yield full
        full.free()


@pytest.fixture
def window(disk: FullDisk, qtbot: QtBot) -> Iterator[MainWindow]:
    opened = build_window(["--data-dir", str(disk.data)])
    assert isinstance(opened, MainWindow)
    opened.show()  # not handed to qtbot: it would close the window before the disk is freed
    qtbot.waitExposed(opened)
    yield opened
    disk.free()  # so that closing has nothing left to offer
    opened.close()
    opened.deleteLater()


def reflections_of(window: MainWindow) -> QPlainTextEdit:
    assert window.learner is not None
    board = window.learner.module(BOARD)
    assert board is not None
    window.open_module(board)
    window.reader.show_tab("Reflections")
    settle()
    editor = find_by_name(window, "Your reflection")
    assert isinstance(editor, QPlainTextEdit)
    return editor


def test_a_reflection_that_cannot_be_saved_says_so_keeps_the_words_and_saves_later(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    editor = reflections_of(window)
    disk.fill()
    editor.setFocus()
    qtbot.keyClicks(editor, "The first question was about cost.")
    panel = window.reader.reflections
    qtbot.waitUntil(lambda: panel.saved_label.text() == NOT_SAVED, timeout=3000)
    assert "saved as you go" not in panel.saved_label.text()

    chooser = find_by_name(window, "Reflection prompt")
    assert isinstance(chooser, QComboBox)
    chooser.setCurrentIndex(1)  # to another prompt and back: the words are still there
    chooser.setCurrentIndex(0)
    settle()
    assert editor.toPlainText() == "The first question was about cost."
    assert disk.stored("SELECT text FROM reflections") == []

    disk.free()  # the learner makes room; the panel tries again by itself
    qtbot.waitUntil(lambda: panel.saved_label.text().startswith("Saved today"), timeout=8000)
    assert disk.stored("SELECT text FROM reflections") == [("The first question was about cost.",)]


def test_a_checklist_note_that_cannot_be_saved_says_so_and_is_kept(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    reflections_of(window)
    window.reader.show_tab("Checklists")
    settle()
    items = find_by_name(window, "Checklist")
    assert isinstance(items, QListWidget)
    items.setCurrentItem(items.item(1))
    settle()
    note = find_by_name(window, "Note for this item")
    assert isinstance(note, QPlainTextEdit)
    disk.fill()
    note.setFocus()
    qtbot.keyClicks(note, "One page, three parts.")
    detail = window.reader.checklists.detail
    qtbot.waitUntil(lambda: detail.note_status.isVisible(), timeout=3000)
    assert detail.note_status.text() == NOT_SAVED
    assert note.toPlainText() == "One page, three parts."

    disk.free()
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # leaving the note saves it now there is room
    qtbot.waitUntil(lambda: not detail.note_status.isVisible(), timeout=3000)
    assert disk.stored("SELECT note FROM checklist_items") == [("One page, three parts.",)]


def test_modules_still_open_and_read_on_a_full_disk(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    disk.fill()
    assert window.learner is not None
    for module in window.learner.library.modules[:3]:  # never opened: nothing cached yet
        window.open_module(module)
        settle()
        assert window.reader.module is module
        assert window.reader.text.toPlainText().strip()


def test_marking_complete_that_cannot_be_saved_says_so(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    reflections_of(window)
    window.reader.show_tab("Read")
    disk.fill()
    button = find_by_name(window, "Mark as complete")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isChecked()  # type: ignore[attr-defined]
    status = window.reader.complete_status
    assert status.isVisible()
    assert status.text() == TRY_SOON
    disk.free()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.isChecked() and not status.isVisible()  # type: ignore[attr-defined]
    assert disk.stored("SELECT status FROM module_progress") == [("complete",)]


def test_a_focus_session_started_on_a_full_disk_runs_and_says_it_is_not_logged(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    disk.fill()
    window.timer.toggle()  # as Ctrl+T does
    settle()
    assert find_by_name(window, "Pause focus session").isVisible()
    assert names_starting(window, "\u26a0 Not saved yet: the disk is full. The timer goes on")


def test_a_check_in_that_cannot_be_saved_is_kept_and_saved_later(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    assert window.learner is not None
    window.learner.settings.set("companion_mode", True)
    window.timer.toggle()
    answer_the_dialog("")  # no goal
    qtbot.waitUntil(lambda: find_by_name(window, "Skip to break").isVisible(), timeout=3000)
    click(window, qtbot, "Skip to break")  # the focus session ends: "How did it go?"
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=3000)
    disk.fill()
    answer_the_dialog("Calm, got the outline done")
    status = window.timer.save_status
    qtbot.waitUntil(lambda: status.failing, timeout=3000)
    assert status.text().startswith("\u26a0 Not saved yet: the disk is full.")
    assert window.timer.pending.unsaved() == [
        ("How your focus session went", "Calm, got the outline done")
    ]
    disk.free()
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=8000)
    rows = disk.stored("SELECT check_in FROM focus_sessions WHERE check_in != ''")
    assert rows == [("Calm, got the outline done",)]


def answer_the_dialog(text: str) -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        settle()
        dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CompanionDialog)
    dialog.field.setText(text)
    dialog.accept()
    settle()


def test_a_tick_that_cannot_be_saved_is_not_shown_as_done(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    reflections_of(window)
    window.reader.show_tab("Checklists")
    settle()
    items = find_by_name(window, "Checklist")
    assert isinstance(items, QListWidget)
    disk.fill()
    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Space)  # ticks the next step, which starts selected
    settle()
    detail = window.reader.checklists.detail
    assert detail.note_status.text() == TRY_SOON
    section = window.reader.checklists.sections[0]
    assert section.progress.done == 0
    disk.free()
    qtbot.keyClick(items, Qt.Key.Key_Space)
    settle()
    assert section.progress.done == 1
    assert disk.stored("SELECT done FROM checklist_items") == [(1,)]


def test_a_conversation_draft_and_reply_that_cannot_be_saved_are_kept(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    screen = open_practice(window, "drift-teach-back")
    click(window, qtbot, "Start practice")
    disk.fill()
    editor = write(window, qtbot, "The model learned")
    qtbot.waitUntil(lambda: screen.save_status.isVisible(), timeout=3000)
    assert screen.save_status.text() == NOT_SAVED
    turns = len(screen.message_views())
    click(window, qtbot, "Send reply")
    assert screen.save_status.text() == TRY_SOON
    assert len(screen.message_views()) == turns  # not sent, so not shown as sent
    assert editor.toPlainText() == "The model learned"

    disk.free()
    click(window, qtbot, "Send reply")  # the same answer goes through now
    assert len(screen.message_views()) > turns
    answers = disk.stored("SELECT text FROM conversation_turns WHERE role = 'learner'")
    assert answers == [("The model learned",)]


def test_a_claim_that_cannot_be_saved_says_so_and_is_kept_for_the_next_move(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    screen = open_practice(window, "drift-teach-back")
    click(window, qtbot, "Start practice")
    write(window, qtbot, "It learned from last year's sales.")
    click(window, qtbot, "Send reply")
    disk.fill()
    box = find_by_name(window, "I believe I covered this: Uses an everyday example")
    assert isinstance(box, QCheckBox)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert screen.save_status.text() == TRY_SOON  # where every failed save is said
    assert box.isChecked()  # the tick stays where the learner put it

    disk.free()
    click(window, qtbot, screen.labels.carry_on)
    claims = disk.stored(
        'SELECT text FROM conversation_turns WHERE details LIKE \'%"kind": "claim"%\''
    )
    assert claims == [("I believe I also covered: Uses an everyday example.",)]


def test_a_setting_that_cannot_be_saved_applies_and_says_so(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    window.show_screen("Settings")
    disk.fill()
    assert window.learner is not None
    window.learner.settings.set("text_scale", 150)  # as the size shortcut does
    status = window.settings_screen.save_status
    assert status.isVisible()
    assert status.text() == (
        "\u26a0 Not saved yet: the disk is full. Your choices apply now, and Zavmo keeps trying to "
        "save them."
    )
    assert window.learner.settings.get("text_scale") == 150
    disk.free()
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=8000)
    assert disk.stored("SELECT value FROM settings WHERE key = 'text_scale'") == [("150",)]


def answer_the_close_question(button_text: str, seen: list[str]) -> None:
    """Click a button of the question the window asks on closing, as the learner would."""

    def click_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click_it)
            return
        seen.append(box.text())
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return

    QTimer.singleShot(50, click_it)


def test_closing_with_unsaved_words_offers_them_as_a_text_file(
    window: MainWindow,
    disk: FullDisk,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = reflections_of(window)
    disk.fill()
    editor.setFocus()
    qtbot.keyClicks(editor, "Months of thinking, in one paragraph.")
    kept = tmp_path / "my words.txt"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args, **kw: (str(kept), "")
    )
    seen: list[str] = []
    answer_the_close_question("Save them to a text file…", seen)
    window.close()  # before the autosave timer: closing saves, fails, and asks
    assert not window.isVisible()
    assert "Zavmo could not save everything you wrote: the disk is full." in seen[0]
    text = kept.read_text(encoding="utf-8")
    assert "Months of thinking, in one paragraph." in text
    assert "Reflection in " in text
    assert window.learner is None  # closed for good, without raising


def test_keep_zavmo_open_keeps_the_window_and_the_words(
    window: MainWindow, disk: FullDisk, qtbot: QtBot
) -> None:
    editor = reflections_of(window)
    disk.fill()
    editor.setFocus()
    qtbot.keyClicks(editor, "Not yet saved.")
    seen: list[str] = []
    answer_the_close_question("Keep Zavmo open", seen)
    window.close()
    assert seen and window.isVisible() and window.learner is not None
    assert editor.toPlainText() == "Not yet saved."
