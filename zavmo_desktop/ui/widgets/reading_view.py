"""A text browser whose reading column stays at most ~70 characters wide, centred."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from zavmo_desktop.ui.theme import READING_COLUMN_CHARS


class ReadingView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column_chars = READING_COLUMN_CHARS
        self.showing = False
        # Text always wraps to the column; a sideways scroll bar only ever showed rounding.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit_column(self) -> None:
        # Measured on real words: averageCharWidth underestimates prose widths.
        sample = "the quick brown fox jumps over a lazy dog "
        per_char = QFontMetricsF(self.font()).horizontalAdvance(sample) / len(sample)
        column = per_char * self.column_chars
        available = self.width() - self.verticalScrollBar().width() - 2 * self.frameWidth()
        side = round(max(0.0, available - column) / 2)
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_column()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.fit_column()
        self.showing = True  # QTextEdit scrolls to the caret as it shows: not the learner
        super().showEvent(event)
        self.showing = False
