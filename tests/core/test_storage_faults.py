"""Real storage faults: a full disk at each step, a read-only folder, an unreadable file, a
locked file. Each says what the learner is told, and that no committed record is lost."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.faults import fill, read_only, small_disk, without_file_permission_override
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.backups import list_backups
from zavmo_desktop.core.storage.problems import Problem, StorageError, classify
from zavmo_desktop.core.storage.reflections import ReflectionRepository
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import open_store

MORNING = datetime(2025, 3, 14, 9, 26)
AFTERNOON = datetime(2025, 3, 14, 15, 0)
DISK_FULL = "Your disk is full. Nothing was lost. Free some space and Zavmo will save again."
MODULES = 400  # enough rows that a backup needs far more room than is left


def learner(data_dir: Path) -> Path:
    store = open_store(data_dir, now=lambda: MORNING)
    with store.db.atomic():
        for number in range(MODULES):
            ProgressRepository(store.db).set_complete(f"module-{number:04d}-{'x' * 200}", True)
    ReflectionRepository(store.db).save("board", "first", "What I learned.", [])
    store.back_up(MORNING)
    store.db.conn.close()
    return data_dir / DATABASE_NAME


def records(database: Path) -> tuple[int, str]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        count = conn.execute("SELECT count(*) FROM module_progress").fetchone()[0]
        text = conn.execute("SELECT text FROM reflections").fetchone()[0]
        return int(count), str(text)
    finally:
        conn.close()


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", size_kib=4096) as mounted:
        yield mounted


def test_disk_full_during_the_start_up_backup_keeps_everything_and_says_so(disk: Path) -> None:
    data = disk / "data"
    learner(data)
    fill(disk, leave=200_000)  # room to open, not to copy the whole database

    store = open_store(data, now=lambda: AFTERNOON)
    try:
        told = f"Zavmo could not make today's backup of your progress. {DISK_FULL}"
        assert store.notices == [told]
        assert len(ProgressRepository(store.db).all()) == MODULES
    finally:
        store.db.conn.close()
    assert [b.taken_at for b in list_backups(data / "backups")] == [MORNING]  # kept, whole
    assert not list(disk.rglob("*.partial*"))


def test_disk_full_during_a_restore_moves_nothing_and_says_so(disk: Path) -> None:
    data = disk / "data"
    database = learner(data)
    with database.open("r+b") as handle:  # damage: not a database any more
        handle.write(b"not a database!\x00")
    damaged = database.read_bytes()
    filler = fill(disk, leave=100_000)

    with pytest.raises(StorageError) as raised:
        open_store(data, now=lambda: AFTERNOON)
    assert raised.value.problem is Problem.DISK_FULL
    assert str(raised.value) == DISK_FULL
    assert database.read_bytes() == damaged  # still in its place, nothing half-written
    assert not (data / "damaged").exists()
    assert not list(disk.rglob("*.partial*"))

    filler.unlink()  # the learner frees some space and starts again
    store = open_store(data, now=lambda: AFTERNOON)
    try:
        assert "restored the backup from 14 March 2025 at 09:26" in store.notices[0]
    finally:
        store.db.conn.close()
    assert records(database) == (MODULES, "What I learned.")


def test_disk_full_during_an_autosave_keeps_what_was_saved(disk: Path) -> None:
    data = disk / "data"
    learner(data)
    store = open_store(data, now=lambda: AFTERNOON)
    filler = fill(disk, leave=20_000)
    reflections = ReflectionRepository(store.db)
    long_text = "A reflection that goes on. " * 20_000
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            reflections.save("board", "first", long_text, [])
        assert classify(raised.value, data) is Problem.DISK_FULL
        saved = reflections.get("board", "first")
        assert saved is not None and saved.text == "What I learned."
        filler.unlink()
        reflections.save("board", "first", long_text, [])  # and it saves again
        again = reflections.get("board", "first")
        assert again is not None and again.text == long_text
    finally:
        store.db.conn.close()


def test_disk_full_at_start_with_no_room_at_all(disk: Path) -> None:
    data = disk / "data"
    database = learner(data)
    filler = fill(disk, leave=0)
    try:
        store = open_store(data, now=lambda: AFTERNOON)
    except StorageError as error:
        assert error.problem is Problem.DISK_FULL and str(error) == DISK_FULL
    else:
        store.db.conn.close()
        assert store.notices and store.notices[0].endswith(DISK_FULL)
    filler.unlink()  # even reading a WAL database needs a little room
    assert records(database) == (MODULES, "What I learned.")
    assert not (data / "damaged").exists()


def test_a_read_only_data_folder_is_not_damage(data_dir: Path, tmp_path: Path) -> None:
    database = learner(data_dir)
    before = database.read_bytes()
    with read_only(data_dir, tmp_path) as folder, pytest.raises(StorageError) as raised:
        open_store(folder, now=lambda: AFTERNOON)
    if os.geteuid() == 0:  # a real read-only mount
        assert raised.value.problem is Problem.READ_ONLY
        assert str(raised.value).startswith("Your learning data is on a read-only drive or folder")
    else:  # a folder this user may not write to
        assert raised.value.problem is Problem.PERMISSION
    assert "damaged" not in str(raised.value)
    assert not (data_dir / "damaged").exists()
    assert database.read_bytes() == before
    assert records(database) == (MODULES, "What I learned.")


# The child reports what open_store did, as JSON, without the power to ignore permissions.
OPEN_AND_REPORT = """
import json, sys
from pathlib import Path
from zavmo_desktop.core.storage.problems import StorageError
from zavmo_desktop.core.storage.store import open_store
try:
    store = open_store(Path(sys.argv[1]))
except StorageError as error:
    print(json.dumps({"problem": error.problem.name, "message": str(error)}))
else:
    print(json.dumps({"problem": None, "notices": store.notices}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_database_without_read_permission_is_not_damage(data_dir: Path) -> None:
    database = learner(data_dir)
    before = database.read_bytes()
    database.chmod(0o000)
    try:
        child = subprocess.run(
            [*without_file_permission_override(), sys.executable, "-c", OPEN_AND_REPORT,
             str(data_dir)],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    finally:
        database.chmod(0o600)
    assert child.returncode == 0, child.stderr
    told = json.loads(child.stdout)
    assert told["problem"] == "PERMISSION"
    assert told["message"].startswith("Zavmo is not allowed to read or write your learning data")
    assert not (data_dir / "damaged").exists()
    assert database.read_bytes() == before


def test_a_locked_database_is_not_damage(data_dir: Path) -> None:
    database = learner(data_dir)
    holder = sqlite3.connect(database)  # another program holding the file
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as raised:
            open_store(data_dir, now=lambda: AFTERNOON)
    finally:
        holder.rollback()
        holder.close()
    assert raised.value.problem is Problem.LOCKED
    assert str(raised.value).startswith("Another program is using your progress file")
    assert not (data_dir / "damaged").exists()
    assert records(database) == (MODULES, "What I learned.")
