"""Statements an LRS refuses for good (issue 14 item 4), against a loopback LRS that refuses
a whole batch for one bad statement in it, as real LRSs do: the bad ones are found by
splitting the batch, set aside with the LRS's reason, and everything else is sent once. Wrong
credentials, and a server that refuses everything, leave the whole queue waiting."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database as UtilsDatabase

from tests.lrs_stub import StubLrs, stub_lrs
from zavmo_desktop.cli import run
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.background import SenderStatus
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.sender import send_queue
from zavmo_desktop.core.xapi.statements import actor, statement
from zavmo_desktop.core.xapi.wording import problem_words, refused_words

HOMEPAGE = "https://org.example/staff"
NOT_AN_IRI = "not an IRI"


def settings_for(lrs: StubLrs) -> LrsSettings:
    return LrsSettings(lrs.endpoint, "u", "p", HOMEPAGE, "E1234")


def made(settings: LrsSettings, count: int, bad: Collection[int] = ()) -> list[dict[str, Any]]:
    statements = []
    for n in range(count):
        one = statement(actor(settings, ""), "completed", "module", ("m", f"m{n}"), f"M{n}")
        if n in bad:
            one["verb"]["id"] = NOT_AN_IRI
        statements.append(one)
    return statements


def queued(path: Path, statements: list[dict[str, Any]]) -> Any:
    db = open_database(path)
    for one in statements:
        queue.enqueue(db, one)
    return db


def test_one_bad_statement_in_ten_is_set_aside_and_the_other_nine_arrive_once(
    tmp_path: Path,
) -> None:
    with stub_lrs() as lrs:
        lrs.refuse_marker = NOT_AN_IRI
        settings = settings_for(lrs)
        statements = made(settings, 10, bad={4})
        db = queued(tmp_path / "learner.db", statements)
        result = send_queue(db, settings)
        bad = statements[4]["id"]
        good = [s["id"] for s in statements if s["id"] != bad]
        assert (result.sent, result.waiting, result.error, result.refused) == (9, 0, "", (bad,))
        assert sorted(lrs.stored) == sorted(good)
        assert all(lrs.arrivals[i] == 1 for i in good)  # split, never sent twice
        assert lrs.requests < 10  # halves, not one request a statement
        [refusal] = queue.refused(db)
        assert refusal.statement["id"] == bad and refusal.status == 400
        assert f"Statement {bad}: verb id is not a valid IRI" in refusal.reason
        assert queue.next_batch(db) == [] and queue.summary(db).waiting == 0
        assert send_queue(db, settings) == (0, 0, "", None, ())  # never sent again
        assert lrs.arrivals[bad] == 0


def test_bad_statements_in_small_batches_hold_nothing_up(tmp_path: Path) -> None:
    with stub_lrs() as lrs:
        lrs.refuse_marker = NOT_AN_IRI
        settings = settings_for(lrs)
        statements = made(settings, 7, bad={0, 1, 5})
        db = queued(tmp_path / "learner.db", statements)
        result = send_queue(db, settings, batch_size=3)
        assert result.sent == 4 and result.waiting == 0 and len(result.refused) == 3
        assert len(lrs.stored) == 4
        assert [r.statement["id"] for r in queue.refused(db)] == [
            statements[n]["id"] for n in (0, 1, 5)
        ]


def test_a_batch_too_large_for_the_server_is_split_and_all_of_it_sent(tmp_path: Path) -> None:
    with stub_lrs() as lrs:
        lrs.most_in_a_batch = 3
        settings = settings_for(lrs)
        statements = made(settings, 10)
        db = queued(tmp_path / "learner.db", statements)
        assert send_queue(db, settings) == (10, 0, "", None, ())
        assert sorted(lrs.arrivals) == sorted(s["id"] for s in statements)
        assert set(lrs.arrivals.values()) == {1}


def test_wrong_credentials_keep_every_record_waiting_and_say_so(tmp_path: Path) -> None:
    with stub_lrs() as lrs:
        lrs.answer_all = 401
        settings = settings_for(lrs)
        db = queued(tmp_path / "learner.db", made(settings, 10, bad={4}))
        result = send_queue(db, settings)
        assert (result.sent, result.waiting, result.status, result.refused) == (0, 10, 401, ())
        assert lrs.requests == 1 and queue.refused(db) == []
        status = SenderStatus(last_error=result.error, last_status=result.status)
        words = problem_words(status, datetime.now(UTC))
        assert "turned Zavmo's sign-in down (401); please tell your organisation" in words


def test_a_server_that_refuses_everything_throws_nothing_away(tmp_path: Path) -> None:
    """400 to every request (a proxy, a version the LRS does not speak): until the LRS has
    taken one of this laptop's statements, a 400 is a failure like any other."""
    with stub_lrs() as lrs:
        lrs.answer_all = 400
        settings = settings_for(lrs)
        db = queued(tmp_path / "learner.db", made(settings, 4))
        result = send_queue(db, settings)
        assert (result.sent, result.waiting, result.status, result.refused) == (0, 4, 400, ())
        assert queue.refused(db) == []
        lrs.answer_all = None
        assert send_queue(db, settings).sent == 4


