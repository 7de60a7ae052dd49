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


@migrations()
def m002_focus_sessions(db: Database) -> None:
    # focused_seconds is running time (pauses excluded, overtime included); the
    # running session's row has no outcome and is brought up to date by heartbeats.
    db.execute(
        """CREATE TABLE focus_sessions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('focus', 'short_break', 'long_break')),
            activity TEXT NOT NULL DEFAULT '',
            planned_seconds INTEGER NOT NULL CHECK (planned_seconds >= 0),
            focused_seconds INTEGER NOT NULL DEFAULT 0 CHECK (focused_seconds >= 0),
            overtime_seconds INTEGER NOT NULL DEFAULT 0 CHECK (overtime_seconds >= 0),
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT,
            outcome TEXT CHECK (outcome IN ('completed', 'stopped', 'skipped', 'interrupted')),
            goal TEXT,
            check_in TEXT
        )"""
    )
    db.execute("CREATE INDEX focus_sessions_started_at ON focus_sessions (started_at)")
    db.execute(
        """CREATE TABLE focus_timer_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL,
            session_id INTEGER REFERENCES focus_sessions (id) ON DELETE SET NULL,
            saved_at TEXT NOT NULL
        )"""
    )
