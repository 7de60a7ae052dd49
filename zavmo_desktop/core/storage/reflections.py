"""The only place that knows the reflections table: what the learner wrote to each prompt.

A row exists once the learner has saved something; its `criteria` are the ones the learner
chose (the author's `evidences` until they change them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from zavmo_desktop.core.storage.database import Database

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class SavedReflection:
    module_id: str
    reflection_id: str
    text: str
    criteria: tuple[str, ...]
    created_at: str
    updated_at: str

    @property
    def written(self) -> bool:
        return bool(self.text.strip())


class ReflectionRepository:
    def __init__(self, db: Database, now: Clock = datetime.now) -> None:
        self.db = db
        self._now = now

    _COLUMNS = """SELECT module_id, reflection_id, text, criteria, created_at, updated_at
        FROM reflections"""

    def get(self, module_id: str, reflection_id: str) -> SavedReflection | None:
        row = self.db.execute(
            f"{self._COLUMNS} WHERE module_id = ? AND reflection_id = ?",
            [module_id, reflection_id],
        ).fetchone()
        return _saved(row) if row else None

    def for_module(self, module_id: str) -> dict[str, SavedReflection]:
        rows = self.db.execute(f"{self._COLUMNS} WHERE module_id = ?", [module_id]).fetchall()
        return {row[1]: _saved(row) for row in rows}

    def save(
        self, module_id: str, reflection_id: str, text: str, criteria: Iterable[str]
    ) -> SavedReflection:
        """Keep the text exactly as typed and the chosen criteria; created_at stays the first."""
        now = self._now().isoformat(timespec="seconds")
        chosen = json.dumps(list(dict.fromkeys(criteria)))
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO reflections (module_id, reflection_id, text, criteria, created_at,
                       updated_at) VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(module_id, reflection_id) DO UPDATE SET text = excluded.text,
                       criteria = excluded.criteria, updated_at = excluded.updated_at""",
                [module_id, reflection_id, text, chosen, now, now],
            )
        saved = self.get(module_id, reflection_id)
        assert saved is not None
        return saved


def _saved(row: tuple[object, ...]) -> SavedReflection:
    module_id, reflection_id, text, criteria, created_at, updated_at = row
    try:
        loaded = json.loads(str(criteria))
    except ValueError:
        loaded = []
    chosen = tuple(str(c) for c in loaded) if isinstance(loaded, list) else ()
    return SavedReflection(
        str(module_id), str(reflection_id), str(text), chosen, str(created_at), str(updated_at)
    )
