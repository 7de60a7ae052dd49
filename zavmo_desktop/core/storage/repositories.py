"""The only place that knows the learner tables; everything else asks these."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zavmo_desktop.core.storage.database import Database


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class ModuleProgress:
    module_id: str
    status: str  # "in_progress" or "complete"
    position: float  # how far through, 0.0 to 1.0: for "x% read"
    completed_at: str | None
    place: int | None = None  # the character the first visible line begins at; None if
    # only a fraction was saved (0.3.0 and earlier)

    @property
    def complete(self) -> bool:
        return self.status == "complete"


class SettingsRepository:
    """Raw stored values; validation lives in core.settings."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, Any]:
        rows = self.db.execute("SELECT key, value FROM settings").fetchall()
        return {key: json.loads(value) for key, value in rows}

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, values: Mapping[str, Any]) -> None:
        """All in one transaction: a preset is one write (and one fsync), not thirty."""
        now = _now()
        with self.db.atomic():
            for key, value in values.items():
                self.db.execute(
                    """INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                       ON CONFLICT(key) DO UPDATE SET value = excluded.value,
                       updated_at = excluded.updated_at""",
                    [key, json.dumps(value), now],
                )

    def remove(self, key: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM settings WHERE key = ?", [key])


class ProgressRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    _COLUMNS = """SELECT p.module_id, p.status, p.position, p.completed_at, r.place
                  FROM module_progress AS p LEFT JOIN reading_places AS r USING (module_id)"""

    def get(self, module_id: str) -> ModuleProgress | None:
        row = self.db.execute(f"{self._COLUMNS} WHERE p.module_id = ?", [module_id]).fetchone()
        return ModuleProgress(*row) if row else None

    def all(self) -> dict[str, ModuleProgress]:
        rows = self.db.execute(self._COLUMNS).fetchall()
        return {row[0]: ModuleProgress(*row) for row in rows}

    def mark_started(self, module_id: str) -> None:
        now = _now()
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO module_progress (module_id, status, started_at, updated_at)
                   VALUES (?, 'in_progress', ?, ?) ON CONFLICT(module_id) DO NOTHING""",
                [module_id, now, now],
            )

    def set_complete(self, module_id: str, complete: bool) -> None:
        now = _now()
        status = "complete" if complete else "in_progress"
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO module_progress
                       (module_id, status, started_at, completed_at, updated_at)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(module_id) DO UPDATE SET status = excluded.status,
                       completed_at = excluded.completed_at, updated_at = excluded.updated_at""",
                [module_id, status, now, now if complete else None, now],
            )

    def set_position(self, module_id: str, position: float, place: int | None = None) -> None:
        """How far through the module the learner is, 0.0 (top) to 1.0 (end), and the
        character their first visible line begins at."""
        clamped = min(1.0, max(0.0, position))
        now = _now()
        self.mark_started(module_id)
        with self.db.atomic():
            self.db.execute(
                "UPDATE module_progress SET position = ?, updated_at = ? WHERE module_id = ?",
                [clamped, now, module_id],
            )
            if place is not None:
                self.db.execute(
                    """INSERT INTO reading_places (module_id, place, updated_at) VALUES (?, ?, ?)
                       ON CONFLICT(module_id) DO UPDATE SET place = excluded.place,
                           updated_at = excluded.updated_at""",
                    [module_id, max(0, place), now],
                )


class RecentRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def touch(self, module_id: str) -> None:
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO recent_modules (module_id, opened_at) VALUES (?, ?)
                   ON CONFLICT(module_id) DO UPDATE SET opened_at = excluded.opened_at""",
                [module_id, datetime.now().isoformat(timespec="microseconds")],
            )

    def recent(self, limit: int = 10) -> list[str]:
        rows = self.db.execute(
            "SELECT module_id FROM recent_modules ORDER BY opened_at DESC LIMIT ?", [limit]
        ).fetchall()
        return [row[0] for row in rows]
