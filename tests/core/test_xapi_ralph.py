"""Sending to a REAL LRS (Ralph, test extra only, see tests/ralph_lrs.py) on loopback: batch
after batch of new statements, each stored once, although the LRS was down at first and a
batch was sent without being marked sent (what a kill between the answer and the commit
leaves behind)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ralph_lrs import HOMEPAGE, PASSWORD, USER, RalphLrs
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.sender import post_batch, send_queue
from zavmo_desktop.core.xapi.statements import actor, statement

pytest.importorskip("ralph")
pytest.importorskip("requests")


@pytest.fixture
def lrs(tmp_path: Path) -> Iterator[RalphLrs]:
    server = RalphLrs(tmp_path / "ralph")
    yield server
    server.stop()


def test_every_statement_arrives_once_through_an_outage_and_a_lost_commit(
    lrs: RalphLrs, tmp_path: Path
) -> None:
    settings = LrsSettings(lrs.endpoint, USER, PASSWORD, HOMEPAGE, "E1234")
    db = open_database(tmp_path / "learner.db")
    who = actor(settings, "")
    made = [statement(who, "completed", "module", ("m", f"m{n}"), f"M{n}") for n in range(9)]
    for one in made:
        queue.enqueue(db, one)

    down = send_queue(db, settings, batch_size=2, tries=2, sleep=lambda _s: None)
    assert down.sent == 0 and down.waiting == 9 and "could not be reached" in down.error
    assert down.status is None

    lrs.start()
    post_batch(settings, queue.next_batch(db, 3))  # sent, then the app died before marking
    done = send_queue(db, settings, batch_size=2)  # five requests: new statements in four
    assert done == (9, 0, "", None, ())
    lrs.stop()
    lrs.start()  # the store survives a restart, and a repeat sync has nothing to send
    assert send_queue(db, settings) == (0, 0, "", None, ())
    assert sorted(lrs.stored_ids()) == sorted(s["id"] for s in made)


def test_a_wrong_password_is_told_apart_from_an_unreachable_server(
    lrs: RalphLrs, tmp_path: Path
) -> None:
    lrs.start()
    wrong = LrsSettings(lrs.endpoint, USER, "not-it", HOMEPAGE, "E1234")
    db = open_database(tmp_path / "learner.db")
    queue.enqueue(db, statement(actor(wrong, ""), "completed", "module", ("m",), "M"))
    refused = send_queue(db, wrong)
    assert refused.status == 401 and refused.waiting == 1


def test_a_statement_ralph_refuses_is_set_aside_and_the_rest_arrive(
    lrs: RalphLrs, tmp_path: Path
) -> None:
    """Ralph is lax about what it takes, but a statement without a verb fails its model: it
    answers 422 to the whole batch, and the sender splits it down to that one statement."""
    lrs.start()
    settings = LrsSettings(lrs.endpoint, USER, PASSWORD, HOMEPAGE, "E1234")
    db = open_database(tmp_path / "learner.db")
    who = actor(settings, "")
    made = [statement(who, "completed", "module", ("m", f"m{n}"), f"M{n}") for n in range(6)]
    del made[3]["verb"]
    for one in made:
        queue.enqueue(db, one)
    result = send_queue(db, settings)
    assert (result.sent, result.waiting, result.refused) == (5, 0, (made[3]["id"],))
    [refusal] = queue.refused(db)
    assert refusal.status == 422 and refusal.reason.startswith('{"detail":')
    assert len(refusal.reason) <= 500
    assert sorted(lrs.stored_ids()) == sorted(s["id"] for i, s in enumerate(made) if i != 3)
