"""A missing, empty or table-less database is restored from the newest good backup, the
learner is told, and no empty backup ever thins a good one away."""

from __future__ import annotations

import sqlite3
import stat
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.backups import list_backups, make_backup, thin_backups
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.reflections import ReflectionRepository
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store

MORNING = datetime(2025, 3, 14, 9, 26)
LATER_SAME_DAY = datetime(2025, 3, 14, 17, 40)
NEXT_DAY = datetime(2025, 3, 15, 8, 0)
WORDS = "I told the board the story of one failed model, and they listened."


def at(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def learner_backed_up(data_dir: Path) -> None:
    """A learner with progress and a reflection, backed up in the morning, then closed."""
    store = open_store(data_dir, now=at(MORNING))
    for number in range(40):
        ProgressRepository(store.db).set_complete(f"module-{number}", True)
    ReflectionRepository(store.db).save("board-storytelling", "first", WORDS, ["C1"])
    store.back_up(MORNING)
    store.db.conn.close()


def assert_all_there(store: OpenedStore) -> None:
    assert len(ProgressRepository(store.db).all()) == 40
    saved = ReflectionRepository(store.db).get("board-storytelling", "first")
    assert saved is not None and saved.text == WORDS


def make_empty(database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(b"")


def make_table_less(database: Path) -> None:
    make_empty(database)
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE notes (x)")  # a database, but not a learner's
    conn.commit()
    conn.close()


def delete(database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("spoil", "found"),
    [
        (make_empty, "was empty"),
        (delete, "was missing"),
        (make_table_less, "held none of your learning records"),
    ],
)
def test_a_lost_database_is_restored_from_the_backup_and_the_learner_told(
    data_dir: Path, spoil: Callable[[Path], None], found: str
) -> None:
    learner_backed_up(data_dir)
    spoil(data_dir / DATABASE_NAME)

    store = open_store(data_dir, now=at(LATER_SAME_DAY))
    try:
        assert_all_there(store)
        assert len(store.notices) == 1
        assert store.notices[0].startswith(
            f"Your progress file {found}, so Zavmo restored the backup from 14 March 2025 at 09:26."
        )
    finally:
        store.db.conn.close()
    # The start-up backup did not thin the good one away: the newest backup is good too.
    newest = sqlite3.connect(list_backups(data_dir / "backups")[0].path)
    try:
        assert newest.execute("SELECT count(*) FROM module_progress").fetchone() == (40,)
    finally:
        newest.close()


def test_what_was_found_in_the_place_of_the_database_is_kept(data_dir: Path) -> None:
    learner_backed_up(data_dir)
    make_table_less(data_dir / DATABASE_NAME)
    store = open_store(data_dir, now=at(LATER_SAME_DAY))
    store.db.conn.close()
    kept = list((data_dir / "damaged").glob("*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in store.notices[0]
    conn = sqlite3.connect(kept[0])
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]
    conn.close()


def test_a_first_start_is_quiet(data_dir: Path) -> None:
    store = open_store(data_dir, now=at(MORNING))
    store.db.conn.close()
    assert store.notices == []
    assert not (data_dir / "damaged").exists()


def test_an_empty_backup_never_thins_a_good_one_away(data_dir: Path, tmp_path: Path) -> None:
    learner_backed_up(data_dir)
    folder = data_dir / "backups"
    empty = open_database(tmp_path / "fresh.sqlite3")  # the schema, no learner data
    for hours in range(1, 4):  # newer, same day: the rotation keeps one a day
        make_backup(empty.conn, folder, MORNING + timedelta(hours=hours))
    make_backup(empty.conn, folder, NEXT_DAY)
    empty.conn.close()
    thin_backups(folder)
    assert [b.taken_at for b in list_backups(folder)] == [MORNING]


def test_opening_an_empty_database_with_no_backup_makes_no_backup(data_dir: Path) -> None:
    (data_dir / DATABASE_NAME).write_bytes(b"")
    store = open_store(data_dir, now=at(MORNING))
    store.db.conn.close()
    assert list_backups(data_dir / "backups") == []


def test_partial_files_left_by_a_kill_are_removed(data_dir: Path) -> None:
    learner_backed_up(data_dir)
    leftovers = [
        data_dir / f"{DATABASE_NAME}.partial",
        data_dir / "backups" / "zavmo-20250314-180000-000000.sqlite3.partial",
        data_dir / "backups" / "zavmo-20250314-180000-000000.sqlite3.partial-journal",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"half a copy")
    store = open_store(data_dir, now=at(LATER_SAME_DAY))
    try:
        assert_all_there(store)
        assert store.notices == []
    finally:
        store.db.conn.close()
    assert not any(leftover.exists() for leftover in leftovers)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_learner_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "Zavmo"
    learner_backed_up(folder)
    make_table_less(folder / DATABASE_NAME)  # so that something is set aside in damaged/
    store = open_store(folder, now=at(LATER_SAME_DAY))
    try:
        ProgressRepository(store.db).mark_started("one-more")  # the WAL exists now
        files = [folder / DATABASE_NAME, Path(f"{folder / DATABASE_NAME}-wal")]
        files += [*(folder / "backups").iterdir(), *(folder / "damaged").iterdir()]
        modes = {str(path): stat.S_IMODE(path.stat().st_mode) for path in files}
        assert set(modes.values()) == {0o600}, modes
        for each in (folder, folder / "backups", folder / "damaged"):
            assert stat.S_IMODE(each.stat().st_mode) == 0o700, each
    finally:
        store.db.conn.close()
