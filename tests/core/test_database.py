"""The learner's connection without sqlite-utils: the same transactions, the same migrations."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.core.test_migrations import FIRST_RELEASE
from zavmo_desktop.core.storage.database import Database, connect, open_database
from zavmo_desktop.core.storage.migrations import migrations


def other_connection_sees(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Database:
    opened = open_database(tmp_path / "learner.sqlite3")
    opened.execute("CREATE TABLE notes (text TEXT NOT NULL)")
    return opened


def test_a_write_outside_atomic_is_committed_at_once(db: Database, tmp_path: Path) -> None:
    db.execute("INSERT INTO notes VALUES (?)", ["kept"])
    assert not db.conn.in_transaction
    assert other_connection_sees(tmp_path / "learner.sqlite3", "SELECT text FROM notes") == [
        ("kept",)
    ]


def test_atomic_is_all_or_nothing_and_a_nested_block_rolls_back_alone(db: Database) -> None:
    with pytest.raises(ValueError), db.atomic():
        db.execute("INSERT INTO notes VALUES ('first')")
        raise ValueError("the second write failed")
    assert db.execute("SELECT count(*) FROM notes").fetchone() == (0,)

    with db.atomic():
        db.execute("INSERT INTO notes VALUES ('outer')")
        with pytest.raises(sqlite3.IntegrityError), db.atomic():
            db.execute("INSERT INTO notes VALUES ('inner')")
            db.execute("INSERT INTO notes VALUES (NULL)")
    assert db.execute("SELECT text FROM notes").fetchall() == [("outer",)]
    assert not db.conn.in_transaction


def test_a_failed_statement_leaves_no_transaction_open(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO notes VALUES (NULL)")
    assert not db.conn.in_transaction
    db.execute("INSERT INTO notes VALUES ('next')")
    assert db.execute("SELECT text FROM notes").fetchall() == [("next",)]


def test_migrations_are_checked_without_sqlite_utils_and_applied_with_it(tmp_path: Path) -> None:
    fresh = connect(tmp_path / "fresh.sqlite3")
    assert not migrations.is_current(fresh.conn)  # a first start: every migration pending
    fresh.conn.close()

    upgraded = tmp_path / "upgraded.sqlite3"
    shutil.copy(FIRST_RELEASE, upgraded)
    old = connect(upgraded)
    assert not migrations.is_current(old.conn)  # an upgrade: some pending
    old.conn.close()

    db = open_database(upgraded)
    try:
        assert migrations.is_current(db.conn)
        assert [m.name for m in migrations.applied(db)] == migrations.names()
    finally:
        db.conn.close()
    reopened = open_database(upgraded)
    try:
        assert reopened.conn.total_changes == 0  # nothing pending: nothing written
    finally:
        reopened.conn.close()
