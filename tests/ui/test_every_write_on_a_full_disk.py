"""Every control on every screen, used on a really full disk, raises nothing.

The walk finds the controls itself (buttons, boxes, lists, text boxes, dates) and uses
each screen's both ways round, so a write added later without going through
ui.widgets.save_status fails here too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import settle
from tests.ui.test_conversation_screen import open_practice
from tests.ui.test_save_failures import BOARD, FullDisk, disk, window  # noqa: F401
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.read_aloud_bar import ReadAloudBar
from zavmo_desktop.ui.widgets.save_status import SaveStatus

CONTROLS = (QAbstractButton, QComboBox, QPlainTextEdit, QLineEdit, QAbstractSpinBox, QListWidget)
SAVE_DELAYS_MS = 900  # longer than every autosave pause (reflection, note, draft, position)


def places(main: MainWindow) -> list[tuple[str, Callable[[], None]]]:
    assert main.learner is not None
    board = main.learner.module(BOARD)
    assert board is not None

    def reader_tab(tab: str) -> Callable[[], None]:
        def go() -> None:
            if main.reader.module is not board:
                main.open_module(board)
            main.stack.setCurrentWidget(main.reader)
            main.reader.show_tab(tab)

        return go

    def screen(name: str) -> Callable[[], None]:
        return lambda: main.show_screen(name)

    def settings_with_the_timer_running() -> None:
        # Turning the timer off while it runs pauses and saves it: a write from Settings.
        if not main.timer.isHidden() and not main.timer._timer.view().running:
            main.timer.toggle()
            cancel_dialogs()  # no goal
        main.show_screen("Settings")

    def practice() -> None:
        if main.conversation_screen.conversation is None:
            open_practice(main, "drift-teach-back")
        else:
            main.stack.setCurrentWidget(main.conversation_screen)

    return [
        ("Home", screen("Home")),
        ("Pathway", screen("Pathway")),
        ("Library", screen("Library")),
        *((f"reader, {tab}", reader_tab(tab)) for tab in READER_TABS),
        ("practice conversation", practice),
        ("Settings", settings_with_the_timer_running),
        ("Keyboard shortcuts", screen("Keyboard shortcuts")),
        ("Review", screen("Review")),
    ]


READER_TABS = ("Read", "Practise", "Checklists", "Reflections")


def controls(main: MainWindow) -> list[QWidget]:
    found = [w for w in main.findChildren(QWidget) if isinstance(w, CONTROLS)]
    return [w for w in found if w.isVisible() and w.isEnabled() and not speaks(w)]


def speaks(control: QWidget) -> bool:
    """Read-aloud controls write nothing, and stopping speech mid-synthesis can hang here
    (see the storage2 report): they are left to the read-aloud tests."""
    parent = control.parentWidget()
    while parent is not None:
        if isinstance(parent, ReadAloudBar):
            return True
        parent = parent.parentWidget()
    return False


def use(control: QWidget, qtbot: QtBot) -> None:
    """Do what a learner would do with it once."""
    if isinstance(control, QAbstractButton):
        control.click()
    elif isinstance(control, QComboBox):
        if control.count() > 1:
            control.setCurrentIndex((control.currentIndex() + 1) % control.count())
    elif isinstance(control, QDateEdit):
        control.setDate(control.date().addDays(1))
    elif isinstance(control, QAbstractSpinBox):
        control.stepUp()
    elif isinstance(control, QPlainTextEdit | QLineEdit):
        if not control.isReadOnly():
            control.setFocus()
            qtbot.keyClicks(control, "words to keep")
            control.clearFocus()  # leaving a box saves it
    elif isinstance(control, QListWidget):
        for row in range(control.count()):
            item = control.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                break


def cancel_dialogs() -> None:
    """Any dialog a control opened (a file to choose, a goal to type) is cancelled."""
    settle()
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QDialog):
        modal.reject()
        settle()


@pytest.fixture
def no_dialogs() -> Iterator[None]:
    """Also those that wait in their own event loop (a file dialog, a question)."""
    timer = QTimer(interval=20)
    timer.timeout.connect(cancel_dialogs)
    timer.start()
    yield
    timer.stop()


def test_no_control_on_any_screen_raises_on_a_full_disk(
    window: MainWindow,  # noqa: F811
    disk: FullDisk,  # noqa: F811
    qtbot: QtBot,
    no_dialogs: None,
) -> None:
    for key in ("show_focus_timer", "companion_mode"):  # the timer's writes are reached too
        window.learner.settings.set(key, True)  # type: ignore[union-attr]
    window.learner.set_complete(BOARD, True)  # type: ignore[union-attr]  # so Review has cards
    disk.fill()
    used = 0
    with qtbot.capture_exceptions() as raised:
        for (place, go), backwards in itertools.product(places(window), (True, False)):
            go()
            settle()
            # Both ways round, backwards first: a control that changes what later ones do
            # (previewing settings, stopping the timer) must not hide their writes.
            found = controls(window)
            for control in reversed(found) if backwards else found:
                go()  # the last control may have moved to another screen
                cancel_dialogs()
                if not shiboken6.isValid(control) or not control.isVisible():
                    continue  # rebuilt (a list of statuses) or hidden by the last control
                disk.fill()  # again: a failed write can leave room in the log behind it
                use(control, qtbot)
                cancel_dialogs()
                used += 1
                assert not raised, f"{place}: {control.accessibleName()!r} raised {raised[0][1]!r}"
            qtbot.wait(SAVE_DELAYS_MS)
            assert not raised, f"{place}: a delayed save raised {raised[0][1]!r}"
    assert used > 60  # the walk really reached the screens' controls
    failing = [status for status in window.findChildren(SaveStatus) if status.failing]
    assert failing  # and the learner was told, where they acted
