"""An upgrade that runs out of disk part-way leaves the learner's database whole.

Each migration runs in one transaction with the record that it ran (sqlite-utils), so a
full disk at any point leaves the schema exactly as after some whole number of migrations,
every row still there, nothing moved aside; with room again the upgrade finishes.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.core.test_migrations import FIRST_RELEASE, schema, table_rows
from tests.faults import fill, small_disk
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.storage.problems import Problem, StorageError
from zavmo_desktop.core.storage.store import open_store

ROOM_LEFT = (0, 4096, 8192, 12288, 16384, 24576, 32768, 49152, 65536, 98304, 131072)


def schema_after(pending: list[str], done: int, tmp_path: Path) -> set[tuple[str, str, str]]:
    """The first release's schema after its first `done` pending migrations."""
    copy = tmp_path / f"after-{done}.sqlite3"
    shutil.copy(FIRST_RELEASE, copy)
    db = Database(copy)
    migrations.apply(db, stop_before=pending[done] if done < len(pending) else None)
    try:
        return schema(db)
    finally:
        db.conn.close()


def test_an_upgrade_out_of_room_part_way_leaves_the_database_whole(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    shutil.copy(FIRST_RELEASE, fresh)
    pending = [m.name for m in migrations.pending(Database(fresh))]
    assert len(pending) >= 3  # the upgrade really is several steps
    before = table_rows(FIRST_RELEASE)
    stopped_part_way = 0
    for room in ROOM_LEFT:
        with small_disk(tmp_path / f"disk-{room}", size_kib=4096) as disk:
            data = disk / "data"
            data.mkdir()
            database = data / DATABASE_NAME
            shutil.copy(FIRST_RELEASE, database)
            filler = fill(disk, leave=room)
            try:
                open_store(data).db.conn.close()
            except StorageError as error:
                assert error.problem is Problem.DISK_FULL, room
            filler.unlink()
            conn = sqlite3.connect(database)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), room
            done = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
            conn.close()
            ran = [name for name in done if name in pending]
            assert ran == pending[: len(ran)], room  # whole migrations, in order
            if 0 < len(ran) < len(pending):
                stopped_part_way += 1
            db = Database(database)
            assert schema(db) == schema_after(pending, len(ran), tmp_path), room
            db.conn.close()
            after = table_rows(database)
            for table, rows in before.items():  # every row of the first release is there
                assert len(after[table]) == len(rows), (room, table)
            assert not (data / "damaged").exists(), room

            open_store(data).db.conn.close()  # with room again, the upgrade finishes
            db = Database(database)
            assert schema(db) == schema_after(pending, len(pending), tmp_path)
            db.conn.close()
    if not stopped_part_way:
        pytest.fail("no amount of room stopped the upgrade between migrations")
