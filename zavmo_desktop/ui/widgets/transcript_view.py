"""The conversation so far, as a chat: the tutor's messages on the left, yours on the right.

Each message is a `MessageView` at most one reading column wide. The column scrolls up and
down, never sideways; it takes keyboard focus itself so the arrow keys and Page Up/Down
scroll it without stopping at every message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from zavmo_desktop.ui.theme import READING_COLUMN_CHARS
from zavmo_desktop.ui.widgets.message_view import MessageView

SIDE_GAP_CHARS = 6  # how far the other side's messages sit in from the edge


class TranscriptView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "transcript")
        self.setAccessibleName("Conversation transcript")
        self.setAccessibleDescription("The conversation so far. Use the arrow keys to scroll.")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.column_chars = READING_COLUMN_CHARS
        self._css = ""
        inner = QWidget()
        self._rows = QVBoxLayout(inner)
        self._rows.setSpacing(12)
        self._rows.addStretch(1)
        self.setWidget(inner)
        self._views: list[MessageView] = []
        self._pinned: MessageView | None = None
        self._unpin = QTimer(self, singleShot=True, interval=400)
        self._unpin.timeout.connect(lambda: setattr(self, "_pinned", None))
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._scroll_to_pinned())

    def message_views(self) -> list[MessageView]:
        return list(self._views)

    def clear(self) -> None:
        while self._rows.count() > 1:
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deletion waits for the event loop
                widget.deleteLater()
        self._views.clear()

    def add(self, role: str, speaker: str, text: str, details: dict[str, Any]) -> MessageView:
        view = MessageView(role, speaker, text, details)
        if self._css:
            view.restyle(self._css)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        gap = self._char_width() * SIDE_GAP_CHARS
        if role == "learner":
            line.addSpacing(round(gap))
            line.addStretch(1)
            line.addWidget(view, 12)
        else:
            line.addWidget(view, 12)
            line.addStretch(1)
            line.addSpacing(round(gap))
        self._rows.insertWidget(self._rows.count() - 1, row)
        self._views.append(view)
        self._fit_column(view)
        return view

    def restyle(self, css: str, column_chars: int) -> None:
        """Follow the learner's font, spacing and colours: lay every message out again."""
        self._css = css
        self.column_chars = column_chars
        for view in self._views:
            view.restyle(css)
            self._fit_column(view)

    def show_from(self, view: MessageView) -> None:
        """Scroll so the newest messages show, starting at `view` if they are taller than
        the space: the learner reads new turns from their first line. The messages are laid
        out over the next few passes, so the place is kept while the range settles."""
        self._pinned = view
        self._unpin.start()
        QTimer.singleShot(0, self._scroll_to_pinned)

    def _scroll_to_pinned(self) -> None:
        view = self._pinned
        if view is None or view not in self._views:
            return
        bar = self.verticalScrollBar()
        top = view.mapTo(self.widget(), view.rect().topLeft()).y()
        bar.setValue(min(bar.maximum(), max(0, top - 8)))

    def _char_width(self) -> float:
        sample = "the quick brown fox jumps over a lazy dog "
        return QFontMetricsF(self.font()).horizontalAdvance(sample) / len(sample)

    def _fit_column(self, view: MessageView) -> None:
        view.setMaximumWidth(round(self._char_width() * self.column_chars) + 40)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for view in self._views:
            view.fit_height()
