"""Start-up and closing under storage faults: a read-only data folder and a locked file get
their own words in a dialog (never "damaged"), and closing during the load is clean."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.accessibility import names_starting
from tests.faults import read_only
from tests.ui.conftest import OpenWindow
from zavmo_desktop.app import prepare_window
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import open_store


def learner_with_progress(data_dir: Path) -> Path:
    store = open_store(data_dir)
    ProgressRepository(store.db).set_complete("board-storytelling", True)
    store.db.conn.close()
    return data_dir / DATABASE_NAME


# The real app's main(), with whatever dialog it shows read out and dismissed.
START = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from zavmo_desktop.app import main

    app = QApplication([sys.argv[0]])
    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            print("DIALOG:", " ".join(box.text().split()), flush=True)
            box.accept()
    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(50)
    sys.exit(main(["--data-dir", sys.argv[1]]))
    """
)


def test_a_read_only_data_folder_says_so_and_changes_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    database = learner_with_progress(data_dir)
    before = database.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with read_only(data_dir, tmp_path) as folder:
        child = subprocess.run(
            [sys.executable, "-c", START, str(folder)],
            capture_output=True, text=True, timeout=60, env=env, check=False,
        )  # fmt: skip
    if os.geteuid() == 0:  # a real read-only mount
        expected = "Your learning data is on a read-only drive or folder"
    else:
        expected = "Zavmo is not allowed to read or write your learning data"
    assert child.returncode == 1, child.stderr
    assert f"DIALOG: {expected}" in child.stdout
    assert expected in child.stderr and "Traceback" not in child.stderr
    assert "damaged" not in child.stdout + child.stderr
    assert not (data_dir / "damaged").exists()
    assert database.read_bytes() == before


def test_a_locked_database_is_explained_not_set_aside(
    qapp: QApplication, qtbot: QtBot, data_dir: Path
) -> None:
    database = learner_with_progress(data_dir)
    holder = sqlite3.connect(database)  # another program holding the file
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    seen: list[str] = []

    def read_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, read_the_dialog)

    window = prepare_window(["--data-dir", str(data_dir)])
    try:
        window.failed.connect(window.explain_failure)
        window.show()
        QTimer.singleShot(50, read_the_dialog)
        window.start_loading()
        qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    finally:
        holder.rollback()
        holder.close()
    assert seen[0].startswith("Another program is using your progress file")
    assert "Nothing was lost" in seen[0]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not (data_dir / "damaged").exists()


def test_closing_while_loading_keeps_the_lock_until_the_loader_is_done(
    qapp: QApplication, qtbot: QtBot, data_dir: Path
) -> None:
    learner_with_progress(data_dir)
    window = prepare_window(["--data-dir", str(data_dir)])
    window.show()
    window.start_loading()
    window.close()  # at once, while the store and the content are still opening
    with pytest.raises(AlreadyRunning):
        InstanceLock(data_dir).acquire()  # still held: the loader may be restoring a backup
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    assert window.learner is None
    lock = InstanceLock(data_dir)
    lock.acquire()  # released once the loader was done
    lock.release()
    window.deleteLater()


def test_an_emptied_database_is_restored_and_home_says_so(
    data_dir: Path, open_window: OpenWindow
) -> None:
    store = open_store(data_dir)
    ProgressRepository(store.db).set_complete("board-storytelling", True)
    store_time = datetime(2025, 3, 14, 9, 26)
    store.back_up(store_time)
    store.db.conn.close()
    database = data_dir / DATABASE_NAME
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(b"")  # what a sync tool or a full disk can leave

    window = open_window()
    told = names_starting(window, "Your progress file was empty, so Zavmo restored the backup")
    assert told and f"{store_time:%d %B %Y at %H:%M}" in told[0]
    assert window.learner is not None and window.learner.completed_count() == 1
