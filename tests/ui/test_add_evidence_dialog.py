"""Add evidence, driven by keyboard over the real window, database and bundled framework:
the learner's words, a real PNG through the real (Qt) file dialog, a program renamed .pdf
and a link that is not a web or mail link."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import (
    find_by_name,
    find_starting,
    unnamed_interactive,
    unnamed_tab_stops,
    unreachable_by_tab,
)
from tests.ui.conftest import framework_of
from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.add_evidence_dialog import UNMAPPED, AddEvidenceDialog


def open_dialog(window: MainWindow, qtbot: QtBot, **extra: object) -> AddEvidenceDialog:
    assert window.learner is not None
    screen = window.stack.currentWidget()  # a styled part of the window, as the portfolio is
    dialog = AddEvidenceDialog(window.learner, framework_of(window, qtbot), screen,
                               native_file_dialog=False, **extra)  # type: ignore[arg-type]  # fmt: skip
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.title)
    return dialog


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key = Qt.Key.Key_Space) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, key)


def choose_kind(qtbot: QtBot, dialog: AddEvidenceDialog, steps: int) -> None:
    """From Text, the arrow keys move along the radio buttons, as a keyboard user does."""
    text = find_by_name(dialog, "Text")
    text.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)


def choose_in_file_dialog(qtbot: QtBot, dialog: AddEvidenceDialog, path: Path) -> None:
    press(qtbot, find_by_name(dialog, "Choose file…"))
    files = dialog.file_dialog
    assert isinstance(files, QFileDialog) and files.isVisible()
    name = files.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    qtbot.keyClicks(name, str(path))
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.file_dialog is None)
    assert dialog.chosen_label.text().startswith(f"Chosen: {path.name}")


def real_png(folder: Path) -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    path = folder / "whiteboard photo.png"
    assert image.save(str(path), "PNG")
    return path


def kept_files(data_dir: Path) -> list[Path]:
    folder = data_dir / EVIDENCE
    return sorted(folder.iterdir()) if folder.exists() else []


def test_words_typed_and_criteria_ticked_by_keyboard_are_saved_with_their_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    assert window.learner is not None
    assert unnamed_interactive(dialog) == [] and unnamed_tab_stops(dialog) == []
    assert unreachable_by_tab(dialog) == []
    assert dialog.ticked_note.text() == UNMAPPED  # nothing ticked: it says what that means
    added: list[int] = []
    dialog.added.connect(added.append)
    qtbot.keyClicks(dialog.title, "Chaired the quarterly review")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    words = find_by_name(dialog, "Your words")
    assert QApplication.focusWidget() is words
    qtbot.keyClicks(words, "I ran the meeting and agreed three actions.")
    qtbot.keyClick(words, Qt.Key.Key_Tab)  # Tab leaves the words
    criteria = find_by_name(dialog, "Criteria this evidence shows")
    assert QApplication.focusWidget() is criteria
    qtbot.keyClick(criteria, Qt.Key.Key_Space)  # ticks the first criterion
    qtbot.keyClick(criteria, Qt.Key.Key_Down)
    qtbot.keyClick(criteria, Qt.Key.Key_Down)
    qtbot.keyClick(criteria, Qt.Key.Key_Space)  # and the third
    ticked = dialog.criteria.ticked()
    assert len(ticked) == 2 and dialog.ticked_note.text() == "2 criteria ticked."
    press(qtbot, find_by_name(dialog, "Add"))

    (item,) = window.learner.evidence.all()
    assert (item.kind, item.title, item.text) == (
        "learner_text",
        "Chaired the quarterly review",
        "I ran the meeting and agreed three actions.",
    )
    assert list(item.criteria) == sorted(ticked) and added == [item.id]
    assert [(e.action, e.who) for e in window.learner.evidence.history(item.id)] == [
        ("added", "learner")
    ]
    assert not dialog.isVisible()


def test_a_real_png_is_copied_into_the_data_folder_and_the_original_is_untouched(
    window: MainWindow, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    source = real_png(tmp_path)
    original = source.read_bytes()
    dialog = open_dialog(window, qtbot)
    choose_kind(qtbot, dialog, 2)
    assert dialog.kind() == "File" and find_by_name(dialog, "Choose file…").isVisible()
    choose_in_file_dialog(qtbot, dialog, source)
    assert dialog.title.text() == "whiteboard photo"  # a starting title from the name
    press(qtbot, find_by_name(dialog, "Add"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)  # copied off the thread

    assert window.learner is not None
    (item,) = window.learner.evidence.all()
    (copy,) = kept_files(data_dir)
    assert item.kind == "learner_file" and item.details["file"] == copy.name
    assert item.details["original_name"] == "whiteboard photo.png" and copy.suffix == ".png"
    assert copy.read_bytes() == original and source.read_bytes() == original
    assert item.criteria == ()  # none ticked: it shows as unmapped


def test_a_program_renamed_pdf_is_refused_in_words_and_nothing_is_copied(
    window: MainWindow, qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    disguised = tmp_path / "certificate.pdf"
    shutil.copyfile(os.path.realpath(shutil.which("ls") or "/bin/ls"), disguised)
    dialog = open_dialog(window, qtbot)
    choose_kind(qtbot, dialog, 2)
    choose_in_file_dialog(qtbot, dialog, disguised)
    dialog.title.setText("My certificate")
    press(qtbot, find_by_name(dialog, "Add"))
    qtbot.waitUntil(lambda: "program" in dialog.problem.text(), timeout=10000)

    assert dialog.isVisible() and dialog.title.text() == "My certificate"  # nothing lost
    assert find_starting(dialog, "This file is a program or a script") is dialog.problem
    assert "Nothing was added." in dialog.problem.text()
    assert QApplication.focusWidget() is find_by_name(dialog, "Choose file…")
    assert window.learner is not None and window.learner.evidence.all() == []
    assert kept_files(data_dir) == []


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "www.example"])
def test_a_link_that_is_not_web_or_mail_is_refused_then_a_good_one_is_added(
    window: MainWindow, qtbot: QtBot, url: str
) -> None:
    dialog = open_dialog(window, qtbot)
    choose_kind(qtbot, dialog, 1)
    link = find_by_name(dialog, "Link address")
    qtbot.keyClicks(dialog.title, "My conference talk")
    qtbot.keyClicks(link, url)
    qtbot.keyClick(link, Qt.Key.Key_Return)  # Enter adds
    assert window.learner is not None and window.learner.evidence.all() == []
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "http://" in dialog.problem.text() and QApplication.focusWidget() is link
    assert link.text() == url  # what was typed stays, to be corrected
    link.selectAll()
    qtbot.keyClicks(link, "https://example.org/talk")
    qtbot.keyClick(link, Qt.Key.Key_Return)
    (item,) = window.learner.evidence.all()
    assert (item.kind, item.text) == ("learner_link", "https://example.org/talk")


def test_an_empty_title_is_asked_for_and_the_words_stay(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    qtbot.keyClicks(find_by_name(dialog, "Your words"), "Words I do not want to lose.")
    press(qtbot, find_by_name(dialog, "Add"))
    assert dialog.problem.text() == "Give the evidence a title."
    assert QApplication.focusWidget() is dialog.title
    assert dialog.words.toPlainText() == "Words I do not want to lose."
    assert window.learner is not None and window.learner.evidence.all() == []


def test_it_follows_the_learners_text_size_and_theme_while_open(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    assert window.learner is not None
    size, base = (
        dialog.title.font().pointSizeF(),
        dialog.title.palette().color(dialog.title.backgroundRole()),
    )
    width = dialog.width()
    window.learner.settings.set("text_scale", 200)
    window.learner.settings.set("theme", "dark")
    qtbot.waitUntil(lambda: dialog.title.font().pointSizeF() >= 2 * size - 0.1)
    now = dialog.title.palette().color(dialog.title.backgroundRole())
    assert now.lightness() < base.lightness()  # a dark field now
    choose_kind(qtbot, dialog, 1)  # the next change of layout fits the new size
    assert dialog.width() > width
