"""Saves that failed (a full disk, a read-only drive): kept with the learner's words,
retried every few seconds, and offered for a text file if the window closes first.

Each box the learner types in has its own, so the failure is said where they typed, in
that box's SaveStatus (ui.widgets.save_status). The words come from core.storage.problems.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, Problem, classify, not_saved

RETRY_MS = 5000


@dataclass
class _Waiting:
    what: str  # "Reflection: What went well?", for the text file
    text: str
    write: Callable[[], object]


class PendingSaves(QObject):
    changed = Signal()  # a save failed, or every kept save has now gone through

    def __init__(self, owner: QWidget, folder: Path | None = None) -> None:
        super().__init__(owner)
        self._folder = folder
        self._waiting: dict[Hashable, _Waiting] = {}
        self.problem: Problem | None = None
        self._timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._timer.timeout.connect(self.retry)

    def save(self, key: Hashable, what: str, text: str, write: Callable[[], object]) -> bool:
        """Run write(); if storage fails, keep it (newest words per key) and retry later."""
        try:
            write()
        except STORAGE_ERRORS as error:
            self._waiting[key] = _Waiting(what, text, write)
            self._failed(error)
            return False
        self._waiting.pop(key, None)
        if not self._waiting:
            self._all_saved()
        return True

    def waiting_text(self, key: Hashable) -> str | None:
        waiting = self._waiting.get(key)
        return waiting.text if waiting else None

    def retry(self) -> None:
        for key, waiting in list(self._waiting.items()):
            try:
                waiting.write()
            except STORAGE_ERRORS as error:
                self._failed(error)
                return
            if self._waiting.get(key) is waiting:
                del self._waiting[key]
        self._all_saved()

    def unsaved(self) -> list[tuple[str, str]]:
        return [(waiting.what, waiting.text) for waiting in self._waiting.values()]

    @property
    def message(self) -> str:
        return not_saved(self.problem) if self.problem else ""

    def _failed(self, error: BaseException) -> None:
        problem = classify(error, self._folder)
        if problem is not self.problem:
            self.problem = problem
            self.changed.emit()  # the owner's SaveStatus says it (and announces it)
        self._timer.start()

    def _all_saved(self) -> None:
        self._timer.stop()
        if self.problem is not None:
            self.problem = None
            self.changed.emit()
