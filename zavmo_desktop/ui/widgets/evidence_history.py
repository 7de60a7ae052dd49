"""An evidence item's history: every change from its append-only log, oldest first, in
words and in the learner's local time ("2 December 2026 at 16:05: Mapped to EC2 by you")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from zavmo_desktop.core.portfolio.evidence_words import history_line
from zavmo_desktop.core.storage.evidence import LogEntry
from zavmo_desktop.ui.widgets.checklist_section import FittedList
from zavmo_desktop.ui.widgets.labels import heading


class EvidenceHistory(QWidget):
    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("History", role="subheading"))
        self.list = FittedList()
        self.list.setAccessibleName("History of this item")
        self.list.setAccessibleDescription("Every change to this item, oldest first")
        column.addWidget(self.list)

    def show_entries(self, entries: Sequence[LogEntry], kind: str) -> None:
        self.list.clear()
        for entry in entries:
            self.list.addItem(QListWidgetItem(history_line(entry, kind)))
        self.list.setCurrentRow(0 if entries else -1)
        self.list.schedule_fit()

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
