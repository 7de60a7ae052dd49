"""Issue 14's "done when": learning records reach a real LRS (Ralph on loopback) exactly once,
although the LRS was down for part of the run and `zavmo-desktop sync` was killed mid-sync.

The statements come from real events on the bundled content (modules opened and completed,
a practice conversation, a checklist, assessment answers, evidence), queued by the app's own
hooks. The app's sender thread sends the first part, then fails and backs off while Ralph is
down; Ralph comes back; `sync` is killed with SIGKILL once the LRS has acknowledged its first
batches; a batch is sent without being marked sent (what a kill between the LRS's answer and
the commit leaves); a second `sync` finishes. Ralph then holds every statement once.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.ralph_lrs import RalphLrs
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.org.config import load_org_config
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.background import Timing, wait_for_rounds
from zavmo_desktop.core.xapi.sender import post_batch
from zavmo_desktop.core.xapi.wording import problem_words

pytest.importorskip("ralph")
pytest.importorskip("requests")
REPO = Path(__file__).resolve().parents[2]
BULK_OPENS = 400  # queued while the LRS is down: enough small batches to kill a sync in
SYNC_BATCH = 4


@pytest.fixture
def lrs(tmp_path: Path) -> Iterator[RalphLrs]:
    server = RalphLrs(tmp_path / "ralph")
    yield server
    server.stop()


def counts(database: Path) -> tuple[int, int]:
    """(sent, waiting) in the queue, read through a connection of the test's own."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
    try:
        sent, total = conn.execute("SELECT count(sent_at), count(*) FROM xapi_queue").fetchone()
    finally:
        conn.close()
    return int(sent), int(total - sent)


def sync(data_dir: Path, config: Path) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "zavmo_desktop", "sync", "--data-dir", str(data_dir),
        "--org-config", str(config), "--batch-size", str(SYNC_BATCH),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def do_the_work_of_a_morning(learner: Learner) -> None:
    """A module read and finished, a quiz played to its end, a checklist done and put in the
    evidence, and a self-assessment answered."""
    library = learner.library
    module = next(m for m in library.modules if any(
        c.id == "board-metrics-quiz" for c in m.conversations))  # fmt: skip
    learner.mark_opened(module)
    conversation = next(c for c in module.conversations if c.id == "board-metrics-quiz")
    session = PracticeSession(learner.conversations, module, conversation)
    session.start()
    for choice in (0, 0, 1, 0):
        session.choose(choice)
    learner.set_complete(module.id, True)
    listed = next(m for m in library.modules if m.checklists)
    checklist = listed.checklists[0]
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    for item in checklist.items:
        deliver.tick(listed.id, checklist, item, True)
    deliver.add_item_to_evidence(listed.id, checklist, checklist.items[0])
    pack = library.packs[0]
    round_ = learner.assessments.start_round(pack.manifest.id)
    for competency in pack.framework.areas[0].competencies:
        learner.assessments.save_rating(round_.id, competency.id, "practitioner")


def test_statements_arrive_exactly_once_through_an_outage_and_a_killed_sync(
    lrs: RalphLrs, data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    config_file = tmp_path / "org.toml"
    config_file.write_text(lrs.config_toml(), encoding="utf-8")
    config = load_org_config(config_file)
    assert config.lrs is not None and not config.problems
    database = data_dir / DATABASE_NAME
    fast = Timing(first_wait=0.0, idle_wait=3600, backoff_base=0.3, backoff_cap=1.0, timeout=5)

    lrs.start()
    learner = Learner.open(data_dir, [bundled_content])
    learner.keep_learning_records(config.lrs, timing=fast)
    sender = learner.records_sender
    assert sender is not None
    do_the_work_of_a_morning(learner)
    first_part = counts(database)[1]
    sender.send_now()
    deadline = time.monotonic() + 60
    while counts(database)[1] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert counts(database) == (first_part, 0)
    assert sender.status().last_error == "" and sender.status().last_sent_count > 0

    lrs.stop()  # the records server goes down
    for n in range(3):
        learner.mark_opened(learner.library.modules[n])
    rounds = sender.rounds
    sender.send_now()
    assert wait_for_rounds(sender, rounds + 3)  # it fails, backs off, and fails again
    failed = sender.status()
    assert failed.last_status is None and failed.next_try_at is not None
    assert "could not be reached; trying again in" in problem_words(failed, datetime.now(UTC))
    attempts = learner._store.db.execute("SELECT max(attempts) FROM xapi_queue").fetchone()[0]
    assert attempts >= 2
    modules = learner.library.modules
    for n in range(BULK_OPENS):  # the learner carries on working meanwhile
        learner.mark_opened(modules[n % len(modules)])
    learner.close()  # the window closes: the sender stops with it
    assert not sender.running
    sent_before_sync, waiting = counts(database)
    assert waiting == BULK_OPENS + 3

    lrs.start()  # back again; the command-line sync is killed mid-way
    running = sync(data_dir, config_file)
    deadline = time.monotonic() + 120
    while counts(database)[0] < sent_before_sync + 2 * SYNC_BATCH:
        assert running.poll() is None, running.communicate()
        assert time.monotonic() < deadline, "sync sent nothing"
        time.sleep(0.005)
    running.send_signal(signal.SIGKILL)
    assert running.wait(timeout=30) == -signal.SIGKILL
    sent_at_kill, waiting_at_kill = counts(database)
    assert sent_at_kill > sent_before_sync and waiting_at_kill > 0, "the kill came too late"
    held_at_kill = len(lrs.stored_ids())  # may be a batch ahead of what was marked sent

    # What a kill between the LRS's answer and the commit leaves: sent, but not marked sent.
    from zavmo_desktop.core.storage.database import open_database

    db = open_database(database)
    post_batch(config.lrs, queue.next_batch(db, 10))
    db.conn.close()

    finished = sync(data_dir, config_file)
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0, err.decode()
    assert counts(database)[1] == 0

    stored = lrs.stored_ids()
    conn = sqlite3.connect(database)
    queued = [row[0] for row in conn.execute("SELECT id FROM xapi_queue")]
    conn.close()
    twice = [i for i, n in Counter(stored).items() if n > 1]
    assert twice == []
    assert sorted(stored) == sorted(queued)
    assert len(stored) == first_part + 3 + BULK_OPENS
    print(
        f"\n{len(stored)} statements stored once each; {first_part} sent by the app's sender "
        f"before the outage; sync killed after {sent_at_kill - sent_before_sync} were marked "
        f"sent ({held_at_kill} held by the LRS), {waiting_at_kill} waiting; then "
        f"{out.decode().strip()}"
    )
