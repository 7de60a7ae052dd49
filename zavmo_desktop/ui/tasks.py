"""Slow work off the GUI thread: run_in_background(fn, on_done) over QThreadPool."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_running: set[_Delivery] = set()  # keeps each delivery alive until its result arrives

# While a worker runs Python, each call Qt makes into Python on the GUI thread (an event
# filter, a paint) waits for the lock up to this long: 5 ms by default, which adds up to
# 50-70 ms stalls over one event. 1 ms keeps the GUI thread's waits short.
sys.setswitchinterval(0.001)


class _Delivery(QObject):
    """Lives on the GUI thread, so its slots (and the callbacks) run there."""

    finished = Signal(bool, object)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]):
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: Any) -> None:
        _running.discard(self)
        (self._on_done if ok else self._on_error)(value)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self._fn = fn
        self._delivery = delivery

    def run(self) -> None:
        ok, result = True, None
        try:
            result = self._fn()
        except BaseException as error:  # handed to on_error on the GUI thread
            ok, result = False, error
        with contextlib.suppress(RuntimeError):  # the app quit while this ran: nobody to tell
            self._delivery.finished.emit(ok, result)


def _raise(error: BaseException) -> None:
    raise error


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] = _raise,
) -> None:
    delivery = _Delivery(on_done, on_error)
    _running.add(delivery)
    QThreadPool.globalInstance().start(_Task(fn, delivery))
