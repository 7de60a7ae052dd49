"""Opening the learner's database: durable settings, migrations, damage checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from zavmo_desktop.core.storage.migrations import migrations


def connect(path: Path) -> Database:
    """A sqlite-utils Database with the durability the learner's records need."""
    # check_same_thread=False: it is opened on a worker thread at start-up, then
    # handed to the GUI thread, which alone uses it from then on.
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=5)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return Database(conn, execute_plugins=False)


def open_database(path: Path) -> Database:
    db = connect(path)
    migrations.apply(db)
    return db


def is_healthy(path: Path) -> bool:
    """True when the file is a readable SQLite database that passes quick_check."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]
