"""Keeps a text view on the same first visible line, whatever lays the text out again.

The place is a document position (where the first line showing begins), not a scroll
offset: a new text size, font, spacing, window width or a late layout pass moves the scroll
bar to wherever that line now is. Only a scroll the learner makes (keys, wheel, scroll
bar, a link, read-aloud following the voice) moves the place itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from zavmo_desktop.ui.widgets.text_lines import first_visible_start, line_top


class ReadingPosition(QObject):
    moved = Signal()  # the learner scrolled: the first visible line may be another one
    shown = Signal()  # the place was shown again (laid out anew, or a new place)

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self._view = view
        self.place = 0
        self._holding = False  # the scroll bar is being moved to the place, not by the learner
        self._relaid = QTimer(self, singleShot=True, interval=0)
        self._relaid.timeout.connect(self.go_to_place)
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        # A range change comes before the scroll bar clamps its value: nothing the learner
        # did, so the place stays and is shown again once the layout has settled.
        bar.rangeChanged.connect(self._relaid_out)
        view.viewport().installEventFilter(self)

    def show(self, place: int, caret: tuple[int, int] | None = None) -> None:
        """Scroll so the line holding `place` is the first one showing; put the caret at
        `caret` (anchor, position) or, without one, at the start of that line."""
        self.place = max(0, min(place, self._view.document().characterCount() - 1))
        cursor = QTextCursor(self._view.document())
        anchor, position = caret if caret is not None else (self.place, self.place)
        last = self._view.document().characterCount() - 1
        cursor.setPosition(max(0, min(anchor, last)))
        cursor.setPosition(max(0, min(position, last)), QTextCursor.MoveMode.KeepAnchor)
        self._holding = True
        self._view.setTextCursor(cursor)  # it would scroll to the caret: the place wins
        self._holding = False
        self.go_to_place()

    def go_to_place(self) -> None:
        self._relaid.stop()
        bar = self._view.verticalScrollBar()
        self._holding = True
        bar.setValue(round(line_top(self._view, self.place)) if self.place else 0)
        self._holding = False
        self.shown.emit()

    def at_end(self) -> bool:
        bar = self._view.verticalScrollBar()
        return 0 < bar.maximum() <= bar.value()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._relaid_out()
        return False

    def _relaid_out(self) -> None:
        self._relaid.start()

    def _scrolled(self, value: int) -> None:
        bar = self._view.verticalScrollBar()
        clamped = value in (bar.minimum(), bar.maximum())
        if self._holding:
            return
        if getattr(self._view, "showing", False) or (self._relaid.isActive() and clamped):
            self._relaid.start()  # Qt moved it, not the learner: show the place again
            return
        self._relaid.stop()  # the learner scrolled the new layout: that is the place now
        self.place = first_visible_start(self._view)
        self.moved.emit()
