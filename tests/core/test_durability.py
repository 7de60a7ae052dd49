"""A write the app reported as saved survives the process being killed at any moment."""

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
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import open_store

ROUNDS = 15

# The child opens the store the way the app does, then saves progress as fast as it can,
# printing each module id only after the write has been committed.
WRITER = """
import sys
from pathlib import Path
from zavmo_desktop.core.storage.repositories import ProgressRepository, RecentRepository
from zavmo_desktop.core.storage.store import open_store

store = open_store(Path(sys.argv[1]))
progress = ProgressRepository(store.db)
recent = RecentRepository(store.db)
number = int(sys.argv[2])
while True:
    module_id = f"module-{number}"
    progress.set_complete(module_id, True)
    print(module_id, flush=True)
    progress.set_position(module_id, (number % 100) / 100)
    recent.touch(module_id)
    number += 1
"""


def run_and_kill(data_dir: Path, first_number: int, rng: random.Random, log: Path) -> list[str]:
    """Start a writer, SIGKILL it at a random moment, return the ids it said were saved."""
    with log.open("w") as errors:
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), str(first_number)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        assert child.stdout is not None
        reported: list[str] = []
        try:
            for _ in range(rng.randint(1, 80)):
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
    assert reported, f"the writer never saved anything: {log.read_text()}"
    return [line.strip() for line in reported if line.endswith("\n")]


def committed_and_check(database: Path) -> tuple[set[str], str]:
    conn = sqlite3.connect(database)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute("SELECT module_id FROM module_progress WHERE status = 'complete'")
        return {row[0] for row in rows}, check
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_every_reported_write_survives_sigkill(data_dir: Path, tmp_path: Path) -> None:
    rng = random.Random(1234)
    reported_so_far: set[str] = set()
    for round_number in range(ROUNDS):
        reported = run_and_kill(data_dir, round_number * 100_000, rng, tmp_path / "writer.log")
        reported_so_far.update(reported)
        saved, check = committed_and_check(data_dir / DATABASE_NAME)
        assert check == "ok", f"round {round_number}: integrity_check said {check}"
        lost = reported_so_far - saved
        assert not lost, f"round {round_number}: {len(lost)} saved writes lost, e.g. {min(lost)}"

    store = open_store(data_dir)  # the app starting after the last crash
    try:
        assert store.notices == []  # nothing looked damaged, nothing was restored
        assert reported_so_far <= set(ProgressRepository(store.db).all())
    finally:
        store.db.conn.close()
