"""Schema changes, only ever added to: never edit a migration that has been released."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("zavmo")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE learner_profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            display_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE module_progress (
            module_id TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('in_progress', 'complete')),
            position REAL NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            completed_at TEXT,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE recent_modules (
            module_id TEXT PRIMARY KEY,
            opened_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX recent_modules_opened_at ON recent_modules (opened_at)")
