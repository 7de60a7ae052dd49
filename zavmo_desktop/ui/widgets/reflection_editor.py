"""Editing a reflection (or the learner's own writing) from the portfolio.

The words are saved when the learner presses Save, never half-way. Until then they are a
draft kept for the item: leaving the item, the screen or the list and coming back finds
them as they were; Cancel drops them. At close the window saves what is still a draft
(flush), so nothing typed is lost. A reflection's words are saved to the module too
(learner_evidence.edit_reflection), in the same transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.learner_evidence import EvidenceRefused, edit_reflection
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.ui.widgets.labels import heading, plain
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.save_status import SaveStatus

EDITOR_LINES = 8
EMPTY = "Write something before you save. To keep the words as they were, press Cancel."


class ReflectionEditor(QWidget):
    saved = Signal(int)  # the id of the item whose words were saved
    closed = Signal()  # saved or cancelled: the editor is hidden

    def __init__(self, learner: Learner) -> None:
        super().__init__()
        self._learner = learner
        self._item: EvidenceItem | None = None
        self.drafts: dict[int, str] = {}  # item id -> words typed and not yet saved
        self.pending = PendingSaves(self, learner.data_dir)  # only for the words at close
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Edit your words", role="subheading"))
        label = plain(QLabel("Your words (saved when you press Save):"))
        label.setWordWrap(True)
        self.box = QPlainTextEdit()
        self.box.setAccessibleName("Your words")
        self.box.setTabChangesFocus(True)
        self.box.textChanged.connect(self._typed)
        label.setBuddy(self.box)
        self.status = SaveStatus()
        self.save_button = QPushButton("Save")
        self.save_button.setAccessibleName("Save")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAccessibleDescription("Close the editor; the words stay as saved")
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (label, self.box, self.status):
            column.addWidget(widget)
        column.addWidget(ReflowRow([self.save_button, self.cancel_button]))
        self._fit_box()

    def _fit_box(self) -> None:
        lines = self.box.fontMetrics().lineSpacing() * EDITOR_LINES
        self.box.setMinimumHeight(lines + 2 * self.box.frameWidth() + 16)

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        self._fit_box()

    def open_for(self, item: EvidenceItem) -> None:
        """Show the item's words, or the draft left for it, ready to type."""
        self._item = item
        self.box.blockSignals(True)
        self.box.setPlainText(self.drafts.get(item.id, item.text))
        self.box.blockSignals(False)
        self.status.saved("Your draft is kept until you save or cancel." if
                          item.id in self.drafts else "")  # fmt: skip
        self.show()
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_draft(self, evidence_id: int) -> bool:
        return evidence_id in self.drafts

    def _typed(self) -> None:
        if self._item is not None:
            self.drafts[self._item.id] = self.box.toPlainText()

    def _write(self, item: EvidenceItem, text: str) -> None:
        if item.kind == "reflection":
            edit_reflection(self._learner.evidence, self._learner.reflections, item.id, text)
        else:
            self._learner.evidence.edit(item.id, text=text.strip(), who="learner")

    def save(self) -> None:
        from zavmo_desktop.ui.widgets.save_status import write_or_say

        item = self._item
        if item is None:
            return
        text = self.box.toPlainText()
        if not text.strip():
            self.status.not_saved(EMPTY)
            return
        try:
            if not write_or_say(self.status, lambda: self._write(item, text),
                                self._learner.data_dir):  # fmt: skip
                return  # the words stay in the box and in the drafts
        except EvidenceRefused as refused:
            self.status.not_saved(str(refused))
            return
        self.drafts.pop(item.id, None)
        self.status.saved("")
        self.hide()
        self.saved.emit(item.id)
        self.closed.emit()

    def cancel(self) -> None:
        if self._item is not None:
            self.drafts.pop(self._item.id, None)
        self.status.saved("")
        self.hide()
        self.closed.emit()

    def flush(self) -> None:
        """Save every draft (the window is closing); what cannot be saved waits in pending."""
        for evidence_id, text in list(self.drafts.items()):
            item = self._learner.evidence.by_id(evidence_id)
            if item is None or not text.strip() or text.strip() == item.text.strip():
                self.drafts.pop(evidence_id, None)
                continue
            what = f"Portfolio: {item.title}"
            if self.pending.save(evidence_id, what, text, lambda i=item, t=text: self._write(i, t)):
                self.drafts.pop(evidence_id, None)
