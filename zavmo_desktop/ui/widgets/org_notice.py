"""A calm message above every screen about the organisation's setup: a pack that was refused,
or a mistake in its config. The app works without what it names; the learner closes it.

The details are a read-only text as tall as its words, up to a third of the window: at 200%
text a long list scrolls inside it (by keyboard too, it is a tab stop) instead of pushing
the screen out of sight or being cut."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from zavmo_desktop.ui.widgets.labels import heading

CLOSE = "Close this message"
DETAILS = "Details of your organisation's setup"
MOST_OF_WINDOW = 1 / 3


class OrgNotice(QWidget):
    def __init__(self, title: str, lines: list[str], after: str) -> None:
        super().__init__()
        self.setAccessibleName("Message about your organisation's setup")
        column = QVBoxLayout(self)
        column.setContentsMargins(9, 9, 9, 0)  # in line with the screen's own column
        self.title = heading(title, role="subheading")
        column.addWidget(self.title)
        self.details = _Details("\n\n".join([*lines, after]))
        column.addWidget(self.details)
        row = QHBoxLayout()
        self.close_button = QPushButton(CLOSE)
        self.close_button.setAccessibleName(CLOSE)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.close_button)
        row.addStretch(1)
        column.addLayout(row)

    @property
    def message(self) -> str:
        return f"{self.title.text()} {self.details.toPlainText()}"


class _Details(QTextBrowser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.setAccessibleName(DETAILS)
        self.setPlainText(text)  # file names and config text are shown as written
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self.fit())

    def fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        chrome = self.height() - self.viewport().height()
        wanted = math.ceil(document.size().height()) + max(0, chrome)
        room = max(120, int(self.window().height() * MOST_OF_WINDOW))
        height = min(wanted, room)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()
