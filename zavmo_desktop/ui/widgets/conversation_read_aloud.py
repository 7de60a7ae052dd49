"""Read-aloud in a practice conversation: the newest message, or every message in turn."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextEdit

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.read_aloud_bar import ReadAloudBar

SCOPES = [("newest", "Newest message"), ("all", "Whole conversation")]


class ConversationReadAloud:
    def __init__(
        self,
        read_aloud: ReadAloud,
        settings: Settings,
        messages: Callable[[], Sequence[QTextEdit]],
        bring_into_view: Callable[[QTextEdit], None],
    ) -> None:
        self.read_aloud = read_aloud
        self._messages = messages
        self._bring_into_view = bring_into_view
        self._queue: list[QTextEdit] = []
        self.bar = ReadAloudBar(read_aloud, settings, SCOPES)
        self.bar.set_reader(self.start)
        read_aloud.finished.connect(self._finished)

    def start(self, scope: str) -> None:
        messages = list(self._messages())
        if not messages:
            self.bar.status.setText("There are no messages to read yet.")
            return
        self._queue = messages if scope == "all" else messages[-1:]
        self._read_next()

    def stop(self) -> None:
        self._queue = []
        if self.read_aloud.view in self._messages():
            self.read_aloud.stop()

    def _read_next(self) -> None:
        view = self._queue.pop(0)
        self._bring_into_view(view)
        self.read_aloud.read(view)

    def _finished(self, view: QTextEdit | None) -> None:
        if self._queue and view in self._messages():
            QTimer.singleShot(0, self._read_next)
