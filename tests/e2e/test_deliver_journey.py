"""The Deliver phase as a new learner meets it, in the real window on real content:
read a module aloud, play every kind of practice conversation to its end, tick a checklist,
write a reflection, restart the app, and find everything where it was.

The read-aloud run is recorded: the WAV played and each highlighted word with its time.
Set ZAVMO_JOURNEY_RECORD=DIR to keep the recording (with screenshots) for a person to check.
"""

from __future__ import annotations

import csv
import os
import shutil
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QPlainTextEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.core.conversation_paths import distances_to, full_answer
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.content.models import CONVERSATION_TYPES, Conversation, Module
from zavmo_desktop.ui.main_window import MainWindow

REFLECTION = "The CFO asked about payback first, and my slides started with architecture."


def press(window: MainWindow, qtbot: QtBot, name: str) -> None:
    button = find_by_name(window, name)
    assert isinstance(button, QPushButton) and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def record_read_aloud(window: MainWindow, qtbot: QtBot, folder: Path) -> list[tuple[int, str]]:
    """Press Read aloud; keep (ms since Play, word) for every highlighted word for 3 s."""
    text = window.reader.text.document().toPlainText()
    started = time.perf_counter()
    heard: list[tuple[int, str]] = []
    window.read_aloud.backend.word.connect(
        lambda s, e: heard.append((round((time.perf_counter() - started) * 1000), text[s:e]))
    )
    press(window, qtbot, "Read aloud")
    qtbot.wait(3000)
    window.reader.grab().save(str(folder / "reading-aloud.png"))
    press(window, qtbot, "Stop reading")
    with (folder / "highlight.csv").open("w", newline="") as out:
        csv.writer(out).writerows([("ms after Play", "highlighted word"), *heard])
    shutil.copy(window.read_aloud.backend.last_wav, folder / "read-aloud.wav")
    return heard


def one_of_each_type(window: MainWindow) -> dict[str, tuple[Module, Conversation]]:
    assert window.learner is not None
    found: dict[str, tuple[Module, Conversation]] = {}
    for module in window.learner.library.modules:
        for conversation in module.conversations:
            found.setdefault(conversation.type, (module, conversation))
    return found


def play_to_the_end(window: MainWindow, qtbot: QtBot, conversation: Conversation) -> None:
    """Answer as a learner would, by name: the reply nearest an ending, or full free text."""
    screen = window.conversation_screen
    endings = {n.id for n in conversation.nodes if n.is_ending}
    distance = distances_to(conversation, endings)
    press(window, qtbot, "Start practice")
    for _ in range(60):
        session = screen.session
        assert session is not None
        if session.finished:
            return
        if screen.carry_on_button.isVisible():  # too few key points: move on anyway
            press(window, qtbot, "Carry on")
            continue
        node = session.engine.node
        reply = find_by_name(window, "Your reply")
        if isinstance(reply, QPlainTextEdit):
            qtbot.keyClicks(reply, full_answer(node))
        else:
            assert isinstance(reply, QGroupBox)
            best = min(range(len(node.replies)), key=lambda i: distance[node.replies[i].next])
            [b for b in reply.findChildren(QRadioButton) if b.isVisible()][best].click()
        press(window, qtbot, "Send reply")
    raise AssertionError(f"{conversation.id} did not finish")


def test_a_new_learner_works_through_deliver_and_finds_it_all_after_a_restart(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = Path(os.environ.get("ZAVMO_JOURNEY_RECORD", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    window = open_window(onboarding=True)
    assert window.stack.currentWidget() is window.onboarding_screen  # a fresh data folder
    skip = find_by_name(window, "Skip setup")  # this journey is about Deliver
    skip.setFocus()
    qtbot.keyClick(skip, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home
    assert window.learner is not None
    board = window.learner.module("board-storytelling")
    assert board is not None
    window.open_module(board)
    settle()

    heard = record_read_aloud(window, qtbot, folder)
    assert len(heard) >= 6 and (folder / "read-aloud.wav").stat().st_size > 44_100
    assert [ms for ms, _ in heard] == sorted(ms for ms, _ in heard)

    kinds = one_of_each_type(window)
    assert sorted(kinds) == sorted(CONVERSATION_TYPES)
    for kind, (module, conversation) in kinds.items():
        window.open_conversation(module, conversation)
        settle()
        play_to_the_end(window, qtbot, conversation)
        window.conversation_screen.grab().save(str(folder / f"finished-{kind}.png"))
    evidence = window.learner.evidence.all()
    assert sorted(item.details["type"] for item in evidence) == sorted(CONVERSATION_TYPES)

    window.open_module(board)
    window.reader.show_tab("Checklists")
    items = find_by_name(window, "Checklist")
    assert isinstance(items, QListWidget)
    items.setFocus()
    qtbot.keyClick(items, Qt.Key.Key_Space)
    window.reader.show_tab("Reflections")
    reflection = find_by_name(window, "Your reflection")
    assert isinstance(reflection, QPlainTextEdit)
    reflection.setFocus()
    qtbot.keyClicks(reflection, REFLECTION)
    window.reader.grab().save(str(folder / "reflection.png"))
    window.close()

    again = open_window()
    assert again.learner is not None
    assert len(again.learner.checklists.done_ids("board-storytelling", "board-paper-prep")) == 1
    saved = again.learner.reflections.get("board-storytelling", "last-board-question")
    assert saved is not None and saved.text == REFLECTION
    kinds_kept = [item.kind for item in again.learner.evidence.all()]
    assert kinds_kept.count("conversation") == len(CONVERSATION_TYPES)
    assert "reflection" in kinds_kept
    again.open_module(again.learner.module("board-storytelling"))  # type: ignore[arg-type]
    again.reader.show_tab("Reflections")
    shown = find_by_name(again, "Your reflection")
    assert isinstance(shown, QPlainTextEdit) and shown.toPlainText() == REFLECTION
