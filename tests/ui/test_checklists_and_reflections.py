"""Checklists and reflections, driven by keyboard and by name on a real Learner, then reopened;
and a reflection typed into a real process that is SIGKILLed is there after a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.conftest import BUNDLED_CONTENT
from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.deliver.checklist_progress import in_order
from zavmo_desktop.core.deliver.evidence import checklist_source, reflection_source
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui import theme
from zavmo_desktop.ui.widgets import checklist_panel
from zavmo_desktop.ui.widgets.checklist_panel import ChecklistPanel
from zavmo_desktop.ui.widgets.reflection_panel import ReflectionPanel

BOARD = "board-storytelling"
MLOPS = "mlops-platform-strategy"  # two checklists
Opened = Callable[[type[QWidget]], tuple[QMainWindow, QWidget]]


@pytest.fixture
def learner(data_dir: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [BUNDLED_CONTENT])
    yield opened
    opened.close()


def styled(learner: Learner, **changes: object) -> None:
    for key, value in changes.items():
        learner.settings.set(key, value)
    theme.apply_theme(learner.settings.snapshot())
    settle()


def in_window(qtbot: QtBot, panel: QWidget) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(panel)
    window.resize(900, 700)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    settle()
    return window


def module(learner: Learner, module_id: str) -> Module:
    found = learner.module(module_id)
    assert found is not None
    return found


def named(root: QWidget, name: str, kind: type[QWidget]) -> QWidget:
    widget = find_by_name(root, name)
    assert isinstance(widget, kind), type(widget)
    return widget


def wait_saved(qtbot: QtBot) -> None:
    qtbot.wait(400)  # longer than the 250 ms pause that saves typing


# --- accessibility -------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("module_id", [BOARD, MLOPS])
def test_checklist_panel_is_accessible(
    qtbot: QtBot, learner: Learner, scale: int, module_id: str
) -> None:
    styled(learner, text_scale=scale)
    panel = ChecklistPanel(learner)
    window = in_window(qtbot, panel)
    panel.show_module(module(learner, module_id))
    settle()
    lists = [w for w in panel.findChildren(QListWidget) if w.accessibleName() == "Checklist"]
    assert [w.accessibleDescription().split(".")[0] for w in lists] == [
        c.title for c in module(learner, module_id).checklists
    ]
    lists[0].setFocus()
    settle()
    assert_accessible(window)


@pytest.mark.parametrize("scale", [100, 200])
def test_reflection_panel_is_accessible(qtbot: QtBot, learner: Learner, scale: int) -> None:
    styled(learner, text_scale=scale)
    panel = ReflectionPanel(learner)
    window = in_window(qtbot, panel)
    panel.show_module(module(learner, BOARD))
    named(panel, "Your reflection", QPlainTextEdit).setFocus()
    settle()
    assert_accessible(window)
    assert isinstance(find_by_name(panel, "Reflection prompt"), QComboBox)
    boxes = [b.accessibleName() for b in panel.findChildren(QCheckBox)]
    assert (
        "EC1: You can present the ML strategy to the board or C-suite as a short story built "
        "on a few business numbers." in boxes
    )


# --- checklists ----------------------------------------------------------------------------


def test_tick_note_date_and_evidence_by_keyboard_then_reopen(
    qtbot: QtBot, learner: Learner, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    real_announce = checklist_panel.announce
    monkeypatch.setattr(
        checklist_panel, "announce", lambda w, text, *a: (said.append(text), real_announce(w, text))
    )
    styled(learner)
    board = module(learner, BOARD)
    checklist = board.checklists[0]
    ordered = in_order(checklist)
    panel = ChecklistPanel(learner)
    _window = in_window(qtbot, panel)  # kept: qtbot holds windows weakly
    panel.show_module(board)
    items = named(panel, "Checklist", QListWidget)
    assert f"Next step: {ordered[0].text}" in [label.text() for label in panel.findChildren(QLabel)]

    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Space)  # ticks the next step, which starts selected
    state = learner.checklists.get(BOARD, checklist.id, ordered[0].id)
    assert state is not None and state.done
    assert said[-1].startswith("Done: ") and "1 of 4 done" in said[-1]
    assert "Progress: 1 of 4 done" in [label.text() for label in panel.findChildren(QLabel)]
    assert f"Next step: {ordered[1].text}" in [label.text() for label in panel.findChildren(QLabel)]

    note = named(panel, "Note for this item", QPlainTextEdit)
    note.setFocus()
    qtbot.keyClicks(note, "One page, three parts.")
    wait_saved(qtbot)
    state = learner.checklists.get(BOARD, checklist.id, ordered[0].id)
    assert state is not None and state.note == "One page, three parts."

    qtbot.keyClick(note, Qt.Key.Key_Tab)  # Tab leaves the note for the date switch
    switch = QApplication.focusWidget()
    assert isinstance(switch, QCheckBox) and switch.accessibleName() == "Give this item a date"
    qtbot.keyClick(switch, Qt.Key.Key_Space)
    day = named(panel, "Date for this item", QDateEdit)
    day.setDate(QDate(2025, 4, 1))
    state = learner.checklists.get(BOARD, checklist.id, ordered[0].id)
    assert state is not None and state.due == date(2025, 4, 1)
    assert "Date: 1 April 2025" in items.currentItem().text()

    add = named(panel, "Add to my evidence", QPushButton)
    add.setFocus()
    qtbot.keyClick(add, Qt.Key.Key_Space)
    evidence = learner.evidence.by_source(checklist_source(BOARD, checklist.id, ordered[0].id))
    assert evidence is not None and evidence.kind == "checklist_item"
    assert "My note: One page, three parts." in evidence.text
    assert "Date: 1 April 2025" in evidence.text
    assert isinstance(find_by_name(panel, "Remove from my evidence"), QPushButton)

    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Down)  # to the next item, past the group heading
    qtbot.keyClick(items, Qt.Key.Key_Space)
    assert learner.checklists.done_ids(BOARD, checklist.id) == {ordered[0].id, ordered[1].id}
    panel.flush()
    learner.close()

    again = Learner.open(data_dir, [BUNDLED_CONTENT])
    try:
        reopened = ChecklistPanel(again)
        _window = in_window(qtbot, reopened)  # kept: qtbot holds windows weakly
        reopened.show_module(module(again, BOARD))
        texts = [label.text() for label in reopened.findChildren(QLabel)]
        assert "Progress: 2 of 4 done" in texts
        assert f"Next step: {ordered[2].text}" in texts
        listed = named(reopened, "Checklist", QListWidget)
        listed.setCurrentItem(listed.item(1))  # the first item, under "Quick win"
        settle()
        note = named(reopened, "Note for this item", QPlainTextEdit)
        assert note.toPlainText() == "One page, three parts."
        day = named(reopened, "Date for this item", QDateEdit)
        assert day.date() == QDate(2025, 4, 1)
        assert isinstance(find_by_name(reopened, "Remove from my evidence"), QPushButton)
    finally:
        reopened.deleteLater()
        settle()
        again.close()


def test_unticking_takes_an_item_out_of_evidence_and_says_so(
    qtbot: QtBot, learner: Learner, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(checklist_panel, "announce", lambda w, text, *a: said.append(text))
    styled(learner)
    board = module(learner, BOARD)
    checklist = board.checklists[0]
    first = in_order(checklist)[0]
    panel = ChecklistPanel(learner)
    _window = in_window(qtbot, panel)  # kept: qtbot holds windows weakly
    panel.show_module(board)
    items = named(panel, "Checklist", QListWidget)
    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Space)
    note = named(panel, "Note for this item", QPlainTextEdit)
    qtbot.keyClicks(note, "Keep me")
    named(panel, "Add to my evidence", QPushButton).click()

    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Space)  # untick
    assert "no longer in your evidence" in said[-1] and "note and date are kept" in said[-1]
    assert learner.evidence.by_source(checklist_source(BOARD, checklist.id, first.id)) is None
    state = learner.checklists.get(BOARD, checklist.id, first.id)
    assert state is not None and not state.done and state.note == "Keep me"


# --- reflections ---------------------------------------------------------------------------


def test_reflection_saves_as_you_type_becomes_evidence_and_comes_back(
    qtbot: QtBot, learner: Learner, data_dir: Path
) -> None:
    styled(learner)
    board = module(learner, BOARD)
    first, second = board.reflections
    panel = ReflectionPanel(learner)
    _window = in_window(qtbot, panel)  # kept: qtbot holds windows weakly
    panel.show_module(board)
    editor = named(panel, "Your reflection", QPlainTextEdit)
    editor.setFocus()
    qtbot.keyClicks(editor, "They asked about cost first.")
    wait_saved(qtbot)
    saved = learner.reflections.get(BOARD, first.id)
    assert saved is not None and saved.text == "They asked about cost first."
    item = learner.evidence.by_source(reflection_source(BOARD, first.id))
    assert item is not None and item.criteria == ("EC1",)
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert "This reflection is in your evidence, for EC1." in texts
    assert any(text.startswith("Saved today at ") for text in texts)

    named(panel, "EC3: You can answer a hard question from an executive with evidence, and "
          "say plainly what is not yet known and when it will be.", QCheckBox).click()  # fmt: skip
    item = learner.evidence.by_source(reflection_source(BOARD, first.id))
    assert item is not None and item.criteria == ("EC1", "EC3")

    chooser = named(panel, "Reflection prompt", QComboBox)
    assert chooser.itemText(0).startswith("1 (written). ")
    editor.setFocus()
    qtbot.keyClicks(editor, " Slides did not.")
    chooser.setCurrentIndex(1)  # switching saves what was typed, at once
    saved = learner.reflections.get(BOARD, first.id)
    assert saved is not None and saved.text.endswith("Slides did not.")
    assert editor.toPlainText() == ""
    qtbot.keyClicks(editor, "Reliability.")
    panel.flush()
    assert learner.evidence.by_source(reflection_source(BOARD, second.id)) is not None

    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    panel.flush()
    assert learner.evidence.by_source(reflection_source(BOARD, second.id)) is None
    qtbot.keyClicks(editor, "Reliability, said once.")
    panel.hide()  # hiding saves too
    learner.close()

    again = Learner.open(data_dir, [BUNDLED_CONTENT])
    try:
        reopened = ReflectionPanel(again)
        _window = in_window(qtbot, reopened)  # kept: qtbot holds windows weakly
        reopened.show_module(module(again, BOARD))
        box = named(reopened, "Your reflection", QPlainTextEdit)
        assert box.toPlainText() == "They asked about cost first. Slides did not."
        ec3 = [b for b in reopened.findChildren(QCheckBox) if b.text() == "EC3"]
        assert ec3 and ec3[0].isChecked()
        named(reopened, "Reflection prompt", QComboBox).setCurrentIndex(1)
        assert box.toPlainText() == "Reliability, said once."
        assert len(again.evidence.for_module(BOARD)) == 2
    finally:
        reopened.deleteLater()
        settle()
        again.close()


# --- a crash loses nothing -------------------------------------------------------------------

# Builds the reflection panel and the checklist panel on the real learner data, types into
# both, reports, and waits to be killed: no close, no flush, no hide.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget
    from PySide6.QtTest import QTest
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.ui.widgets.checklist_panel import ChecklistPanel
    from zavmo_desktop.ui.widgets.reflection_panel import ReflectionPanel

    app = QApplication([])
    learner = Learner.open(Path(sys.argv[1]), [Path(sys.argv[2])])
    module = learner.module("board-storytelling")
    window = QMainWindow()
    tabs = QTabWidget()
    window.setCentralWidget(tabs)
    reflections, checklists = ReflectionPanel(learner), ChecklistPanel(learner)
    tabs.addTab(reflections, "Reflections")
    tabs.addTab(checklists, "Checklist")
    window.show()
    reflections.show_module(module)
    checklists.show_module(module)
    QTest.keyClicks(reflections.editor, "Typed just before the crash.")
    QTest.keyClicks(checklists.detail.note, "A note typed before the crash.")
    print("typed", flush=True)
    while True:
        QTest.qWait(50)
    """
)


def test_typing_survives_the_app_being_killed(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(BUNDLED_CONTENT)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "typed"
    import time

    time.sleep(0.5)  # the learner pauses; then the power goes
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)

    again = Learner.open(data_dir, [BUNDLED_CONTENT])
    try:
        board = module(again, BOARD)
        saved = again.reflections.get(BOARD, board.reflections[0].id)
        assert saved is not None and saved.text == "Typed just before the crash."
        assert again.evidence.by_source(reflection_source(BOARD, board.reflections[0].id))
        checklist = board.checklists[0]
        state = again.checklists.get(BOARD, checklist.id, in_order(checklist)[0].id)
        assert state is not None and state.note == "A note typed before the crash."
    finally:
        again.close()
