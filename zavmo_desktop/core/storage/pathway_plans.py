"""The only place that knows the pathway tables: accepted plans, their history, done parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from zavmo_desktop.core.pathway.codec import plan_from_json, plan_to_json
from zavmo_desktop.core.pathway.model import Plan
from zavmo_desktop.core.storage.database import Database

Clock = Callable[[], datetime]
REASONS = ("first", "replan", "catch_up", "new")  # "new": started again from scratch


@dataclass(frozen=True)
class StoredPlan:
    id: int
    plan: Plan
    reason: str
    replaces: int | None
    accepted_at: str
    superseded_at: str | None


class PathwayRepository:
    def __init__(self, db: Database, now: Clock = datetime.now) -> None:
        self.db = db
        self._now = now
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        """`listener()` runs after each change is written: a plan accepted, a step ticked."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    _COLUMNS = "SELECT id, plan, reason, replaces, accepted_at, superseded_at FROM pathway_plans"

    def current(self) -> StoredPlan | None:
        row = self.db.execute(f"{self._COLUMNS} WHERE superseded_at IS NULL").fetchone()
        return _stored(row) if row else None

    def history(self) -> list[StoredPlan]:
        """Every accepted plan, the current one first."""
        rows = self.db.execute(f"{self._COLUMNS} ORDER BY id DESC").fetchall()
        return [_stored(row) for row in rows]

    def accept(self, plan: Plan, reason: str) -> StoredPlan:
        """Make `plan` the current one. The one before is kept, superseded; its done parts
        that are in the new plan (a re-plan keeps them all) are done in the new one too."""
        if reason not in REASONS:
            raise ValueError(f"reason must be one of {', '.join(REASONS)}")
        now = self._stamp()
        keys = {part.key for part in plan.parts}
        with self.db.atomic():
            before = self.db.execute(
                "SELECT id FROM pathway_plans WHERE superseded_at IS NULL"
            ).fetchone()
            old_id = before[0] if before else None
            if old_id is not None:
                self.db.execute(
                    "UPDATE pathway_plans SET superseded_at = ? WHERE id = ?", [now, old_id]
                )
            cursor = self.db.execute(
                """INSERT INTO pathway_plans (plan, reason, replaces, accepted_at)
                   VALUES (?, ?, ?, ?)""",
                [plan_to_json(plan), reason, old_id, now],
            )
            new_id = int(cursor.lastrowid or 0)
            if old_id is not None:
                carried = [(k, at) for k, at in self._done_rows(old_id) if k in keys]
                self.db.conn.executemany(
                    "INSERT INTO pathway_done (plan_id, part_key, done_at) VALUES (?, ?, ?)",
                    [(new_id, key, at) for key, at in carried],
                )
        stored = self.current()
        assert stored is not None
        self._changed()
        return stored

    def done(self, plan_id: int) -> frozenset[str]:
        return frozenset(key for key, _ in self._done_rows(plan_id))

    def set_done(self, plan_id: int, part_key: str, done: bool) -> None:
        with self.db.atomic():
            if done:
                self.db.execute(
                    """INSERT INTO pathway_done (plan_id, part_key, done_at) VALUES (?, ?, ?)
                       ON CONFLICT(plan_id, part_key) DO NOTHING""",
                    [plan_id, part_key, self._stamp()],
                )
            else:
                self.db.execute(
                    "DELETE FROM pathway_done WHERE plan_id = ? AND part_key = ?",
                    [plan_id, part_key],
                )
        self._changed()

    def _done_rows(self, plan_id: int) -> list[tuple[str, str]]:
        rows = self.db.execute(
            "SELECT part_key, done_at FROM pathway_done WHERE plan_id = ? ORDER BY part_key",
            [plan_id],
        ).fetchall()
        return [(str(key), str(at)) for key, at in rows]

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")


def _stored(row: tuple[object, ...]) -> StoredPlan:
    plan_id, text, reason, replaces, accepted_at, superseded_at = row
    return StoredPlan(
        int(str(plan_id)),
        plan_from_json(str(text)),
        str(reason),
        int(str(replaces)) if replaces is not None else None,
        str(accepted_at),
        str(superseded_at) if superseded_at is not None else None,
    )
