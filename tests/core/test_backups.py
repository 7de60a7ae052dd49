"""Rotating backups, and restoring the newest good one when the learner's database is damaged."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.backups import (
    backups_to_keep,
    list_backups,
    make_backup,
    thin_backups,
)
from zavmo_desktop.core.storage.database import is_healthy
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store

FIRST_OPEN = datetime(2025, 3, 1, 8, 0)
GOOD_BACKUP = datetime(2025, 3, 14, 9, 26)
NEWER_BACKUP = datetime(2025, 3, 20, 17, 5)
RESTART = datetime(2025, 3, 21, 10, 0)
PAGE = 4096


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


# --- which backups are kept --------------------------------------------------------------------


def test_keeps_newest_of_each_of_7_days_then_4_weeks() -> None:
    sunday = datetime(2025, 3, 30)  # ISO week 13 runs Monday 24 to Sunday 30 March
    stamps = [
        sunday - timedelta(days=days) + timedelta(hours=hour)
        for days in range(60)
        for hour in (9, 18)
    ]
    kept = backups_to_keep(stamps)
    daily = {datetime(2025, 3, day, 18) for day in range(24, 31)}
    weekly = {datetime(2025, 3, 23, 18), datetime(2025, 3, 16, 18)}
    weekly |= {datetime(2025, 3, 9, 18), datetime(2025, 3, 2, 18)}
    assert kept == daily | weekly
    assert max(stamps) in kept


def test_days_without_a_backup_do_not_count_towards_the_seven() -> None:
    # A learner who opens the app once a week keeps seven backups, not one.
    stamps = [datetime(2025, 1, 6) + timedelta(weeks=n) for n in range(12)]
    kept = backups_to_keep(stamps)
    newest_seven = set(sorted(stamps)[-7:])
    assert newest_seven <= kept
    assert len(kept) == 11  # 7 daily + 4 weekly from earlier weeks
    assert min(stamps) not in kept


def test_few_backups_are_all_kept() -> None:
    stamps = [GOOD_BACKUP, NEWER_BACKUP]
    assert backups_to_keep(stamps) == set(stamps)
    assert backups_to_keep([]) == set()


def test_thin_backups_deletes_the_files_not_kept(tmp_path: Path) -> None:
    source = sqlite3.connect(tmp_path / "source.sqlite3")
    source.execute("CREATE TABLE t (x)")
    folder = tmp_path / "backups"
    stamps = [datetime(2025, 3, 30, 12) - timedelta(days=n) for n in range(40)]
    for stamp in stamps:
        make_backup(source, folder, stamp)
    source.close()
    (folder / "notes.txt").write_text("not a backup")
    thin_backups(folder)
    left = {b.taken_at for b in list_backups(folder)}
    assert left == backups_to_keep(stamps)
    assert len(left) == 11
    assert (folder / "notes.txt").exists()  # only backups are ever deleted


# --- making a backup ---------------------------------------------------------------------------


def test_make_backup_writes_a_whole_healthy_copy(data_dir: Path) -> None:
    store = open_store(data_dir, now=at(FIRST_OPEN))
    ProgressRepository(store.db).set_complete("board-storytelling", True)
    target = make_backup(store.db.conn, store.backup_folder, GOOD_BACKUP)
    store.db.conn.close()
    assert target.name == "zavmo-20250314-092600-000000.sqlite3"
    assert is_healthy(target)
    assert not list(store.backup_folder.glob("*.partial"))
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT module_id, status FROM module_progress").fetchall() == [
            ("board-storytelling", "complete")
        ]
    finally:
        copy.close()
    # The first open had no learner data yet, so it made no backup.
    assert [b.taken_at for b in list_backups(store.backup_folder)] == [GOOD_BACKUP]


# --- damage and recovery -----------------------------------------------------------------------


def damage(path: Path, how: str) -> None:
    size = path.stat().st_size
    middle = (size // PAGE // 2) * PAGE
    with path.open("r+b") as handle:
        if how == "garbage":
            handle.seek(middle)
            handle.write(random.Random(7).randbytes(2 * PAGE))
        elif how == "truncated":
            handle.truncate(middle + 100)
        elif how == "header":
            handle.write(b"not a database!\x00")
        else:
            raise ValueError(how)
    assert not is_healthy(path), f"the '{how}' damage was not noticed by quick_check"


def learner_with_backup(data_dir: Path) -> OpenedStore:
    """A learner with many progress rows, backed up at GOOD_BACKUP, then closed."""
    store = open_store(data_dir, now=at(FIRST_OPEN))
    progress = ProgressRepository(store.db)
    with store.db.atomic():
        for number in range(300):
            progress.set_complete(f"module-{number:03d}-with-a-reasonably-long-id", True)
    ProfileRepository(store.db).set_display_name("Ada")
    store.back_up(GOOD_BACKUP)
    store.db.conn.close()
    return store


@pytest.mark.parametrize("how", ["garbage", "truncated", "header"])
def test_damaged_database_is_restored_from_newest_good_backup(data_dir: Path, how: str) -> None:
    database = learner_with_backup(data_dir).path
    damage(database, how)
    damaged_bytes = database.read_bytes()

    store = open_store(data_dir, now=at(RESTART))
    try:
        assert ProfileRepository(store.db).display_name() == "Ada"
        assert len(ProgressRepository(store.db).all()) == 300
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(store.notices) == 1
        notice = store.notices[0]
        assert "restored the backup from 14 March 2025 at 09:26" in notice
        kept = sorted((data_dir / "damaged").iterdir())
        assert kept[0].read_bytes() == damaged_bytes  # kept, never deleted
        assert {p.name.removeprefix(kept[0].name) for p in kept} <= {"", "-wal", "-shm"}
        assert str(kept[0]) in notice
    finally:
        store.db.conn.close()


def test_no_backup_means_a_fresh_database_and_a_notice(data_dir: Path) -> None:
    database = learner_with_backup(data_dir).path
    for backup in (data_dir / "backups").iterdir():
        backup.unlink()
    damage(database, "header")

    store = open_store(data_dir, now=at(RESTART))
    try:
        assert ProgressRepository(store.db).all() == {}
        assert is_healthy(data_dir / DATABASE_NAME)
        assert len(store.notices) == 1
        assert "no good backup" in store.notices[0]
        assert "fresh" in store.notices[0]
        assert len(list((data_dir / "damaged").iterdir())) == 1
    finally:
        store.db.conn.close()


def test_a_bad_newest_backup_is_skipped_for_an_older_good_one(data_dir: Path) -> None:
    database = learner_with_backup(data_dir).path  # good backup at GOOD_BACKUP
    store = open_store(data_dir, now=at(GOOD_BACKUP))  # its backup at open is the same one
    ProfileRepository(store.db).set_display_name("Ada Lovelace")
    store.back_up(NEWER_BACKUP)
    store.db.conn.close()
    newer = next(b.path for b in list_backups(data_dir / "backups") if b.taken_at == NEWER_BACKUP)
    damage(newer, "garbage")
    damage(database, "garbage")

    restored = open_store(data_dir, now=at(RESTART))
    try:
        assert ProfileRepository(restored.db).display_name() == "Ada"  # from the older backup
        assert "14 March 2025 at 09:26" in restored.notices[0]
    finally:
        restored.db.conn.close()


def test_healthy_database_gets_no_notice_and_nothing_set_aside(data_dir: Path) -> None:
    learner_with_backup(data_dir)
    store = open_store(data_dir, now=at(RESTART))
    try:
        assert store.notices == []
        assert not (data_dir / "damaged").exists()
        assert ProfileRepository(store.db).display_name() == "Ada"
    finally:
        store.db.conn.close()
