"""The app's sender: a thread of its own, with its own SQLite connection, that sends the
queue whenever there is something to send and the LRS answers.

The GUI thread never waits on the network: it only reads `status()` and calls `send_now()`.
After a failure the next try waits longer each time (doubling, capped); after a success it
looks again every `idle_wait` seconds, or at once when asked.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from zavmo_desktop.core.xapi.lrs_settings import LrsSettings

if TYPE_CHECKING:
    from zavmo_desktop.core.storage.database import Database

FIRST_WAIT = 5.0  # seconds after start: the app's own start-up comes first
IDLE_WAIT = 60.0
BACKOFF_BASE = 15.0
BACKOFF_CAP = 15 * 60.0
REQUEST_TIMEOUT = 10.0


@dataclass(frozen=True)
class SenderStatus:
    sending: bool = False
    last_sent_at: datetime | None = None  # UTC, the end of the last round that sent any
    last_sent_count: int = 0
    last_error: str = ""  # blank once a round succeeds
    last_status: int | None = None  # the LRS's HTTP answer; None: it could not be reached
    next_try_at: datetime | None = None  # UTC, while waiting after a failure


@dataclass
class Timing:
    first_wait: float = FIRST_WAIT
    idle_wait: float = IDLE_WAIT
    backoff_base: float = BACKOFF_BASE
    backoff_cap: float = BACKOFF_CAP
    batch_size: int = 50
    timeout: float = REQUEST_TIMEOUT


class RecordsSender:
    def __init__(self, database: Path, settings: LrsSettings, timing: Timing | None = None) -> None:
        self.database, self.settings = database, settings
        self.timing = timing or Timing()
        self._status = SenderStatus()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._failures = 0
        self.rounds = 0  # finished rounds, for tests to wait on
        # A daemon, so a hung network can never keep the app from exiting; stop() joins it.
        self._thread = threading.Thread(target=self._run, name="xapi-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def send_now(self) -> None:
        """Try at once (a learner's "Send now"), whatever the back-off was waiting for."""
        self._wake.set()

    def stop(self, timeout: float = 1.0) -> None:
        """Stops between batches. Closing waits a second at most: a batch still on its way
        then ends with the process, which is safe (it is marked sent only once the LRS has
        answered, and a resend is stored once)."""
        self._stopping.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def status(self) -> SenderStatus:
        with self._lock:
            return self._status

    def _set(self, **changes: object) -> None:
        with self._lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]

    def _run(self) -> None:
        from zavmo_desktop.core.storage.database import connect

        db = connect(self.database)  # migrated already: the app opened it first
        try:
            wait = self.timing.first_wait
            while not self._stopping.is_set():
                self._wake.wait(wait)
                self._wake.clear()
                if self._stopping.is_set():
                    break
                wait = self._one_round(db)
        finally:
            db.conn.close()

    def _one_round(self, db: Database) -> float:
        """Send what waits; returns how long to wait before the next round."""
        try:
            return self._send(db)
        finally:
            self.rounds += 1  # after the status is set: a test that waits on it reads it

    def _send(self, db: Database) -> float:
        from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
        from zavmo_desktop.core.xapi.sender import backoff_delay, send_queue

        self._set(sending=True, next_try_at=None)
        try:
            result = send_queue(
                db, self.settings, self.timing.batch_size, tries=1,
                keep_going=lambda: not self._stopping.is_set(), timeout=self.timing.timeout,
            )  # fmt: skip
        except STORAGE_ERRORS as error:  # the learner's disk, not the network: try later
            self._set(sending=False, last_error=f"storage: {error}", last_status=None)
            return self.timing.idle_wait
        now = datetime.now(UTC)
        if result.sent:
            self._set(last_sent_at=now, last_sent_count=result.sent)
        if not result.error:
            self._failures = 0
            self._set(sending=False, last_error="", last_status=None)
            return self.timing.idle_wait
        self._failures += 1
        wait = backoff_delay(self._failures, self.timing.backoff_base, self.timing.backoff_cap)
        self._set(
            sending=False,
            last_error=result.error,
            last_status=result.status,
            next_try_at=now + timedelta(seconds=wait),
        )
        return wait


def wait_for_rounds(sender: RecordsSender, count: int, timeout: float = 30.0) -> bool:
    """For tests and the CLI: wait until `count` rounds have finished."""
    deadline = time.monotonic() + timeout
    while sender.rounds < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return sender.rounds >= count