def test_a_lone_bad_statement_is_set_aside_once_the_server_has_taken_others(
    tmp_path: Path,
) -> None:
    with stub_lrs() as lrs:
        lrs.refuse_marker = NOT_AN_IRI
        settings = settings_for(lrs)
        first, bad = made(settings, 2, bad={1})
        db = queued(tmp_path / "learner.db", [bad])
        assert send_queue(db, settings).waiting == 1  # nothing taken yet: it waits
        queue.enqueue(db, first)
        assert send_queue(db, settings) == (1, 0, "", None, (bad["id"],))


def test_an_upgrade_from_m010_keeps_every_record_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "learner.db"
    old = UtilsDatabase(path)
    migrations.apply(old, stop_before="m011_xapi_refused")
    settings = LrsSettings("http://127.0.0.1:9/xAPI/", "u", "p", HOMEPAGE, "E1")
    waiting, sent = made(settings, 2)
    rows = [
        (waiting["id"], queue.json.dumps(waiting), "2026-12-01T10:00:00+00:00", None, 3, "503"),
        (sent["id"], queue.json.dumps(sent), "2026-12-01T09:00:00+00:00",
         "2026-12-01T09:01:00+00:00", 0, ""),
    ]  # fmt: skip
    old.conn.executemany("INSERT INTO xapi_queue VALUES (?, ?, ?, ?, ?, ?)", rows)
    old.conn.commit()
    old.conn.close()

    db = open_database(path)
    assert migrations.pending(db) == []
    assert [s["id"] for s in queue.next_batch(db)] == [waiting["id"]]
    assert queue.summary(db) == (1, 1, "2026-12-01T09:01:00+00:00")
    assert queue.refused(db) == []
    kept = db.execute(
        "SELECT attempts, last_error, refused_at, refused_status, refused_reason"
        " FROM xapi_queue WHERE id = ?",
        (waiting["id"],),
    ).fetchone()
    assert tuple(kept) == (3, "503", None, None, None)
    db.conn.close()
    plain = sqlite3.connect(path)
    assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    plain.close()


def test_the_words_for_refused_records() -> None:
    assert refused_words([]) == ""
    settings = LrsSettings("http://x/", "u", "p", HOMEPAGE, "E1")
    one, two = made(settings, 2)
    refusal = queue.Refusal(one, "2026-12-02T10:00:00+00:00", 400, "bad verb")
    assert refused_words([refusal]) == (
        "1 record was refused by the records server and will not be sent again: "
        "the server said it is not in a form it accepts (400)."
    )
    assert refused_words([refusal, refusal._replace(statement=two, status=413)]) == (
        "2 records were refused by the records server and will not be sent again: "
        "the server said they are not in a form it accepts (400); "
        "they are too large for the server (413)."
    )


def test_sync_lists_the_refused_records_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with stub_lrs() as lrs:
        lrs.refuse_marker = NOT_AN_IRI
        statements = made(settings_for(lrs), 3, bad={1})
        queued(tmp_path / DATABASE_NAME, statements).conn.close()
        config = tmp_path / "org.toml"
        config.write_text(lrs.config_toml(), encoding="utf-8")
        args = ["sync", "--data-dir", str(tmp_path), "--org-config", str(config)]
        assert run(args) == 3
        out, err = capsys.readouterr()
        assert "Sent 2 learning records." in out
        assert "1 record was refused by the records server and will not be sent again" in err
        assert f"{statements[1]['id']} Not an iri module 'M1': " in err  # its verb is the bad part
        assert "verb id is not a valid IRI" in err
        assert run(args) == 0  # set aside: the next run has nothing left to report
