"""The finished-practice summary: a few short parts, one label each, that wrap at any size."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from zavmo_desktop.ui.widgets.labels import paragraph


class FinishedSummary(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "practice-box")
        self.setAccessibleName("Practice finished")
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(8)
        self.labels: list[QLabel] = []

    def show_parts(self, title: str, parts: Sequence[str]) -> None:
        """`title` first in bold, then each part as its own short paragraph."""
        for label in self.labels:
            label.hide()
            label.deleteLater()
        self.labels = []
        for number, text in enumerate([title, *parts]):
            label = paragraph(text)
            label.setTextFormat(Qt.TextFormat.PlainText)  # pack text is never markup
            if number == 0:
                label.setProperty("role", "subheading")
            self._layout.addWidget(label)
            self.labels.append(label)
        self.setAccessibleDescription(self.text())

    def text(self) -> str:
        return "\n".join(label.text() for label in self.labels)
