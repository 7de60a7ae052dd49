"""Save a learner database of this release's schema, for the upgrade tests.

Run it when a release ships a schema (before that release's successor adds migrations):

    .venv/bin/python tests/data/make_schema_fixture.py

It writes tests/data/learner-schema-<version>.sqlite3 through this release's own
storage code, with a learner who has done a little of everything. Commit the file
and never change it afterwards: tests/core/test_migrations.py opens every saved
database with the current code and checks that no row was lost.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from zavmo_desktop import __version__
from zavmo_desktop.core.focus.model import Change, SessionRecord
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.core.storage.repositories import (
    ProgressRepository,
    RecentRepository,
    SettingsRepository,
)

HERE = Path(__file__).resolve().parent


def fill(path: Path) -> None:
    db = open_database(path)
    ProfileRepository(db).set_display_name("Ada Lovelace")
    settings = SettingsRepository(db)
    settings.set("theme", "dark")
    settings.set("text_scale", 150)
    progress = ProgressRepository(db)
    progress.set_complete("board-storytelling", True)
    progress.set_position("mlops-platform-strategy", 0.4)
    progress.set_position("responsible-ai-leadership", 0.75)
    progress.set_complete("responsible-ai-leadership", False)
    recent = RecentRepository(db)
    for module_id in ("board-storytelling", "responsible-ai-leadership", "mlops-platform-strategy"):
        recent.touch(module_id)
    fill_focus_sessions(FocusSessionRepository(db))
    db.conn.close()


def fill_focus_sessions(sessions: FocusSessionRepository) -> None:
    """One finished focus session and a short break still running (from 0.2.0)."""
    start = 1_700_000_000.0
    focus = SessionRecord("focus", 1500, 0, 0, start, None, None, "Draft the board paper")
    sessions.record_change(Change(started=focus), {"phase": "focus"}, "board-storytelling", start)
    done = SessionRecord("focus", 1500, 1560, 60, start, start + 1620, "completed", focus.goal)
    rest = SessionRecord("short_break", 300, 0, 0, start + 1620, None, None, "")
    sessions.record_change(Change(done, rest), {"phase": "short_break"}, "", start + 1620)


def compact(path: Path) -> None:
    """One self-contained file: no -wal beside it, no free pages."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("VACUUM")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args()
    target = HERE / f"learner-schema-{__version__}.sqlite3"
    if target.exists() and not args.force:
        print(f"{target} exists; a released schema's file is never changed", file=sys.stderr)
        return 1
    target.unlink(missing_ok=True)
    fill(target)
    compact(target)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
