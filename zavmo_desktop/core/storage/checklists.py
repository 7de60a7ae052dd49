"""The only place that knows the checklist_items table: ticks, notes and dates per item.

A row exists once the learner has touched an item; an item with no row is not done, has
no note and no date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from zavmo_desktop.core.storage.database import Database

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class ItemState:
    module_id: str
    checklist_id: str
    item_id: str
    done: bool
    note: str
    due_date: str | None  # an ISO date, "2025-03-14"
    done_at: str | None
    updated_at: str

    @property
    def due(self) -> date | None:
        return date.fromisoformat(self.due_date) if self.due_date else None


class ChecklistRepository:
    def __init__(self, db: Database, now: Clock = datetime.now) -> None:
        self.db = db
        self._now = now

    _COLUMNS = """SELECT module_id, checklist_id, item_id, done, note, due_date, done_at,
        updated_at FROM checklist_items"""

    def get(self, module_id: str, checklist_id: str, item_id: str) -> ItemState | None:
        row = self.db.execute(
            f"{self._COLUMNS} WHERE module_id = ? AND checklist_id = ? AND item_id = ?",
            [module_id, checklist_id, item_id],
        ).fetchone()
        return _state(row) if row else None

    def for_module(self, module_id: str) -> dict[tuple[str, str], ItemState]:
        """Every touched item of a module, keyed by (checklist id, item id)."""
        rows = self.db.execute(f"{self._COLUMNS} WHERE module_id = ?", [module_id]).fetchall()
        return {(row[1], row[2]): _state(row) for row in rows}

    def done_ids(self, module_id: str, checklist_id: str) -> set[str]:
        rows = self.db.execute(
            """SELECT item_id FROM checklist_items
               WHERE module_id = ? AND checklist_id = ? AND done = 1""",
            [module_id, checklist_id],
        ).fetchall()
        return {row[0] for row in rows}

    def set_done(self, module_id: str, checklist_id: str, item_id: str, done: bool) -> ItemState:
        """Tick or untick. Ticking an item that is already done keeps its first done_at."""
        now = self._stamp()
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO checklist_items (module_id, checklist_id, item_id, done, done_at,
                       updated_at) VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(module_id, checklist_id, item_id) DO UPDATE SET
                       done = excluded.done,
                       done_at = CASE WHEN excluded.done = 0 THEN NULL
                                      ELSE COALESCE(checklist_items.done_at, excluded.done_at) END,
                       updated_at = excluded.updated_at""",
                [module_id, checklist_id, item_id, int(done), now if done else None, now],
            )
        return self._must_get(module_id, checklist_id, item_id)

    def set_note(self, module_id: str, checklist_id: str, item_id: str, note: str) -> ItemState:
        """The note exactly as typed; trimming is for showing it, not for keeping it."""
        return self._set(module_id, checklist_id, item_id, "note", note)

    def set_due_date(
        self, module_id: str, checklist_id: str, item_id: str, due: date | None
    ) -> ItemState:
        value = due.isoformat() if due is not None else None
        return self._set(module_id, checklist_id, item_id, "due_date", value)

    def _set(
        self, module_id: str, checklist_id: str, item_id: str, column: str, value: str | None
    ) -> ItemState:
        assert column in ("note", "due_date")
        now = self._stamp()
        with self.db.atomic():
            self.db.execute(
                f"""INSERT INTO checklist_items (module_id, checklist_id, item_id, {column},
                        updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(module_id, checklist_id, item_id) DO UPDATE SET
                        {column} = excluded.{column}, updated_at = excluded.updated_at""",
                [module_id, checklist_id, item_id, value, now],
            )
        return self._must_get(module_id, checklist_id, item_id)

    def _must_get(self, module_id: str, checklist_id: str, item_id: str) -> ItemState:
        state = self.get(module_id, checklist_id, item_id)
        assert state is not None
        return state

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")


def _state(row: tuple[object, ...]) -> ItemState:
    module_id, checklist_id, item_id, done, note, due_date, done_at, updated_at = row
    return ItemState(
        str(module_id),
        str(checklist_id),
        str(item_id),
        bool(done),
        str(note or ""),
        str(due_date) if due_date else None,
        str(done_at) if done_at else None,
        str(updated_at),
    )
