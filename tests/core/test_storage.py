"""The learner's database: how it is opened, what the repositories keep, and the instance lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.storage.repositories import (
    ProgressRepository,
    RecentRepository,
    SettingsRepository,
)
from zavmo_desktop.core.storage.settings_peek import peek_settings
from zavmo_desktop.core.storage.store import OpenedStore, open_store

WHEN = datetime(2025, 3, 14, 9, 26)


@pytest.fixture
def store(data_dir: Path) -> Iterator[OpenedStore]:
    opened = open_store(data_dir, now=lambda: WHEN)
    yield opened
    opened.db.conn.close()


def pragma(store: OpenedStore, name: str) -> object:
    return store.db.execute(f"PRAGMA {name}").fetchone()[0]


# --- opening ---------------------------------------------------------------------------------


def test_fresh_folder_gets_a_database_with_durable_settings(store: OpenedStore) -> None:
    assert store.path.is_file()
    assert store.path.name == DATABASE_NAME
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 2  # FULL
    assert pragma(store, "foreign_keys") == 1
    assert store.notices == []


def test_missing_data_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "usb-stick" / "Zavmo data"
    opened = open_store(folder, now=lambda: WHEN)
    try:
        assert (folder / DATABASE_NAME).is_file()
    finally:
        opened.db.conn.close()


def test_migrations_are_recorded_and_none_pending(store: OpenedStore) -> None:
    rows = store.db.execute(
        "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
    ).fetchall()
    assert rows == [("zavmo", m.name) for m in migrations._migrations]
    assert migrations.pending(store.db) == []
    assert {"learner_profile", "settings", "module_progress", "recent_modules"} <= set(
        store.db.table_names()
    )


def test_reopening_applies_nothing_twice(data_dir: Path) -> None:
    first = open_store(data_dir, now=lambda: WHEN)
    ProgressRepository(first.db).set_complete("board-storytelling", True)
    first.db.conn.close()
    second = open_store(data_dir, now=lambda: WHEN)
    try:
        count = second.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert count == len(migrations._migrations)
        assert ProgressRepository(second.db).get("board-storytelling") is not None
    finally:
        second.db.conn.close()


def test_opening_takes_a_backup_once_there_is_learner_data(data_dir: Path) -> None:
    first = open_store(data_dir, now=lambda: WHEN)
    assert not first.backup_folder.exists()  # a new learner: nothing to lose yet
    ProgressRepository(first.db).mark_started("board-storytelling")
    first.db.conn.close()
    second = open_store(data_dir, now=lambda: WHEN)
    second.db.conn.close()
    assert [p.name for p in second.backup_folder.iterdir()] == [
        f"zavmo-{WHEN.strftime('%Y%m%d-%H%M%S-%f')}.sqlite3"
    ]


# --- repositories ----------------------------------------------------------------------------


def test_progress_complete_and_uncomplete(store: OpenedStore) -> None:
    progress = ProgressRepository(store.db)
    assert progress.get("board-storytelling") is None
    progress.set_complete("board-storytelling", True)
    done = progress.get("board-storytelling")
    assert done is not None and done.complete and done.completed_at
    progress.set_complete("board-storytelling", False)
    undone = progress.get("board-storytelling")
    assert undone is not None
    assert not undone.complete
    assert undone.status == "in_progress"
    assert undone.completed_at is None


def test_progress_position_is_kept_and_clamped(store: OpenedStore) -> None:
    progress = ProgressRepository(store.db)
    progress.set_position("m", 0.4)
    assert progress.get("m").position == pytest.approx(0.4)  # type: ignore[union-attr]
    progress.set_complete("m", True)  # completing keeps the reading position
    assert progress.get("m").position == pytest.approx(0.4)  # type: ignore[union-attr]
    progress.set_position("m", -3)
    assert progress.get("m").position == 0.0  # type: ignore[union-attr]
    progress.set_position("m", 7.5)
    assert progress.get("m").position == 1.0  # type: ignore[union-attr]


def test_the_reading_place_is_an_exact_character_kept_beside_the_fraction(
    store: OpenedStore,
) -> None:
    progress = ProgressRepository(store.db)
    progress.set_position("m", 0.4)
    assert progress.get("m").place is None  # type: ignore[union-attr]  # a fraction only
    progress.set_position("m", 0.41, 2343)
    progress.set_position("m", 0.41, 2343)  # saving the same place again changes nothing
    saved = progress.get("m")
    assert saved is not None and (saved.position, saved.place) == (pytest.approx(0.41), 2343)
    progress.set_position("m", 0.2)  # no place given: the last exact one is kept
    assert progress.get("m").place == 2343  # type: ignore[union-attr]
    assert progress.all()["m"].place == 2343


def test_mark_started_never_undoes_completion(store: OpenedStore) -> None:
    progress = ProgressRepository(store.db)
    progress.set_complete("m", True)
    progress.mark_started("m")
    assert progress.get("m").complete  # type: ignore[union-attr]
    progress.mark_started("fresh")
    assert progress.get("fresh").status == "in_progress"  # type: ignore[union-attr]
    assert set(progress.all()) == {"m", "fresh"}


def test_recent_modules_newest_first(store: OpenedStore) -> None:
    recent = RecentRepository(store.db)
    for module_id in ("a", "b", "c", "a"):
        recent.touch(module_id)
    assert recent.recent() == ["a", "c", "b"]
    assert recent.recent(limit=2) == ["a", "c"]


def test_settings_round_trip_as_json(store: OpenedStore) -> None:
    settings = SettingsRepository(store.db)
    settings.set("theme", "dark")
    settings.set("text_scale", 150)
    settings.set("structured", {"colours": ["#000", "#fff"], "on": True, "ratio": 1.5})
    settings.set("theme", "light")  # an update, not a second row
    assert settings.all() == {
        "theme": "light",
        "text_scale": 150,
        "structured": {"colours": ["#000", "#fff"], "on": True, "ratio": 1.5},
    }
    settings.remove("structured")
    assert "structured" not in settings.all()


def test_settings_can_be_peeked_before_the_store_opens(store: OpenedStore, data_dir: Path) -> None:
    SettingsRepository(store.db).set("theme", "dark")
    assert peek_settings(data_dir) == {"theme": "dark"}


def test_peek_settings_of_missing_or_damaged_database_is_empty(data_dir: Path) -> None:
    assert peek_settings(data_dir) == {}
    (data_dir / DATABASE_NAME).write_bytes(b"this is not a database at all" * 100)
    assert peek_settings(data_dir) == {}


def test_profile_name(store: OpenedStore) -> None:
    profile = ProfileRepository(store.db)
    assert profile.display_name() == ""
    profile.set_display_name("  Ada Lovelace ")
    assert profile.display_name() == "Ada Lovelace"
    profile.set_display_name("Ada")
    assert profile.display_name() == "Ada"
    assert store.db.execute("SELECT count(*) FROM learner_profile").fetchone()[0] == 1


def test_writes_survive_closing_and_reopening(data_dir: Path) -> None:
    first = open_store(data_dir, now=lambda: WHEN)
    ProfileRepository(first.db).set_display_name("Grace")
    ProgressRepository(first.db).set_position("mlops-platform-strategy", 0.25)
    first.db.conn.close()
    second = open_store(data_dir, now=lambda: WHEN)
    try:
        assert ProfileRepository(second.db).display_name() == "Grace"
        position = ProgressRepository(second.db).get("mlops-platform-strategy")
        assert position is not None and position.position == pytest.approx(0.25)
    finally:
        second.db.conn.close()


# --- one app per data folder -------------------------------------------------------------------


def test_second_lock_on_the_same_folder_is_refused_until_released(data_dir: Path) -> None:
    first = InstanceLock(data_dir)
    first.acquire()
    second = InstanceLock(data_dir)
    with pytest.raises(AlreadyRunning) as refused:
        second.acquire()
    assert str(refused.value) == str(data_dir)
    first.release()
    second.acquire()
    second.release()


def test_lock_records_the_owner_pid(data_dir: Path) -> None:
    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        assert lock.path.read_text() == str(os.getpid())
    finally:
        lock.release()


def test_lock_in_another_folder_is_independent(tmp_path: Path, data_dir: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    first, second = InstanceLock(data_dir), InstanceLock(other)
    first.acquire()
    second.acquire()
    first.release()
    second.release()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from zavmo_desktop.core.storage.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))  # kept alive: the open file holds the lock
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_lock_of_a_killed_process_is_dropped_by_the_os(data_dir: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning):
            InstanceLock(data_dir).acquire()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    lock = InstanceLock(data_dir)
    lock.acquire()  # no stale lock file blocks the learner after a crash
    lock.release()
