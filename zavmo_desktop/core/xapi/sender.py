"""Sending the queue to the LRS with urllib: batches, back-off with jitter, never a duplicate.

Each statement carries its own UUID, so a batch resent after a crash or a lost answer is
stored once: the LRS answers 200/204 for ids it already holds, and that counts as sent.

An LRS refuses a whole batch for one bad statement. When its answer says the statements
themselves will never be taken (REFUSED_FOR_GOOD), the batch is split in halves, and halves
again, until each bad statement is alone: those are set aside for good with the LRS's
reason, the rest are sent. Any other answer (401/403 wrong credentials, 404 wrong address,
408/429/5xx, no network) leaves the whole queue waiting, to be tried again after a back-off.
"""

from __future__ import annotations

import base64
import json
import random
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any, NamedTuple

from zavmo_desktop.core.storage.database import Database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings

XAPI_VERSION = "1.0.3"
# What the statements are (malformed, an id the LRS holds with other content, too large,
# not processable): sending them again can never succeed. 404 is not here: every statement
# would get it, so it is the endpoint that is wrong, and the queue waits for it to be fixed.
REFUSED_FOR_GOOD = frozenset({400, 409, 413, 422})


class SyncResult(NamedTuple):
    sent: int
    waiting: int
    error: str  # blank when the queue was emptied
    status: int | None = None  # the LRS's HTTP answer to the failed batch; None: unreachable
    refused: tuple[str, ...] = ()  # ids set aside for good in this run


class LrsRefused(Exception):
    """The LRS could not be reached (status None) or did not take the batch."""

    def __init__(self, message: str, status: int | None = None, body: str = "") -> None:
        super().__init__(message)
        self.status, self.body = status, body

    @property
    def for_good(self) -> bool:
        return self.status in REFUSED_FOR_GOOD

    @property
    def reason(self) -> str:
        """What is kept with a refused statement beside its status: the start of the answer."""
        return (self.body.strip() or str(self))[: queue.REASON_LENGTH]


def statements_url(settings: LrsSettings) -> str:
    return settings.endpoint.rstrip("/") + "/statements"


def post_batch(settings: LrsSettings, batch: list[dict[str, Any]], timeout: float = 10.0) -> None:
    """POST one batch; raises LrsRefused unless the LRS stored (or already had) all of it."""
    credentials = base64.b64encode(f"{settings.username}:{settings.password}".encode()).decode()
    request = urllib.request.Request(
        statements_url(settings),
        data=json.dumps(batch).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": "Basic " + credentials,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            status = answer.status
    except urllib.error.HTTPError as refused:
        message = f"the LRS answered {refused.code} {refused.reason}"
        raise LrsRefused(message, refused.code, _answer_text(refused)) from refused
    except (urllib.error.URLError, OSError) as unreachable:
        raise LrsRefused(f"the LRS could not be reached: {unreachable}") from unreachable
    if status not in (200, 204):
        raise LrsRefused(f"the LRS answered {status}", status)


def _answer_text(refused: urllib.error.HTTPError) -> str:
    try:
        return refused.read(4 * queue.REASON_LENGTH).decode("utf-8", "replace")
    except (OSError, ValueError):  # the answer broke off: the status is reason enough
        return ""


class _Round:
    """What one batch came to while it was split: ids sent, and bad statements found."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.refused: list[tuple[str, LrsRefused]] = []


def _send_isolating(
    db: Database,
    settings: LrsSettings,
    batch: list[dict[str, Any]],
    found: _Round,
    timeout: float,
    keep_going: Callable[[], bool],
) -> None:
    """Send `batch`; if the LRS refuses it for good, send each half the same way, so only
    the bad statements are left. Sent parts are marked at once (nothing is sent twice over
    a later failure); any other refusal is raised."""
    try:
        post_batch(settings, batch, timeout)
    except LrsRefused as refused:
        if not refused.for_good:
            raise
        if len(batch) == 1:
            found.refused.append((batch[0]["id"], refused))
            return
        middle = len(batch) // 2
        for half in (batch[:middle], batch[middle:]):
            if keep_going():
                _send_isolating(db, settings, half, found, timeout, keep_going)
        return
    ids = [statement["id"] for statement in batch]
    queue.mark_sent(db, ids)
    found.sent += ids


def backoff_delay(failures: int, base: float = 1.0, cap: float = 300.0) -> float:
    """Doubling waits, capped, with jitter so many laptops do not retry in step: between half
    the wait and the whole of it, so a retry never comes at once after a failure."""
    wait = min(cap, base * 2 ** max(0, failures - 1))
    return random.uniform(wait / 2, wait)


def send_queue(
    db: Database,
    settings: LrsSettings,
    batch_size: int = 50,
    tries: int = 1,
    sleep: Callable[[float], None] = time.sleep,
    keep_going: Callable[[], bool] = lambda: True,
    timeout: float = 10.0,
) -> SyncResult:
    """Send everything waiting, batch by batch; stop after `tries` failed attempts in a row,
    or between batches once `keep_going` says no (the app is closing).

    A statement is set aside for good only once the LRS has shown it takes this laptop's
    statements (it took one before, or one of the same batch): a server or proxy that
    answers 400 to everything must not throw the whole queue away."""
    sent, failures, refused_ids = 0, 0, list[str]()
    trusted = queue.ever_sent(db)
    while keep_going() and (batch := queue.next_batch(db, batch_size)):
        found, failure = _Round(), None
        try:
            _send_isolating(db, settings, batch, found, timeout, keep_going)
        except LrsRefused as refused:
            failure = refused
        sent, trusted = sent + len(found.sent), trusted or bool(found.sent)
        if found.refused and trusted:
            queue.mark_refused(db, [(i, why.status or 0, why.reason) for i, why in found.refused])
            refused_ids += [statement_id for statement_id, _why in found.refused]
        elif found.refused and failure is None:
            failure = found.refused[0][1]  # not trusted yet: a failure like any other
        if failure is None:
            failures = 0
            continue
        done = set(found.sent) | set(refused_ids)
        queue.mark_failed(db, [s["id"] for s in batch if s["id"] not in done], str(failure))
        failures += 1
        if failures >= tries:
            waiting = queue.summary(db).waiting
            return SyncResult(sent, waiting, str(failure), failure.status, tuple(refused_ids))
        sleep(backoff_delay(failures))
    return SyncResult(sent, queue.summary(db).waiting, "", None, tuple(refused_ids))
