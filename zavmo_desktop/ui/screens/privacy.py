"""Privacy: what Zavmo keeps, where, for how long, and who can see it (from Settings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from zavmo_desktop.core.own_data.privacy import privacy_sections
from zavmo_desktop.core.xapi.records import LearningRecords
from zavmo_desktop.core.xapi.wording import server_host
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.labels import heading, plain

BACK = "Back to Settings"
LINE_CHARS = 70  # ACCESSIBILITY.md: a reading column of 70 characters at most (1.4.8)


class _Line(QLabel):
    """A wrapped paragraph kept to LINE_CHARS: its height is reckoned at the width it is
    shown at, not the column's, or a page that just fits squashed its longer paragraphs."""

    def __init__(self, text: str) -> None:
        super().__init__()
        plain(self)
        self.setWordWrap(True)
        self.setText(text)

    def heightForWidth(self, width: int) -> int:
        return super().heightForWidth(min(width, self.maximumWidth()))


class PrivacyScreen(QWidget):
    def __init__(
        self, data_dir: Path, back: Callable[[], None], records: LearningRecords | None = None
    ) -> None:
        super().__init__()
        self.setAccessibleName("Privacy screen")
        column = scrolling_column(self)
        self.back_button = QPushButton(BACK)
        self.back_button.setAccessibleName(BACK)
        self.back_button.clicked.connect(back)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(heading("Privacy"))
        self.paragraphs = []
        host = server_host(records.settings) if records is not None else None
        for title, paragraphs in privacy_sections(data_dir, host):
            column.addWidget(heading(title, role="subheading"))
            for text in paragraphs:
                label = _Line(text)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.paragraphs.append(label)
                column.addWidget(label)
        column.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_lines()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_lines()
        super().changeEvent(event)

    def _fit_lines(self) -> None:
        for label in self.paragraphs:
            label.setMaximumWidth(label.fontMetrics().averageCharWidth() * LINE_CHARS)
