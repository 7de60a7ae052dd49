"""The only place that knows the evidence tables: what the learner did, mapped to criteria.

Deliver's activities write evidence here; the Demonstrate portfolio reads it. Every change
to an item is logged in evidence_log in the same transaction (docs/portfolio.md); the log is
append-only and outlives the item.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from zavmo_desktop.core.storage.database import Database

EVIDENCE_KINDS = (
    "conversation", "checklist_item", "reflection", "retrieval", "assessment",
    "learner_text", "learner_link", "learner_file",
)  # fmt: skip
LOG_ACTIONS = (
    "added", "edited", "mapped", "unmapped", "removed", "signed_off", "sign_off_withdrawn",
)  # fmt: skip


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
    # What the author's threshold found (the rubric's result) and what the learner claimed
    # are kept apart in here; `met` is None when no threshold applies to the kind.
    outcome: dict[str, Any] = field(default_factory=dict)
    met: bool | None = None


@dataclass(frozen=True)
class LogEntry:
    id: int
    evidence_id: int
    at: str
    action: str
    who: str  # "learner", "app" or "assessor: <name>"
    before: dict[str, Any]
    after: dict[str, Any]


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
    outcome: dict[str, Any] | None = None
    met: bool | None = None


def snapshot(item: EvidenceItem | None) -> dict[str, Any]:
    """What the log keeps of an item before and after a change."""
    if item is None:
        return {}
    return {
        "title": item.title, "text": item.text, "details": item.details,
        "criteria": list(item.criteria), "outcome": item.outcome, "met": item.met,
    }  # fmt: skip


class EvidenceRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, evidence: NewEvidence, *, who: str = "app") -> int:
        """Add the item, or bring the one from the same source up to date, logging the
        change. Returns its id."""
        from zavmo_desktop.core.xapi.records import record

        if evidence.kind not in EVIDENCE_KINDS:
            raise ValueError(f"unknown evidence kind {evidence.kind!r}")
        now = _now()
        met = None if evidence.met is None else int(evidence.met)
        with self.db.atomic():
            before = self.by_source(evidence.source)
            self.db.execute(
                """INSERT INTO evidence (kind, source, module_id, activity_id, title, text,
                       details, outcome, met, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(source) DO UPDATE SET title = excluded.title,
                       text = excluded.text, details = excluded.details,
                       outcome = excluded.outcome, met = excluded.met,
                       updated_at = excluded.updated_at""",
                [
                    evidence.kind,
                    evidence.source,
                    evidence.module_id,
                    evidence.activity_id,
                    evidence.title,
                    evidence.text,
                    json.dumps(evidence.details or {}),
                    json.dumps(evidence.outcome or {}),
                    met,
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
            after = self.by_id(evidence_id)
            if before is None:
                self._log(evidence_id, "added", who, None, after)
                record(self.db, "shared", "evidence", (evidence.source,), _record_title(evidence))
            elif snapshot(before) != snapshot(after):
                self._log(evidence_id, "edited", who, before, after)
        return evidence_id

    def edit(
        self, evidence_id: int, *, title: str | None = None, text: str | None = None,
        who: str = "learner",
    ) -> EvidenceItem:  # fmt: skip
        """Change an item's title or text (a learner's own words), logged as "edited"."""
        with self.db.atomic():
            before = self._existing(evidence_id)
            self.db.execute(
                "UPDATE evidence SET title = ?, text = ?, updated_at = ? WHERE id = ?",
                [
                    before.title if title is None else title,
                    before.text if text is None else text,
                    _now(),
                    evidence_id,
                ],
            )
            after = self._existing(evidence_id)
            if snapshot(before) != snapshot(after):
                self._log(evidence_id, "edited", who, before, after)
        return after

    def map(self, evidence_id: int, criterion_id: str, *, who: str = "learner") -> None:
        """Map the item to one more criterion (nothing changes, nothing logged, if it is)."""
        if not criterion_id.strip():
            raise ValueError("a criterion id cannot be blank")
        with self.db.atomic():
            before = self._existing(evidence_id)
            if criterion_id in before.criteria:
                return
            self.db.execute(
                "INSERT INTO evidence_criteria (evidence_id, criterion_id) VALUES (?, ?)",
                [evidence_id, criterion_id],
            )
            self._log(evidence_id, "mapped", who, before, self._existing(evidence_id))

    def unmap(self, evidence_id: int, criterion_id: str, *, who: str = "learner") -> None:
        with self.db.atomic():
            before = self._existing(evidence_id)
            if criterion_id not in before.criteria:
                return
            self.db.execute(
                "DELETE FROM evidence_criteria WHERE evidence_id = ? AND criterion_id = ?",
                [evidence_id, criterion_id],
            )
            self._log(evidence_id, "unmapped", who, before, self._existing(evidence_id))

    def _set_criteria(self, evidence_id: int, criteria: Iterable[str]) -> None:
        self.db.execute("DELETE FROM evidence_criteria WHERE evidence_id = ?", [evidence_id])
        for criterion in dict.fromkeys(criteria):
            self.db.execute(
                "INSERT INTO evidence_criteria (evidence_id, criterion_id) VALUES (?, ?)",
                [evidence_id, criterion],
            )

    def remove(self, source: str, *, who: str = "app") -> None:
        with self.db.atomic():
            item = self.by_source(source)
            if item is None:
                return
            self.db.execute("DELETE FROM evidence WHERE id = ?", [item.id])
            self._log(item.id, "removed", who, item, None)

    def history(self, evidence_id: int) -> list[LogEntry]:
        """Every change to the item, oldest first, including after it was removed."""
        rows = self.db.execute(
            """SELECT id, evidence_id, at, action, who, "before", "after" FROM evidence_log
               WHERE evidence_id = ? ORDER BY id""",
            [evidence_id],
        ).fetchall()
        return [
            LogEntry(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]),
                     json.loads(row[6]))
            for row in rows
        ]  # fmt: skip

    def _log(
        self, evidence_id: int, action: str, who: str,
        before: EvidenceItem | None, after: EvidenceItem | None,
    ) -> None:  # fmt: skip
        self._write_log(evidence_id, action, who, snapshot(before), snapshot(after))

    def _write_log(
        self, evidence_id: int, action: str, who: str,
        before: dict[str, Any], after: dict[str, Any],
    ) -> None:  # fmt: skip
        if action not in LOG_ACTIONS:
            raise ValueError(f"unknown log action {action!r}")
        self.db.execute(
            """INSERT INTO evidence_log (evidence_id, at, action, "before", "after", who)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [evidence_id, _now(), action, json.dumps(before), json.dumps(after), who],
        )

    def _existing(self, evidence_id: int) -> EvidenceItem:
        item = self.by_id(evidence_id)
        if item is None:
            raise KeyError(f"no evidence item {evidence_id}")
        return item

    _COLUMNS = """SELECT id, kind, source, module_id, activity_id, title, text, details,
        created_at, updated_at, outcome, met FROM evidence"""

    def by_id(self, evidence_id: int) -> EvidenceItem | None:
        row = self.db.execute(f"{self._COLUMNS} WHERE id = ?", [evidence_id]).fetchone()
        return self._item(row) if row else None

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
            outcome=_json_dict(row[10]),
            met=None if row[11] is None else bool(row[11]),
        )


def _record_title(evidence: NewEvidence) -> str:
    """A learning record never carries the learner's own words: their items go unnamed."""
    if evidence.kind.startswith("learner_"):
        return "Evidence of your own"
    return evidence.title


def _json_dict(text: str | None) -> dict[str, Any]:
    value = json.loads(text) if text else {}
    return value if isinstance(value, dict) else {}
