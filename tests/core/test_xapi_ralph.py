"""Sending to a REAL LRS (Ralph, test extra only) on loopback: every statement stored once,
although the LRS was down for part of the run and a batch was sent without being marked sent
(what a kill between the LRS's answer and the commit leaves behind)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.sender import post_batch, send_queue
from zavmo_desktop.core.xapi.statements import actor, statement

requests = pytest.importorskip("requests")
RALPH = shutil.which("ralph") or str(Path(sys.executable).with_name("ralph"))
HOMEPAGE = "https://org.example/staff"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Lrs:
    def __init__(self, root: Path) -> None:
        self.root, self.port = root, free_port()
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(root / "app"),
            "RALPH_RUNSERVER_BACKEND": "fs",
        }
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [RALPH, "auth", "-u", "app", "-p", "secret", "-s", "all", "-w", "-A", "lrs", HOMEPAGE],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=60,
        )

    @property
    def settings(self) -> LrsSettings:
        return LrsSettings(f"http://127.0.0.1:{self.port}/xAPI/", "app", "secret", HOMEPAGE)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                RALPH,
                "runserver",
                "-b",
                "fs",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "--fs-default-directory-path",
                str(self.root / "store"),
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "server.log").open("ab"),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.2)
        raise RuntimeError("Ralph did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def stored_ids(self) -> list[str]:
        answer = requests.get(
            self.settings.endpoint + "statements",
            params={"limit": 500},
            auth=("app", "secret"),
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=10,
        )
        answer.raise_for_status()
        return [s["id"] for s in answer.json()["statements"]]


@pytest.fixture
def lrs(tmp_path: Path) -> Iterator[Lrs]:
    server = Lrs(tmp_path / "ralph")
    yield server
    server.stop()


def test_every_statement_arrives_once_through_an_outage_and_a_lost_commit(
    lrs: Lrs, tmp_path: Path
) -> None:
    db = open_database(tmp_path / "learner.db")
    who = actor(lrs.settings, "data-folder")
    made = [statement(who, "completed", "module", ("p", f"m{n}"), f"M{n}") for n in range(5)]
    for one in made:
        queue.enqueue(db, one)

    down = send_queue(db, lrs.settings, batch_size=2, tries=2, sleep=lambda _s: None)
    assert down.sent == 0 and down.waiting == 5 and "could not be reached" in down.error

    lrs.start()
    # Ralph 5.1's fs store takes only one write of new statements (it opens its file with
    # "create"), so the new ones go in one batch; the resend is all repeats, answered 204.
    post_batch(lrs.settings, queue.next_batch(db, 5))  # sent, then the app died before marking
    done = send_queue(db, lrs.settings, batch_size=5)
    assert done == (5, 0, "")
    lrs.stop()
    lrs.start()  # the store survives a restart, and a repeat sync has nothing to send
    assert send_queue(db, lrs.settings) == (0, 0, "")
    assert sorted(lrs.stored_ids()) == sorted(s["id"] for s in made)
