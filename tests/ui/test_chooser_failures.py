"""A learner chosen on the list whose data cannot be opened (another program holds their
database): the list comes back saying why, calmly, with the root's lock still held; the
learner can try again; and the app's exit code says something failed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name
from tests.ui.test_switch_learner import close_every_window, press, start, wait_loaded
from zavmo_desktop.core.profiles.registry import Profiles
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import open_store
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.profile_chooser import ProfileChooser

__all__ = ["close_every_window"]

BUSY = "Another program is using your progress file"


def learner_with_progress(folder: Path) -> Path:
    store = open_store(folder)
    ProgressRepository(store.db).set_complete("board-storytelling", True)
    store.db.conn.close()
    return folder / DATABASE_NAME


@contextmanager
def held_by_another_program(database: Path) -> Iterator[None]:
    holder = sqlite3.connect(database)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


def shown_chooser() -> ProfileChooser | None:
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, ProfileChooser) and w.isVisible()]  # fmt: skip
    return found[0] if found else None


def test_a_learner_that_cannot_be_opened_is_brought_back_to_the_list(
    qtbot: QtBot, data_dir: Path
) -> None:
    registry = Profiles(data_dir)
    beatriz = registry.folder_of(registry.add("Beatriz").id)
    database = learner_with_progress(beatriz)
    before = database.read_bytes()
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    with held_by_another_program(database):
        press(qtbot, find_by_name(chooser.list_page, "Beatriz"))
        qtbot.waitUntil(lambda: shown_chooser() not in (None, chooser), timeout=20_000)
    back = shown_chooser()
    assert back is not None and not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    status = back.list_page.status
    assert status.isVisible() and status.text().startswith(
        "Zavmo could not open Beatriz's learning space, so you are back at the list."
    )
    assert BUSY in status.text() and status.text().endswith("to try once more.")
    assert find_by_name(back.list_page, status.text()) is status  # heard as it reads
    assert back.session.failures  # for the exit code
    with pytest.raises(AlreadyRunning):  # the list holds the root's lock: still one app
        InstanceLock(data_dir).acquire()
    assert database.read_bytes() == before  # nothing lost
    assert not (beatriz / "damaged").exists()  # and nothing set aside as damaged
    first = find_by_name(back.list_page, "First learner")
    qtbot.waitUntil(lambda: back.isActiveWindow() and QApplication.focusWidget() is first)
    press(qtbot, find_by_name(back.list_page, "Beatriz"))  # the other program let go
    window = back.successor
    assert isinstance(window, MainWindow)
    wait_loaded(qtbot, window)
    assert window.data_dir == beatriz


# The real app's main(): choose Beatriz, read the list's words when it comes back, close.
START = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from zavmo_desktop.app import main
    from zavmo_desktop.ui.profile_chooser import ProfileChooser

    app = QApplication([sys.argv[0]])
    seen = []
    def step():
        choosers = [w for w in app.topLevelWidgets()
                    if isinstance(w, ProfileChooser) and w.isVisible()]
        if not choosers:
            return
        chooser = choosers[0]
        if not seen:
            seen.append(chooser)
            chooser.list_page.learner_buttons["beatriz"].click()
        elif chooser is not seen[0] and chooser.list_page.status.isVisible():
            print("LIST:", chooser.list_page.status.text(), flush=True)
            chooser.close()
    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    sys.exit(main(["--data-dir", sys.argv[1]]))
    """
)


def test_the_exit_code_says_a_learner_could_not_be_opened(data_dir: Path) -> None:
    registry = Profiles(data_dir)
    database = learner_with_progress(registry.folder_of(registry.add("Beatriz").id))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with held_by_another_program(database):
        child = subprocess.run(
            [sys.executable, "-c", START, str(data_dir)],
            capture_output=True, text=True, timeout=120, env=env, check=False,
        )  # fmt: skip
    assert "LIST: Zavmo could not open Beatriz's learning space" in child.stdout, child.stderr
    assert child.returncode == 1
    assert "Traceback" not in child.stderr


def test_the_list_shown_again_keeps_the_look_of_whoever_was_in_last(
    qtbot: QtBot, data_dir: Path
) -> None:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.profiles import DEFAULT_ID

    learner = Learner.open(data_dir, [])
    learner.settings.set("text_scale", 200)  # the root's learner reads at 200%
    learner.close()
    registry = Profiles(data_dir)
    database = learner_with_progress(registry.folder_of(registry.add("Beatriz").id))
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    size = chooser.list_page.status.font().pointSizeF()
    with held_by_another_program(database):
        press(qtbot, find_by_name(chooser.list_page, "Beatriz"))
        qtbot.waitUntil(lambda: shown_chooser() not in (None, chooser), timeout=20_000)
    back = shown_chooser()
    assert back is not None
    assert Profiles(data_dir).last_used().id == DEFAULT_ID  # Beatriz was never in
    assert back.list_page.status.font().pointSizeF() == size
