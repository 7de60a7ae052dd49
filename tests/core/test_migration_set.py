"""A new database gets its schema with plain SQL (core/storage/migration_set.py), exactly
as sqlite-utils' Migrations would make it, so that every later upgrade through sqlite-utils
finds the same tables and the same record of what ran."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database as UtilsDatabase

from zavmo_desktop.core.storage.database import Database, connect, open_database
from zavmo_desktop.core.storage.migration_set import MigrationSet
from zavmo_desktop.core.storage.migrations import migrations


def master(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    return conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()


def record(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY id").fetchall()


def test_a_new_database_is_made_as_sqlite_utils_makes_it(tmp_path: Path) -> None:
    ours = open_database(tmp_path / "ours.sqlite3")
    theirs = UtilsDatabase(tmp_path / "theirs.sqlite3")
    migrations.as_sqlite_utils().apply(theirs)
    try:
        assert master(ours.conn) == master(theirs.conn)  # every table and index, to the letter
        assert record(ours.conn) == record(theirs.conn)
        times = [row[0] for row in ours.conn.execute("SELECT applied_at FROM _sqlite_migrations")]
        assert all(datetime.fromisoformat(time).tzinfo is not None for time in times)
        # sqlite-utils reads our record as its own: nothing left to do, nothing to redo.
        assert migrations.as_sqlite_utils().pending(UtilsDatabase(ours.conn)) == []
        assert migrations.is_current(ours.conn)
    finally:
        ours.conn.close()
        theirs.close()


def test_a_new_database_is_made_without_importing_sqlite_utils(tmp_path: Path) -> None:
    # A fresh interpreter: this one has sqlite-utils loaded by the test above.
    code = (
        "import sys; from pathlib import Path\n"
        "from zavmo_desktop.core.storage.database import open_database\n"
        f"open_database(Path({str(tmp_path / 'new.sqlite3')!r})).conn.close()\n"
        "print('sqlite_utils' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_failing_migration_leaves_a_new_database_empty_and_a_retry_completes(
    tmp_path: Path,
) -> None:
    steps = MigrationSet("test")
    fail = [True]

    @steps()
    def m001_first(db: UtilsDatabase) -> None:
        db.execute("CREATE TABLE first (x)")

    @steps()
    def m002_second(db: UtilsDatabase) -> None:
        if fail[0]:
            raise sqlite3.OperationalError("database or disk is full")
        db.execute("CREATE TABLE second (x)")

    db: Database = connect(tmp_path / "new.sqlite3")
    try:
        with pytest.raises(sqlite3.OperationalError):
            steps.apply(db)
        assert master(db.conn) == []  # all or nothing: the next start begins again
        fail[0] = False
        steps.apply(db)
        assert {row[1] for row in master(db.conn)} >= {"first", "second", "_sqlite_migrations"}
        assert steps.is_current(db.conn)
    finally:
        db.conn.close()
