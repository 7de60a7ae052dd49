"""The xAPI queue in a real SQLite file: queued with its event, sent once, failures counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.statements import actor, statement

LRS = LrsSettings("http://127.0.0.1:1/xAPI/", "u", "p", "https://org.example/staff")


def made(title: str) -> dict[str, object]:
    return statement(actor(LRS, "d"), "experienced", "module", ("p", title), title)


def test_statements_wait_in_order_and_survive_a_reopen(tmp_path: Path) -> None:
    db = open_database(tmp_path / "learner.db")
    first, second = made("one"), made("two")
    queue.enqueue(db, first)
    queue.enqueue(db, second)
    queue.enqueue(db, first)  # the same id twice is one record
    db.conn.close()
    db = open_database(tmp_path / "learner.db")
    assert [s["id"] for s in queue.next_batch(db)] == [first["id"], second["id"]]
    assert queue.summary(db) == queue.QueueSummary(2, 0, None)


def test_sent_statements_leave_the_batch_and_failures_are_counted(tmp_path: Path) -> None:
    db = open_database(tmp_path / "learner.db")
    first, second = made("one"), made("two")
    queue.enqueue(db, first)
    queue.enqueue(db, second)
    queue.mark_failed(db, [first["id"]], "connection refused")
    attempts, error = db.execute(
        "SELECT attempts, last_error FROM xapi_queue WHERE id = ?", (first["id"],)
    ).fetchone()
    assert (attempts, error) == (1, "connection refused")
    queue.mark_sent(db, [first["id"]])
    assert [s["id"] for s in queue.next_batch(db)] == [second["id"]]
    waiting, sent, last = queue.summary(db)
    assert (waiting, sent) == (1, 1) and last is not None


def test_a_statement_is_queued_only_if_its_event_is_stored(tmp_path: Path) -> None:
    db = open_database(tmp_path / "learner.db")
    with pytest.raises(RuntimeError), db.atomic():
        queue.enqueue(db, made("one"))
        raise RuntimeError("the event failed to save")
    assert queue.summary(db).waiting == 0
