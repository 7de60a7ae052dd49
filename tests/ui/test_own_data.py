"""Settings, Your data: export all, erase all (type ERASE; back to the first run), Privacy.
Driven by keyboard and found by accessible name, as a screen-reader user would."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, unnamed_interactive
from tests.core.own_data_work import REFLECTION_TEXT, do_real_work
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.database import holds_learner_data
from zavmo_desktop.ui.main_window import MainWindow

ERASE = "Erase all my data"


def settings_of(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings_screen


def press(qtbot: QtBot, button: QPushButton) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def open_erase_dialog(window: MainWindow, qtbot: QtBot):  # type: ignore[no-untyped-def]
    settings_of(window, qtbot)
    button = find_by_name(window.settings_screen, ERASE)
    assert isinstance(button, QPushButton)
    press(qtbot, button)
    dialog = window.settings_screen.your_data.erase_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.word)
    assert unnamed_interactive(dialog) == []
    return dialog


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_erase_while_the_window_is_open_returns_to_the_onboarding(
    open_window: OpenWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window()
    assert window.learner is not None
    first_run_font = QApplication.font().pointSizeF()
    do_real_work(window.learner)  # with the cream theme
    window.learner.settings.set("text_scale", 200)
    window.learner.back_up()
    (data_dir / "damaged").mkdir()
    (data_dir / "damaged" / "zavmo-old.sqlite3").write_bytes(b"set aside")
    before = listing(data_dir)
    assert {DATABASE_NAME, "backups", "damaged", "content-index.sqlite3"} <= set(before)

    dialog = open_erase_dialog(window, qtbot)
    qtbot.keyClicks(dialog.word, "ERASE")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)  # Enter confirms

    successor = window.successor
    assert successor is not None
    qtbot.addWidget(successor)
    # Loaded whole, so closing it at the end does not leave a loader behind it.
    qtbot.waitUntil(
        lambda: successor.learner is not None and successor.content_loaded, timeout=20_000
    )
    try:
        assert not window.isVisible()
        assert successor.onboarding  # the first run again, in the first run's look
        assert QApplication.font().pointSizeF() == first_run_font
        assert successor.stack.currentWidget() is successor.onboarding_screen
        after = listing(data_dir)
        assert not {"backups", "damaged"} & set(after)
        assert not [name for name in after if name.startswith(("backups/", "damaged/"))]
        import sqlite3

        conn = sqlite3.connect(data_dir / DATABASE_NAME)
        try:
            assert not holds_learner_data(conn)  # a new, empty database
        finally:
            conn.close()
    finally:
        successor.close()


def test_a_wrong_word_or_escape_erases_nothing(
    open_window: OpenWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window()
    assert window.learner is not None
    do_real_work(window.learner)
    dialog = open_erase_dialog(window, qtbot)
    qtbot.keyClicks(dialog.word, "delete")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.text() == (
        "Type the word ERASE, then choose Erase all my data. Nothing has been erased."
    )
    assert QApplication.focusWidget() is dialog.word
    qtbot.keyClick(dialog.word, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and window.successor is None
    panel = window.settings_screen.your_data
    assert panel.erase_dialog is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.erase_button)  # where it was
    [reflection] = window.learner.reflections.for_module(
        next(m for m in window.learner.library.modules if m.reflections).id
    ).values()
    assert reflection.text == REFLECTION_TEXT


def test_export_all_my_data_saves_the_zip_and_says_where(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window()
    assert window.learner is not None
    do_real_work(window.learner)
    settings_of(window, qtbot)
    assert isinstance(find_by_name(window.settings_screen, "Export all my data"), QPushButton)
    panel = window.settings_screen.your_data
    panel.export_to(tmp_path / "mine")  # the file dialog's seam; .zip is added
    assert panel.status.text() == "Saving all your data…"  # off the GUI thread
    panel.ask_to_erase()  # not while the export reads the files
    assert panel.erase_dialog is None and "still saving" in panel.status.text()
    qtbot.waitUntil(lambda: not panel.exporting)
    assert panel.status.text().startswith(f"All your data is saved in {tmp_path / 'mine.zip'}.")
    with zipfile.ZipFile(tmp_path / "mine.zip") as archive:
        reflections = json.loads(archive.read("tables/reflections.json"))
    assert [r["text"] for r in reflections] == [REFLECTION_TEXT]
    panel.export_to(tmp_path / "no-such-folder" / "x.zip")
    qtbot.waitUntil(lambda: not panel.exporting)
    assert panel.status.text().startswith("Your data could not be saved to")


def test_the_privacy_page_opens_from_settings_and_goes_back(
    open_window: OpenWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window()
    settings_of(window, qtbot)
    press(qtbot, find_by_name(window.settings_screen, "Privacy"))  # type: ignore[arg-type]
    page = window.stack.currentWidget()
    assert page.accessibleName() == "Privacy screen"
    assert any(str(data_dir) in label.text() for label in page.paragraphs)
    assert unnamed_interactive(page) == []
    assert QApplication.focusWidget() is page.back_button
    qtbot.keyClick(page.back_button, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.settings_screen


def test_at_200_percent_the_confirmation_and_privacy_page_show_every_line(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLabel

    window = open_window()
    assert window.learner is not None
    window.learner.settings.set("text_scale", 200)
    qtbot.wait(50)  # the restyle is coalesced onto the next turn of the event loop
    dialog = open_erase_dialog(window, qtbot)
    dialog.word.setText("no")
    dialog.confirm()  # the wrong-word line makes the dialog taller
    QApplication.processEvents()
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    dialog.reject()
    window.show_privacy()
    page = window.stack.currentWidget()
    QApplication.processEvents()
    for label in page.paragraphs:
        assert label.width() <= label.fontMetrics().averageCharWidth() * 70, label.text()
