"""The only place that knows the evidence tables: what the learner did, mapped to criteria.

Deliver's activities write evidence here; the Demonstrate portfolio reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zavmo_desktop.core.storage.database import Database

EVIDENCE_KINDS = ("conversation", "checklist_item", "reflection")


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class EvidenceItem:
    id: int
    kind: str
    source: str  # e.g. "reflection:board-storytelling/shared-goal"; unique
    module_id: str
    activity_id: str
    title: str
    text: str
    details: dict[str, Any]
    created_at: str
    updated_at: str
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class NewEvidence:
    kind: str
    source: str
    module_id: str
    activity_id: str
    title: str
    text: str
    criteria: tuple[str, ...]
    details: dict[str, Any] | None = None


class EvidenceRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, evidence: NewEvidence) -> int:
        """Add the item, or bring the one from the same source up to date. Returns its id."""
        if evidence.kind not in EVIDENCE_KINDS:
            raise ValueError(f"unknown evidence kind {evidence.kind!r}")
        now = _now()
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO evidence (kind, source, module_id, activity_id, title, text,
                       details, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(source) DO UPDATE SET title = excluded.title,
                       text = excluded.text, details = excluded.details,
                       updated_at = excluded.updated_at""",
                [
                    evidence.kind,
                    evidence.source,
                    evidence.module_id,
                    evidence.activity_id,
                    evidence.title,
                    evidence.text,
                    json.dumps(evidence.details or {}),
                    now,
                    now,
                ],
            )
            evidence_id = int(
                self.db.execute(
                    "SELECT id FROM evidence WHERE source = ?", [evidence.source]
                ).fetchone()[0]
            )
            self._set_criteria(evidence_id, evidence.criteria)
        return evidence_id

    def _set_criteria(self, evidence_id: int, criteria: Iterable[str]) -> None:
        self.db.execute("DELETE FROM evidence_criteria WHERE evidence_id = ?", [evidence_id])
        for criterion in dict.fromkeys(criteria):
            self.db.execute(
                "INSERT INTO evidence_criteria (evidence_id, criterion_id) VALUES (?, ?)",
                [evidence_id, criterion],
            )

    def remove(self, source: str) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM evidence WHERE source = ?", [source])

    _COLUMNS = """SELECT id, kind, source, module_id, activity_id, title, text, details,
        created_at, updated_at FROM evidence"""

    def by_source(self, source: str) -> EvidenceItem | None:
        row = self.db.execute(f"{self._COLUMNS} WHERE source = ?", [source]).fetchone()
        return self._item(row) if row else None

    def all(self) -> list[EvidenceItem]:
        rows = self.db.execute(f"{self._COLUMNS} ORDER BY created_at, id").fetchall()
        return [self._item(row) for row in rows]

    def for_module(self, module_id: str) -> list[EvidenceItem]:
        rows = self.db.execute(
            f"{self._COLUMNS} WHERE module_id = ? ORDER BY created_at, id", [module_id]
        ).fetchall()
        return [self._item(row) for row in rows]

    def for_criterion(self, criterion_id: str) -> list[EvidenceItem]:
        rows = self.db.execute(
            f"""{self._COLUMNS} WHERE id IN
                (SELECT evidence_id FROM evidence_criteria WHERE criterion_id = ?)
                ORDER BY created_at, id""",
            [criterion_id],
        ).fetchall()
        return [self._item(row) for row in rows]

    def _item(self, row: tuple[Any, ...]) -> EvidenceItem:
        criteria = self.db.execute(
            "SELECT criterion_id FROM evidence_criteria"
            " WHERE evidence_id = ? ORDER BY criterion_id",
            [row[0]],
        ).fetchall()
        details = json.loads(row[7]) if row[7] else {}
        return EvidenceItem(
            id=row[0],
            kind=row[1],
            source=row[2],
            module_id=row[3],
            activity_id=row[4],
            title=row[5],
            text=row[6],
            details=details if isinstance(details, dict) else {},
            created_at=row[8],
            updated_at=row[9],
            criteria=tuple(c[0] for c in criteria),
        )
