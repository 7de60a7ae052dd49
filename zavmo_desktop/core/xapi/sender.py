"""Sending the queue to the LRS with urllib: batches, back-off with jitter, never a duplicate.

Each statement carries its own UUID, so a batch resent after a crash or a lost answer is
stored once: the LRS answers 200/204 for ids it already holds, and that counts as sent.
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


class SyncResult(NamedTuple):
    sent: int
    waiting: int
    error: str  # blank when the queue was emptied
    status: int | None = None  # the LRS's HTTP answer to the failed batch; None: unreachable


class LrsRefused(Exception):
    """The LRS could not be reached (status None) or did not take the batch."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


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
        raise LrsRefused(message, refused.code) from refused
    except (urllib.error.URLError, OSError) as unreachable:
        raise LrsRefused(f"the LRS could not be reached: {unreachable}") from unreachable
    if status not in (200, 204):
        raise LrsRefused(f"the LRS answered {status}", status)


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
    or between batches once `keep_going` says no (the app is closing)."""
    sent, failures = 0, 0
    while keep_going() and (batch := queue.next_batch(db, batch_size)):
        ids = [statement["id"] for statement in batch]
        try:
            post_batch(settings, batch, timeout)
        except LrsRefused as refused:
            queue.mark_failed(db, ids, str(refused))
            failures += 1
            if failures >= tries:
                waiting = queue.summary(db).waiting
                return SyncResult(sent, waiting, str(refused), refused.status)
            sleep(backoff_delay(failures))
            continue
        queue.mark_sent(db, ids)
        sent, failures = sent + len(ids), 0
    return SyncResult(sent, queue.summary(db).waiting, "")
