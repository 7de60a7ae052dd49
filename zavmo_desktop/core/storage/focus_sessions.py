"""The only place that knows the focus-timer tables: the session log and the saved timer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from zavmo_desktop.core.focus.model import Change, Phase, SessionRecord
from zavmo_desktop.core.storage.database import Database


def _local(seconds: float) -> str:
    return datetime.fromtimestamp(seconds).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FocusSessionRow:
    id: int
    kind: str
    activity: str
    planned_seconds: int
    focused_seconds: int
    overtime_seconds: int
    started_at: str
    updated_at: str
    ended_at: str | None
    outcome: str | None  # None while the session runs (or ran when Zavmo last closed)
    goal: str | None  # None when "study with me" did not ask
    check_in: str | None


@dataclass(frozen=True)
class SavedTimer:
    state: dict[str, Any]
    session_id: int | None  # the log row of the phase the state is in, if any


@dataclass(frozen=True)
class FocusMinutes:
    today: int
    week: int  # Monday 00:00 to the end of today, local time


@dataclass(frozen=True)
class LoggedChange:
    ended_id: int | None
    started_id: int | None


class FocusSessionRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # The timer's transitions and heartbeat -------------------------------------

    def record_change(
        self, change: Change, state: Mapping[str, Any], activity: str, now: float
    ) -> LoggedChange:
        """End the finished row, open the new one and save the state, all or nothing."""
        with self.db.atomic():
            ended_id = self._running_id()
            if change.ended is not None and ended_id is not None:
                self._update(ended_id, change.ended, now)
            started_id = None
            if change.started is not None:
                started_id = self._insert(change.started, activity)
            self._save_state(state, started_id, now)
        return LoggedChange(ended_id if change.ended else None, started_id)

    def save_timer(
        self, state: Mapping[str, Any], running: SessionRecord | None, now: float
    ) -> None:
        """The heartbeat: the timer's state and the running row's time, as of `now`."""
        with self.db.atomic():
            session_id = self._running_id()
            if running is not None and session_id is not None:
                self._update(session_id, running, now)
            self._save_state(state, session_id if running else None, now)

    def load_timer(self) -> SavedTimer | None:
        row = self.db.execute(
            "SELECT state, session_id FROM focus_timer_state WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        try:
            state = json.loads(row[0])
        except ValueError:
            state = {}
        return SavedTimer(state if isinstance(state, dict) else {}, row[1])

    def close_open_sessions(self, keep: int | None = None) -> int:
        """Rows an earlier run left open (other than `keep`) end as interrupted, at their last
        heartbeat: time Zavmo was closed never counts. Returns how many."""
        with self.db.atomic():
            cursor = self.db.execute(
                """UPDATE focus_sessions SET outcome = 'interrupted', ended_at = updated_at
                   WHERE outcome IS NULL AND (? IS NULL OR id != ?)""",
                [keep, keep],
            )
        return int(cursor.rowcount)

    def set_check_in(self, session_id: int, text: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE focus_sessions SET check_in = ? WHERE id = ?", [text.strip(), session_id]
            )

    # Reading ---------------------------------------------------------------------

    _COLUMNS = """SELECT id, kind, activity, planned_seconds, focused_seconds, overtime_seconds,
        started_at, updated_at, ended_at, outcome, goal, check_in FROM focus_sessions"""

    def get(self, session_id: int) -> FocusSessionRow | None:
        row = self.db.execute(f"{self._COLUMNS} WHERE id = ?", [session_id]).fetchone()
        return FocusSessionRow(*row) if row else None

    def recent(self, limit: int = 50) -> list[FocusSessionRow]:
        rows = self.db.execute(f"{self._COLUMNS} ORDER BY id DESC LIMIT ?", [limit])
        return [FocusSessionRow(*row) for row in rows.fetchall()]

    def focus_seconds(self, start: datetime, end: datetime) -> int:
        """Focused seconds between two local times. A session that spans a boundary (say
        midnight) is shared out in proportion to how much of it fell on each side."""
        rows = self.db.execute(
            """SELECT focused_seconds, started_at, COALESCE(ended_at, updated_at)
               FROM focus_sessions WHERE kind = 'focus'
               AND started_at < ? AND COALESCE(ended_at, updated_at) >= ?""",
            [end.isoformat(timespec="seconds"), start.isoformat(timespec="seconds")],
        ).fetchall()
        total = 0.0
        for focused, began_text, finished_text in rows:
            began = datetime.fromisoformat(began_text)
            finished = datetime.fromisoformat(finished_text)
            total += focused * _share(began, finished, start, end)
        return int(total)

    def focus_minutes(self, now: datetime | None = None) -> FocusMinutes:
        """Whole minutes of focus today and this week (weeks start on Monday)."""
        now = now or datetime.now()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        monday = midnight - timedelta(days=midnight.weekday())
        tomorrow = midnight + timedelta(days=1)
        return FocusMinutes(
            today=self.focus_seconds(midnight, tomorrow) // 60,
            week=self.focus_seconds(monday, tomorrow) // 60,
        )

    # Inside ------------------------------------------------------------------------

    def _running_id(self) -> int | None:
        row = self.db.execute("SELECT session_id FROM focus_timer_state WHERE id = 1").fetchone()
        return None if row is None else row[0]

    def _insert(self, record: SessionRecord, activity: str) -> int:
        cursor = self.db.execute(
            """INSERT INTO focus_sessions (kind, activity, planned_seconds, started_at,
                   updated_at, goal) VALUES (?, ?, ?, ?, ?, ?)""",
            [
                str(record.kind),
                activity,
                record.planned_seconds,
                _local(record.started_at),
                _local(record.started_at),
                record.goal if record.kind is Phase.FOCUS and record.goal else None,
            ],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _update(self, session_id: int, record: SessionRecord, now: float) -> None:
        self.db.execute(
            """UPDATE focus_sessions SET planned_seconds = ?, focused_seconds = ?,
                   overtime_seconds = ?, updated_at = ?, ended_at = ?, outcome = ?
               WHERE id = ? AND outcome IS NULL""",
            [
                record.planned_seconds,
                record.focused_seconds,
                record.overtime_seconds,
                _local(now),
                None if record.ended_at is None else _local(record.ended_at),
                None if record.outcome is None else str(record.outcome),
                session_id,
            ],
        )

    def _save_state(self, state: Mapping[str, Any], session_id: int | None, now: float) -> None:
        self.db.execute(
            """INSERT INTO focus_timer_state (id, state, session_id, saved_at)
               VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state,
               session_id = excluded.session_id, saved_at = excluded.saved_at""",
            [json.dumps(dict(state)), session_id, _local(now)],
        )


def _share(began: datetime, finished: datetime, start: datetime, end: datetime) -> float:
    """How much of a session [began, finished] fell within [start, end), from 0 to 1."""
    span = (finished - began).total_seconds()
    if span <= 0:
        return 1.0 if start <= began < end else 0.0
    overlap = (min(finished, end) - max(began, start)).total_seconds()
    return max(0.0, overlap) / span
