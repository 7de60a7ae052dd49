"""The statements waiting in SQLite for the LRS, and the record of what was sent."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, NamedTuple

from zavmo_desktop.core.storage.database import Database


class QueueSummary(NamedTuple):
    waiting: int
    sent: int
    last_sent_at: str | None


class Refusal(NamedTuple):
    statement: dict[str, Any]
    refused_at: str  # UTC, ISO
    status: int
    reason: str  # the first 500 characters of the LRS's answer


WAITING = "sent_at IS NULL AND refused_at IS NULL"
REASON_LENGTH = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def enqueue(db: Database, statement: dict[str, Any]) -> None:
    """Queue one statement; call inside the event's own transaction so both or neither stay."""
    db.execute(
        "INSERT OR IGNORE INTO xapi_queue (id, statement, queued_at) VALUES (?, ?, ?)",
        (statement["id"], json.dumps(statement, ensure_ascii=False), _now()),
    )


def next_batch(db: Database, size: int = 50) -> list[dict[str, Any]]:
    """The oldest statements neither sent nor refused for good."""
    rows = db.execute(
        f"SELECT statement FROM xapi_queue WHERE {WAITING} ORDER BY queued_at, rowid LIMIT ?",
        (size,),
    ).fetchall()
    return [json.loads(row[0]) for row in rows]


def mark_sent(db: Database, ids: list[str]) -> None:
    with db.atomic():
        when = _now()
        for statement_id in ids:
            db.execute("UPDATE xapi_queue SET sent_at = ? WHERE id = ?", (when, statement_id))


def mark_failed(db: Database, ids: list[str], error: str) -> None:
    with db.atomic():
        for statement_id in ids:
            db.execute(
                "UPDATE xapi_queue SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                (error[:500], statement_id),
            )


def mark_refused(db: Database, refusals: list[tuple[str, int, str]]) -> None:
    """Set aside (id, HTTP status, the LRS's answer) for good: never sent again."""
    with db.atomic():
        when = _now()
        for statement_id, status, reason in refusals:
            db.execute(
                """UPDATE xapi_queue SET refused_at = ?, refused_status = ?, refused_reason = ?
                   WHERE id = ? AND sent_at IS NULL""",
                (when, status, reason[:REASON_LENGTH], statement_id),
            )


def ever_sent(db: Database) -> bool:
    """Whether the LRS has taken any statement from this queue."""
    found = db.execute("SELECT 1 FROM xapi_queue WHERE sent_at IS NOT NULL LIMIT 1").fetchone()
    return found is not None


def refused(db: Database, ids: list[str] | None = None) -> list[Refusal]:
    """The statements refused for good (all of them, or those of `ids`), oldest first."""
    rows = db.execute(
        """SELECT id, statement, refused_at, refused_status, refused_reason FROM xapi_queue
           WHERE refused_at IS NOT NULL ORDER BY refused_at, rowid"""
    ).fetchall()
    wanted = None if ids is None else set(ids)
    return [
        Refusal(json.loads(text), at, int(status), reason or "")
        for statement_id, text, at, status, reason in rows
        if wanted is None or statement_id in wanted
    ]


def summary(db: Database) -> QueueSummary:
    waiting, sent, last = db.execute(
        f"SELECT count(*) FILTER (WHERE {WAITING}), count(sent_at), max(sent_at) FROM xapi_queue"
    ).fetchone()
    return QueueSummary(waiting, sent, last)


def recently_sent(db: Database, limit: int = 8) -> list[tuple[dict[str, Any], str]]:
    """The statements sent last, newest first, each with when it was sent (UTC, ISO)."""
    rows = db.execute(
        """SELECT statement, sent_at FROM xapi_queue WHERE sent_at IS NOT NULL
           ORDER BY sent_at DESC, rowid DESC LIMIT ?""",
        (limit,),
    ).fetchall()
    return [(json.loads(text), sent_at) for text, sent_at in rows]


def last_sent(db: Database) -> tuple[str | None, int]:
    """When the last batch was sent (UTC, ISO) and how many statements it held."""
    when, count = db.execute(
        """SELECT sent_at, count(*) FROM xapi_queue
           WHERE sent_at = (SELECT max(sent_at) FROM xapi_queue)"""
    ).fetchone()
    return when, int(count or 0) if when else 0


class QueueReport(NamedTuple):
    waiting: int
    last_sent_at: str | None  # UTC, ISO
    last_sent_count: int
    recent: list[tuple[dict[str, Any], str]]  # (statement, sent_at), newest first
    refused: tuple[Refusal, ...] = ()  # set aside for good, oldest first


def report(db: Database, recent: int = 6) -> QueueReport:
    """What the Learning records section shows: four small reads of the local queue."""
    when, count = last_sent(db)
    return QueueReport(
        summary(db).waiting, when, count, recently_sent(db, recent), tuple(refused(db))
    )
