"""The selected checklist item: its note, its date, what it evidences, and "Add to my evidence".

The note is saved as the learner types (after a short pause), when focus leaves it, when
another item is chosen and on flush(); the date and the evidence button save at once. A
note that cannot be saved (a full disk) is kept, said so under the note, and retried.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Checklist, ChecklistItem, Framework
from zavmo_desktop.core.deliver.checklist_progress import when_label
from zavmo_desktop.core.deliver.evidence import DeliverEvidence, criterion_lines, long_date
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say

SAVE_DELAY_MS = 250  # a pause in typing this long saves the note
NOTE_LINES = 4
ADD_TEXT = "Add to my evidence"
REMOVE_TEXT = "Remove from my evidence"


class DateField(QDateEdit):
    """A date box that Tab leaves at once: Qt's moves from day to month to year first.
    Left and Right move between the parts; Up and Down change the part."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class ChecklistItemDetail(QWidget):
    date_changed = Signal(str, object)  # item id, date | None
    evidence_changed = Signal()  # the item went into or out of the learner's evidence

    def __init__(
        self, deliver: DeliverEvidence, folder: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._folder = folder
        self._module_id = ""
        self._framework: Framework | None = None
        self._checklist: Checklist | None = None
        self._item: ChecklistItem | None = None
        self._saved_note = ""
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._build()
        self.pending = PendingSaves(self, folder)
        self.pending.changed.connect(self._pending_changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = heading("About the selected item", role="subheading")
        self.item_text = paragraph()
        self.item_text.setTextFormat(Qt.TextFormat.PlainText)
        self.about = paragraph()
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        note_label = QLabel("Note for this item:")
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note for this item")
        self.note.setTabChangesFocus(True)  # Tab moves on; the note is a short one
        self.note.textChanged.connect(self._note_typed)
        self.note.installEventFilter(self)
        note_label.setBuddy(self.note)
        self.note_status = SaveStatus()  # also says when a date or the evidence button fails
        self.has_date = QCheckBox("Give this item a date")
        self.has_date.setAccessibleName("Give this item a date")
        self.has_date.toggled.connect(self._date_switched)
        self.date_label = date_label = QLabel("Date for this item:")
        self.date = DateField()
        self.date.setAccessibleName("Date for this item")
        self.date.setAccessibleDescription("Up and Down change the day, month or year")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")  # "14 March 2025": never 03/14 or 14/03
        self.date.setDate(QDate.currentDate())
        self.date.dateChanged.connect(self._date_edited)
        date_label.setBuddy(self.date)
        self.evidence_status = paragraph()
        self.evidence_button = QPushButton(ADD_TEXT)
        self.evidence_button.setAccessibleName(ADD_TEXT)
        self.evidence_button.clicked.connect(self._toggle_evidence)
        for widget in (self.heading, self.item_text, self.about, note_label, self.note):
            layout.addWidget(widget)
        layout.addWidget(self.note_status)
        layout.addWidget(self.has_date)
        layout.addWidget(date_label)
        layout.addWidget(self.date, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.evidence_status)
        layout.addWidget(self.evidence_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._fit_note()
        self._show_date(False)

    # Showing an item ---------------------------------------------------------------

    def show_item(
        self, module_id: str, framework: Framework, checklist: Checklist, item: ChecklistItem
    ) -> None:
        self.flush()
        self._module_id, self._framework = module_id, framework
        self._checklist, self._item = checklist, item
        state = self._deliver.checklists.get(module_id, checklist.id, item.id)
        self.item_text.setText(item.text)
        about = [f"When: {when_label(item.when)}."]
        lines = criterion_lines(framework, item.evidences)
        if lines:
            about.append("Evidence for: " + "; ".join(lines))
        self.about.setText("\n".join(about))
        self._saved_note = state.note if state else ""
        waiting = self.pending.waiting_text((module_id, checklist.id, item.id))
        shown = self._saved_note if waiting is None else waiting
        self.note.blockSignals(True)
        if self.note.toPlainText() != shown:
            self.note.setPlainText(shown)
        self.note.blockSignals(False)
        self.note.setAccessibleDescription(item.text)
        due = state.due if state else None
        for widget in (self.has_date, self.date):
            widget.blockSignals(True)
        self.has_date.setChecked(due is not None)
        self._show_date(due is not None)
        shown = due or date.today()  # turning the date on starts from today
        self.date.setDate(QDate(shown.year, shown.month, shown.day))
        for widget in (self.has_date, self.date):
            widget.blockSignals(False)
        self.refresh_evidence()

    def refresh_evidence(self) -> None:
        """Show whether the item is done and in the evidence, and what the button does."""
        if self._checklist is None or self._item is None:
            return
        state = self._deliver.checklists.get(self._module_id, self._checklist.id, self._item.id)
        done = bool(state and state.done)
        inside = self._deliver.item_in_evidence(self._module_id, self._checklist.id, self._item.id)
        if inside:
            status = "Done. This item is in your evidence."
        elif done and state and state.done_at:
            when = long_date(date.fromisoformat(state.done_at[:10]))
            status = f"Done on {when}. You can add it to your evidence."
        else:
            status = "Not done yet. When you tick it, you can add it to your evidence."
        self.evidence_status.setText(status)
        text = REMOVE_TEXT if inside else ADD_TEXT
        self.evidence_button.setText(text)
        self.evidence_button.setAccessibleName(text)
        self.evidence_button.setAccessibleDescription(status)
        # Until the item is done the line above says what to do; a button that does
        # nothing would only puzzle.
        self.evidence_button.setVisible(done or inside)

    # Saving ----------------------------------------------------------------------------

    def flush(self) -> None:
        """Save the note now if it changed."""
        self._save_timer.stop()
        if self._checklist is None or self._item is None:
            return
        text = self.note.toPlainText()
        module_id, checklist, item = self._module_id, self._checklist, self._item
        key = (module_id, checklist.id, item.id)
        if text == self._saved_note and self.pending.waiting_text(key) is None:
            return
        what = f"Note for the checklist item: {item.text}"
        if self.pending.save(
            key, what, text, lambda: self._deliver.set_note(module_id, checklist, item, text)
        ):
            self._saved_note = text

    def _pending_changed(self) -> None:
        if self.pending.problem is not None:
            self.note_status.not_saved(self.pending.message)
        else:
            self.note_status.saved()
            self.flush()

    def write_or_say(self, write: Callable[[], object]) -> bool:
        """A tick, date or evidence change: if it cannot be kept, it is said under the note."""
        return write_or_say(self.note_status, write, self._folder, waiting=self.pending)

    def _note_typed(self) -> None:
        self._save_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif watched is self.note and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_note()
        return False

    def _fit_note(self) -> None:
        lines = self.note.fontMetrics().lineSpacing() * NOTE_LINES
        self.note.setFixedHeight(lines + 2 * self.note.frameWidth() + 16)

    def _show_date(self, on: bool) -> None:
        """The date box shows only while the item has a date: no made-up date on show."""
        self.date_label.setVisible(on)
        self.date.setVisible(on)

    def _date_switched(self, on: bool) -> None:
        self._show_date(on)
        self._save_date(self._chosen_date() if on else None)

    def _date_edited(self, _date: QDate) -> None:
        if self.has_date.isChecked():
            self._save_date(self._chosen_date())

    def _chosen_date(self) -> date:
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _save_date(self, due: date | None) -> None:
        if self._checklist is None or self._item is None:
            return
        module_id, checklist, item = self._module_id, self._checklist, self._item
        if self.write_or_say(lambda: self._deliver.set_due_date(module_id, checklist, item, due)):
            self.date_changed.emit(item.id, due)

    def _toggle_evidence(self) -> None:
        if self._checklist is None or self._item is None:
            return
        self.flush()  # the evidence carries the note as it is now
        checklist, item = self._checklist, self._item
        said: list[str] = []
        if not self.write_or_say(lambda: said.append(self._switch_evidence(checklist, item))):
            return
        self.refresh_evidence()
        announce(self.evidence_button, said[0])
        self.evidence_changed.emit()

    def _switch_evidence(self, checklist: Checklist, item: ChecklistItem) -> str:
        if self._deliver.item_in_evidence(self._module_id, checklist.id, item.id):
            self._deliver.remove_item_from_evidence(self._module_id, checklist, item)
            return "Taken out of your evidence. Your note and date are kept."
        self._deliver.add_item_to_evidence(self._module_id, checklist, item)
        return "Added to your evidence."

    def hideEvent(self, event: object) -> None:
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]
