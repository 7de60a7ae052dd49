"""The portfolio's list of evidence: each item shown whole (its title, type, date, outcome
and criteria), wrapped at 200% text; Enter or a double click opens it."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem

from zavmo_desktop.core.portfolio.evidence_words import DRAFT_MARK, summary_line
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.ui.widgets.problem_list import ProblemList

SHOWN_LINES = 6  # at the least, before it scrolls: room for two or three items at 200% text
ID = Qt.ItemDataRole.UserRole


class EvidenceList(ProblemList):
    wraps_anywhere = False  # titles are words; a word is never broken

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Evidence items")
        self.setAccessibleDescription("Press Enter to open the chosen item")

    def _follow_text_size(self) -> None:
        self.setMaximumHeight(16_777_215)  # as tall as the room it is given
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * SHOWN_LINES)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Qt's list passes Enter on to the window after opening the item, and the window
        # presses the focused button with it: by then that is the item's "Back to the list".
        row = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row is not None:
            event.accept()
            self.itemActivated.emit(row)
            return
        super().keyPressEvent(event)

    def show_items(self, items: Sequence[EvidenceItem], drafts: Collection[int] = ()) -> None:
        """`drafts`: the items with changed words not saved yet, marked first in words
        (after a pencil, which is drawn but not read out)."""
        chosen = self.chosen_id()
        self.blockSignals(True)
        self.clear()
        for item in items:
            draft = item.id in drafts
            said = summary_line(item, draft)
            row = QListWidgetItem(f"{DRAFT_MARK} {said}" if draft else said)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, said)  # no pencil read out
            row.setData(ID, item.id)
            self.addItem(row)
        self.blockSignals(False)
        if items:
            self.choose(chosen if chosen is not None else items[0].id)

    def chosen_id(self) -> int | None:
        row = self.currentItem()
        return int(row.data(ID)) if row is not None else None

    def choose(self, evidence_id: int) -> None:
        for index in range(self.count()):
            if self.item(index).data(ID) == evidence_id:
                self.setCurrentRow(index)
                return
        self.setCurrentRow(0 if self.count() else -1)
