"""Opening the learner's database: durable settings, migrations, health checks."""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.storage.files import PRIVATE_FILE, make_private
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.storage.problems import Problem, StorageError, classify

if TYPE_CHECKING:
    from zavmo_desktop.core.xapi.records import LearningRecords

# The tables that hold what the learner did; the first four come with the first schema.
LEARNER_TABLES = (
    "learner_profile",
    "settings",
    "module_progress",
    "recent_modules",
    "focus_sessions",
    "conversation_runs",
    "checklist_items",
    "reflections",
    "evidence",
    "reading_places",
    "assessment_rounds",
    "pathway_plans",
    "review_cards",
    "sign_offs",
)


class Health(Enum):
    GOOD = "good"  # passes quick_check and has the learner tables
    MISSING = "missing"
    EMPTY = "empty"  # 0 bytes, as a sync tool or a full disk can leave it
    NO_TABLES = "no learner tables"  # a database, but not a learner's
    DAMAGED = "damaged"  # fails quick_check, or is not a database


class Database:
    """The learner's connection, with the two calls the repositories make, as sqlite-utils'
    Database makes them (a write outside `atomic` commits at once; `atomic` is one
    transaction, nested ones savepoints). It is plain sqlite3: importing sqlite-utils would
    cost a start 50-100 ms, so only migrations use it (see migration_set.py)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._savepoints = itertools.count()
        # Set (core.xapi.records.keep_records) only when the organisation names an LRS.
        self.records: LearningRecords | None = None

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            savepoint = f"atomic_{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # an error may have ended the transaction itself
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [row[0] for row in rows]


def connect(path: Path) -> Database:
    """The learner's database, with the durability their records need."""
    if not path.exists():
        # Created private before SQLite opens it: its -wal and -shm take the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    make_private(path)
    # check_same_thread=False: it is opened on a worker thread at start-up, then
    # handed to the GUI thread, which alone uses it from then on.
    # isolation_level=None: no implicit transactions; `atomic` opens them explicitly.
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=5, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA recursive_triggers=ON")  # as sqlite-utils sets it
    return Database(conn)


def open_database(path: Path) -> Database:
    db = connect(path)
    if not migrations.is_current(db.conn):
        migrations.apply(db)
    return db


def inspect(path: Path) -> Health:
    """What state the file is in. Raises StorageError when it cannot be read at all
    (permission, read-only drive, locked, disk full): that is not damage."""
    if not path.exists():
        return Health.MISSING
    wal = Path(f"{path}-wal")
    if path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        return Health.EMPTY
    try:
        with open(path, "rb"):
            pass  # an unreadable file is a permission problem, never damage
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as error:
        problem = classify(error, path.parent)
        if problem is Problem.DAMAGED:
            return Health.DAMAGED
        raise StorageError(problem, path.parent, error) from error
    if rows != [("ok",)]:
        return Health.DAMAGED
    return Health.GOOD if tables & set(LEARNER_TABLES) else Health.NO_TABLES


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


def holds_learner_data(conn: sqlite3.Connection) -> bool:
    """True when any learner table has a row: an empty schema has nothing to lose."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    present = [name for name in LEARNER_TABLES if name in tables]
    return any(conn.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone() for name in present)


def is_good_backup(path: Path) -> bool:
    """A backup worth keeping and restoring: passes quick_check and holds learner data."""
    if not path.exists() or path.stat().st_size == 0 or not is_healthy(path):
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return holds_learner_data(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return False
