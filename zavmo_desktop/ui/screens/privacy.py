"""Privacy: what Zavmo keeps, where, for how long, and who can see it (from Settings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from zavmo_desktop.core.own_data.privacy import privacy_sections
from zavmo_desktop.core.xapi.records import LearningRecords
from zavmo_desktop.core.xapi.wording import server_host
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.labels import heading, paragraph

BACK = "Back to Settings"
LINE_CHARS = 70  # ACCESSIBILITY.md: a reading column of 70 characters at most (1.4.8)


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
                label = paragraph(text)
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
