"""A module's reflections: one prompt at a time, the learner's own words, and the criteria
those words are evidence for.

What the learner types is saved after a short pause, when they leave the box, switch
prompt, hide the panel or the window closes (flush). A saved reflection with words in it
is in their evidence by itself (core.deliver.evidence); the panel says so, quietly. When a
save fails (a full disk), the panel says so in place of "saved", keeps the words (also
across prompts) and keeps trying.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.criterion_words import criterion_words, maps_to
from zavmo_desktop.core.content.models import Criterion, Module, Reflection
from zavmo_desktop.core.deliver.evidence import (
    DeliverEvidence,
    criteria_choices,
    long_date,
    shorten,
)
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.reflections import SavedReflection
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.save_status import SaveStatus

SAVE_DELAY_MS = 250  # a pause in typing this long saves the reflection
EDITOR_LINES = 8


class _ToggleLabel(QLabel):
    """A criterion's words beside its box: clicking them ticks the box, as with any label."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


class ReflectionPanel(QWidget):
    evidence_changed = Signal()  # a reflection went into, changed in or left the evidence

    def __init__(self, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._learner = learner
        self._deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
        self._module: Module | None = None
        self._current: Reflection | None = None
        self._saved_text = ""
        self._saved_criteria: tuple[str, ...] = ()
        self._boxes: dict[str, QCheckBox] = {}
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self.pending = PendingSaves(self, learner.data_dir)
        self.pending.changed.connect(self._pending_changed)
        self.setAccessibleName("Reflections")
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = page_scroll()
        outer.addWidget(scroll)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(10)
        self.empty = paragraph("This module has no reflection prompts.")
        chooser_label = QLabel("Reflection prompt:")
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Reflection prompt")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(16)
        self.chooser.currentIndexChanged.connect(self._prompt_chosen)
        chooser_label.setBuddy(self.chooser)
        self.prompt = paragraph()
        self.prompt.setProperty("role", "summary")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        editor_label = QLabel("Your reflection:")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Your reflection")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)
        editor_label.setBuddy(self.editor)
        self.saved_label = SaveStatus()
        self.evidence_label = paragraph()
        self.criteria_heading = heading("This reflection is evidence for", role="subheading")
        self.criteria_box = QWidget()
        self._criteria_grid = QGridLayout(self.criteria_box)
        self._criteria_grid.setContentsMargins(0, 0, 0, 0)
        self._criteria_grid.setColumnStretch(1, 1)
        self.controls = QWidget()
        inner = QVBoxLayout(self.controls)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (chooser_label, self.chooser, self.prompt, editor_label, self.editor):
            inner.addWidget(widget)
        for widget in (self.saved_label, self.evidence_label, self.criteria_heading):
            inner.addWidget(widget)
        inner.addWidget(self.criteria_box)
        column.addWidget(self.empty)
        column.addWidget(self.controls)
        column.addStretch(1)
        scroll.setWidget(page)
        self._fit_editor()

    # For the reader and the main window ------------------------------------------------

    @property
    def module(self) -> Module | None:
        return self._module

    @property
    def reflection(self) -> Reflection | None:
        return self._current

    def show_module(self, module: Module, reflection_id: str | None = None) -> None:
        self.flush()
        self._module = module
        self._current = None
        saved = self._learner.reflections.for_module(module.id)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for number, reflection in enumerate(module.reflections, 1):
            self.chooser.addItem(self._choice_text(number, reflection, saved.get(reflection.id)))
        self.chooser.blockSignals(False)
        self.empty.setVisible(not module.reflections)
        self.controls.setVisible(bool(module.reflections))
        ids = [r.id for r in module.reflections]
        index = ids.index(reflection_id) if reflection_id in ids else 0
        if module.reflections:
            self.chooser.setCurrentIndex(index)
            self._load(module.reflections[index])

    def flush(self) -> None:
        """Save now, if anything changed since the last save."""
        self._save_timer.stop()
        if self._module is None or self._current is None:
            return
        module, reflection = self._module, self._current
        text, criteria = self.editor.toPlainText(), self._chosen_criteria()
        unchanged = text == self._saved_text and set(criteria) == set(self._saved_criteria)
        if unchanged and self.pending.waiting_text((module.id, reflection.id)) is None:
            return
        was_evidence = bool(self._saved_text.strip())
        result: list[SavedReflection] = []

        def write() -> None:
            result.append(self._deliver.save_reflection(module.id, reflection, text, criteria))

        what = f"Reflection in {module.title}: {' '.join(reflection.prompt.split())}"
        if not self.pending.save((module.id, reflection.id), what, text, write):
            return  # the words stay in the box; _pending_changed says why
        saved = result[-1]
        self._saved_text, self._saved_criteria = text, saved.criteria
        self._show_saved(datetime.now())
        self._show_evidence_state()
        index = self.chooser.currentIndex()
        self.chooser.setItemText(index, self._choice_text(index + 1, self._current, saved))
        if was_evidence or saved.written:
            self.evidence_changed.emit()

    # Showing one prompt ---------------------------------------------------------------

    def _choice_text(
        self, number: int, reflection: Reflection, saved: SavedReflection | None
    ) -> str:
        written = saved is not None and saved.written
        state = " (written)" if written else ""  # first, where a narrow box still shows it
        return f"{number}{state}. {shorten(reflection.prompt, 60)}"

    def _prompt_chosen(self, index: int) -> None:
        if self._module is None or not 0 <= index < len(self._module.reflections):
            return
        self.flush()  # the words typed so far belong to the prompt shown until now
        self._load(self._module.reflections[index])

    def _load(self, reflection: Reflection) -> None:
        assert self._module is not None
        self._current = reflection
        saved = self._learner.reflections.get(self._module.id, reflection.id)
        self.prompt.setText(" ".join(reflection.prompt.split()))
        self.editor.setAccessibleDescription(" ".join(reflection.prompt.split()))
        self._saved_text = saved.text if saved else ""
        waiting = self.pending.waiting_text((self._module.id, reflection.id))
        self.editor.blockSignals(True)
        self.editor.setPlainText(self._saved_text if waiting is None else waiting)
        self.editor.blockSignals(False)
        chosen = self._deliver.reflection_criteria(self._module.id, reflection)
        self._saved_criteria = tuple(chosen)
        framework = self._learner.library.pack_of(self._module).framework
        choices = criteria_choices(framework, self._module.competency, reflection.evidences)
        self._fill_criteria(choices, chosen)
        if waiting is not None:
            self.saved_label.not_saved(self.pending.message)
        else:
            self._show_stored(saved)
        self._show_evidence_state()

    def _show_stored(self, saved: SavedReflection | None) -> None:
        if saved is None:
            self.saved_label.saved("Not written yet. What you type is saved as you go.")
        else:
            self._show_saved(datetime.fromisoformat(saved.updated_at))

    def _fill_criteria(self, choices: list[Criterion], chosen: tuple[str, ...]) -> None:
        while self._criteria_grid.count():
            taken = self._criteria_grid.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().hide()  # at once: deletion waits for the event loop
                taken.widget().deleteLater()
        self._boxes = {}
        for row, criterion in enumerate(choices):
            box = QCheckBox(criterion.id)
            box.setAccessibleName(criterion_words(criterion))
            box.setChecked(criterion.id in chosen)
            box.toggled.connect(self._criteria_changed)
            mapping = maps_to(criterion)
            label = _ToggleLabel(f"{criterion.text}\n{mapping}" if mapping else criterion.text, box)
            self._criteria_grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            self._criteria_grid.addWidget(label, row, 1)
            box.show()  # now, not after the next event loop pass
            label.show()
            self._boxes[criterion.id] = box

    def _chosen_criteria(self) -> tuple[str, ...]:
        return tuple(cid for cid, box in self._boxes.items() if box.isChecked())

    def _show_saved(self, when: datetime) -> None:
        day = "today" if when.date() == date.today() else f"on {long_date(when.date())}"
        self.saved_label.saved(f"Saved {day} at {when:%H:%M}.")

    def _show_evidence_state(self) -> None:
        if self._saved_text.strip():
            ids = ", ".join(self._saved_criteria)
            against = f", for {ids}" if ids else ", not yet linked to a criterion"
            text = f"This reflection is in your evidence{against}."
        else:
            text = "Once you write something, it goes into your evidence by itself."
        if self.evidence_label.text() != text:
            self.evidence_label.setText(text)

    # Saving as the learner goes -------------------------------------------------------

    def _pending_changed(self) -> None:
        if self.pending.problem is not None:
            self.saved_label.not_saved(self.pending.message)
        elif self._module is not None and self._current is not None:
            self.flush()  # everything kept went through: show it saved, as usual
            self._show_stored(self._learner.reflections.get(self._module.id, self._current.id))

    def _typed(self) -> None:
        self._save_timer.start()  # saved after a pause; nothing is announced while typing

    def _criteria_changed(self) -> None:
        self.flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor:
            if event.type() == QEvent.Type.FocusOut:
                self.flush()
            elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
                self._fit_editor()
        return False

    def _fit_editor(self) -> None:
        lines = self.editor.fontMetrics().lineSpacing() * EDITOR_LINES
        self.editor.setMinimumHeight(lines + 2 * self.editor.frameWidth() + 16)

    def hideEvent(self, event: object) -> None:
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]
