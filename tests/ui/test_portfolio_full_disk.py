"""The Portfolio screen on a really full disk: edited words that cannot be saved stay in the
box (and as a draft) with the reason said beside them, a tick that cannot be kept goes back,
and both work once there is room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.ui.test_save_failures import FullDisk, disk, window  # noqa: F401
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.ui.main_window import MainWindow


def test_words_and_ticks_that_cannot_be_saved_are_kept_and_said(
    window: MainWindow,  # noqa: F811
    disk: FullDisk,  # noqa: F811
    qtbot: QtBot,
) -> None:
    assert window.learner is not None
    own = add_text(window.learner.evidence, "Board paper", "I wrote the paper.", ["EC1"])
    window.show_screen("Portfolio")
    screen = window.screen("Portfolio")
    screen.open_item(own)
    find_by_name(window, "Edit text").click()
    box = find_by_name(window, "Your words")
    assert isinstance(box, QPlainTextEdit)
    disk.fill()
    box.setPlainText("I wrote the paper and presented it to the board.")
    find_by_name(window, "Save").click()
    settle()
    status = screen.view.editor.status
    assert status.failing and status.isVisible()
    assert box.isVisible() and box.toPlainText().endswith("to the board.")
    assert screen.view.editor.drafts[own].endswith("to the board.")
    assert disk.stored(f"SELECT text FROM evidence WHERE id = {own}") == [("I wrote the paper.",)]
    find_by_name(window, "Map criteria").click()
    settle()
    criteria = find_by_name(window, "Criteria this item shows")
    assert isinstance(criteria, QListWidget)
    criteria.setCurrentRow(1)  # EC2
    qtbot.keyClick(criteria, Qt.Key.Key_Space)
    settle()
    assert criteria.item(1).checkState() == Qt.CheckState.Unchecked  # what is really kept
    assert screen.view.mapper.status.failing

    disk.free()
    find_by_name(window, "Save").click()
    settle()
    assert disk.stored(f"SELECT text FROM evidence WHERE id = {own}") == [
        ("I wrote the paper and presented it to the board.",)
    ]
    assert not screen.view.editor.drafts
    qtbot.keyClick(criteria, Qt.Key.Key_Space)
    settle()
    assert disk.stored(f"SELECT criterion_id FROM evidence_criteria WHERE evidence_id = {own}") == [
        ("EC1",), ("EC2",)
    ]  # fmt: skip
