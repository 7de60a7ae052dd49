"""The app's sender thread against a loopback LRS: it sends in batches on its own connection,
backs off (doubling, capped) while the server is away, sends at once when asked, and stops
promptly however long its back-off was."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.lrs_stub import stub_lrs
from tests.ralph_lrs import free_port
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.background import RecordsSender, SenderStatus, Timing, wait_for_rounds
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.sender import backoff_delay
from zavmo_desktop.core.xapi.statements import actor, statement
from zavmo_desktop.core.xapi.wording import last_sent_words, problem_words, statement_words

HOMEPAGE = "https://org.example/staff"


def fill(database: Path, settings: LrsSettings, count: int) -> list[str]:
    db = open_database(database)
    made = [statement(actor(settings, ""), "completed", "module", ("m", str(n)), f"M{n}")
            for n in range(count)]  # fmt: skip
    for one in made:
        queue.enqueue(db, one)
    db.conn.close()
    return [one["id"] for one in made]


def test_back_off_doubles_up_to_its_cap_and_never_retries_at_once() -> None:
    for failures, wait in ((1, 10), (2, 20), (3, 40), (10, 600), (50, 600)):
        delays = [backoff_delay(failures, base=10, cap=600) for _ in range(200)]
        assert all(wait / 2 <= d <= wait for d in delays), (failures, min(delays), max(delays))


def test_the_thread_sends_everything_in_batches(tmp_path: Path) -> None:
    with stub_lrs() as lrs:
        settings = LrsSettings(lrs.endpoint, "u", "p", HOMEPAGE, "E1")
        ids = fill(tmp_path / "learner.db", settings, 7)
        sender = RecordsSender(tmp_path / "learner.db", settings, Timing(0, 3600, batch_size=3))
        sender.start()
        assert wait_for_rounds(sender, 1)
        sender.stop()
        assert sorted(lrs.stored) == sorted(ids) and lrs.requests == 3
        status = sender.status()
        assert status.last_sent_count == 7 and status.last_error == ""
        assert not sender.running


def test_while_the_server_is_away_it_backs_off_and_send_now_tries_at_once(
    tmp_path: Path,
) -> None:
    settings = LrsSettings(f"http://127.0.0.1:{free_port()}/xAPI/", "u", "p", HOMEPAGE, "E1")
    fill(tmp_path / "learner.db", settings, 2)
    timing = Timing(first_wait=0, idle_wait=3600, backoff_base=60, backoff_cap=600)
    sender = RecordsSender(tmp_path / "learner.db", settings, timing)
    sender.start()
    assert wait_for_rounds(sender, 1)
    first = sender.status()
    assert first.last_status is None and first.next_try_at is not None
    waits = (first.next_try_at - datetime.now(UTC)).total_seconds()
    assert 25 <= waits <= 60  # the first back-off: between half of 60 s and 60 s
    sender.send_now()  # the learner does not wait for it
    assert wait_for_rounds(sender, 2)
    second = sender.status()
    assert second.next_try_at is not None
    assert (second.next_try_at - datetime.now(UTC)).total_seconds() > 55  # doubled: 60-120 s
    started = time.monotonic()
    sender.stop()
    assert not sender.running and time.monotonic() - started < 2


def test_the_words_for_what_happened() -> None:
    now = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)
    away = SenderStatus(last_error="refused", next_try_at=now + timedelta(seconds=119))
    assert problem_words(away, now) == (
        "The records server could not be reached; trying again in 2 minutes."
    )
    refused = SenderStatus(last_error="401", last_status=401, next_try_at=now)
    assert "turned Zavmo's sign-in down (401)" in problem_words(refused, now)
    assert problem_words(SenderStatus(), now) == ""
    assert last_sent_words(None, 0, now) == "Nothing has been sent yet."
    assert last_sent_words(now, 1, now).endswith("today: 1 record.")
    done = statement(actor(LrsSettings("http://x/", "u", "p", HOMEPAGE, "E1"), ""),
                     "completed", "module", ("m",), "Leading a team")  # fmt: skip
    words = statement_words(done, now.isoformat(), now)
    local = now.astimezone()
    assert words == f"Completed module 'Leading a team' — sent {local:%H:%M}"
