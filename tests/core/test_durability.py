"""A write the app reported as saved survives the process being killed at any moment:
progress, checklist notes, reflections, conversations and focus sessions, with backups
being taken in between (so some kills land mid-backup) and the store opened each time."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.store import open_store

KILLS = 120

# The child opens the store the way the app does, then saves each kind of record in turn
# as fast as it can, printing "<kind> <key>" only after the write has been committed.
WRITER = """
import sys, time
from datetime import datetime
from pathlib import Path
from zavmo_desktop.core.focus.model import Change, Phase, SessionRecord
from zavmo_desktop.core.storage.checklists import ChecklistRepository
from zavmo_desktop.core.storage.conversations import ConversationRepository, StoredTurn
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository
from zavmo_desktop.core.storage.reflections import ReflectionRepository
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import open_store

store = open_store(Path(sys.argv[1]))
progress, checklists = ProgressRepository(store.db), ChecklistRepository(store.db)
reflections, conversations = ReflectionRepository(store.db), ConversationRepository(store.db)
focus = FocusSessionRepository(store.db)
number = int(sys.argv[2])
while True:
    key = f"k{number}"
    kind = number % 5
    if kind == 0:
        progress.set_complete(key, True)
        print("progress", key, flush=True)
    elif kind == 1:
        checklists.set_note("board", "prepare", key, "note " + key)
        print("checklist", key, flush=True)
    elif kind == 2:
        reflections.save("board", key, "reflection " + key, ["C1"])
        print("reflection", key, flush=True)
    elif kind == 3:
        turn = StoredTurn("learner", "You", "answer " + key, {})
        conversations.start("board", key, {"turn": 1}, [turn])
        print("conversation", key, flush=True)
    else:
        now = time.time()
        record = SessionRecord(Phase.FOCUS, 1500, 0, 0, now, None, None, key)
        focus.record_change(Change(started=record), {"n": number}, "Reading", now)
        print("focus", key, flush=True)
    if number % 40 == 39:
        store.back_up(datetime.now())  # some kills land in the middle of a backup
    number += 1
"""

QUERIES = {
    "progress": "SELECT module_id FROM module_progress WHERE status = 'complete'",
    "checklist": "SELECT item_id FROM checklist_items WHERE note = 'note ' || item_id",
    "reflection": """SELECT reflection_id FROM reflections
                     WHERE text = 'reflection ' || reflection_id""",
    "conversation": """SELECT r.conversation_id FROM conversation_runs r JOIN conversation_turns t
                       ON t.run_id = r.id WHERE t.text = 'answer ' || r.conversation_id""",
    "focus": "SELECT goal FROM focus_sessions",
}


def run_and_kill(data_dir: Path, first: int, rng: random.Random, log: Path) -> set[str]:
    """Start a writer, SIGKILL it at a random moment, return what it said was saved."""
    with log.open("w") as errors:
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), str(first)],
            stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip
        assert child.stdout is not None
        reported: list[str] = []
        try:
            if rng.random() < 0.15:
                time.sleep(rng.random() * 0.3)  # during start-up: opening, checking, backing up
            else:
                for _ in range(rng.randint(1, 120)):
                    line = child.stdout.readline()
                    if not line:
                        break
                    reported.append(line)
                time.sleep(rng.random() * 0.01)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        reported.extend(child.stdout.readlines())  # what it printed before it died
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL, log.read_text()
    return {line.strip() for line in reported if line.endswith("\n")}


def committed(database: Path) -> tuple[set[str], str]:
    conn = sqlite3.connect(database)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        found = {f"{kind} {row[0]}" for kind, sql in QUERIES.items() for row in conn.execute(sql)}
        return found, check
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_every_reported_write_survives_sigkill(data_dir: Path, tmp_path: Path) -> None:
    rng = random.Random(1234)
    reported_so_far: set[str] = set()
    for kill in range(KILLS):
        reported_so_far |= run_and_kill(data_dir, kill * 100_000, rng, tmp_path / "writer.log")
        saved, check = committed(data_dir / DATABASE_NAME)
        assert check == "ok", f"kill {kill}: integrity_check said {check}"
        lost = reported_so_far - saved
        assert not lost, f"kill {kill}: {len(lost)} saved writes lost, e.g. {min(lost)}"
    kinds = {line.split()[0] for line in reported_so_far}
    assert kinds == set(QUERIES), f"not every kind of write was tried: {kinds}"

    store = open_store(data_dir)  # the app starting after the last crash
    try:
        assert store.notices == []  # nothing looked damaged, nothing was restored
    finally:
        store.db.conn.close()
    assert not list(data_dir.rglob("*.partial*"))  # what a kill mid-backup left is gone
    print(f"{KILLS} SIGKILLs, {len(reported_so_far)} reported writes, 0 lost")
