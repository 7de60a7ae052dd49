"""Read-aloud on the Review screen: the question, or the question and then the model answer,
with the window's one voice and its highlighting (as a practice conversation is read)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextEdit

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.message_view import MessageView
from zavmo_desktop.ui.widgets.read_aloud_bar import ReadAloudBar

SCOPES = [("question", "The question"), ("answer", "The question and the model answer")]


def spoken_text(name: str) -> MessageView:
    """Read-only text that read-aloud can highlight, as tall as its words."""
    view = MessageView("tutor", name, "")
    view.setAccessibleName(name)
    return view


def show_text(view: MessageView, text: str, css: str) -> None:
    view.message = " ".join(text.split())
    view.restyle(css)


class ReviewReadAloud:
    def __init__(
        self,
        read_aloud: ReadAloud,
        settings: Settings,
        question: MessageView,
        answer: MessageView,
        answer_shown: Callable[[], bool],
    ) -> None:
        self.read_aloud = read_aloud
        self._views = (question, answer)
        self._answer_shown = answer_shown
        self._queue: list[QTextEdit] = []
        self.bar = ReadAloudBar(read_aloud, settings, SCOPES)
        self.bar.set_reader(self.start)
        read_aloud.finished.connect(self._finished)

    def start(self, scope: str) -> None:
        question, answer = self._views
        with_answer = scope == "answer" and self._answer_shown()
        self._queue = [question, answer] if with_answer else [question]
        self._read_next()

    def stop(self) -> None:
        self._queue = []
        if self.read_aloud.view in self._views:
            self.read_aloud.stop()

    def _read_next(self) -> None:
        self.read_aloud.read(self._queue.pop(0))

    def _finished(self, view: QTextEdit | None) -> None:
        if self._queue and view in self._views:
            QTimer.singleShot(0, self._read_next)
