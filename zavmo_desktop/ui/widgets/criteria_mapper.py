"""Which criteria an evidence item shows: one competency at a time (a framework has well over
a hundred criteria), one tickable row per criterion (code and words). Ticking maps the
item, unticking unmaps it, at once, logged as the learner's change. If the change cannot be
saved the tick goes back and the line under the list says why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from zavmo_desktop.core.content.criterion_words import criterion_words
from zavmo_desktop.core.content.models import Competency
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.checklist_section import FittedList
from zavmo_desktop.ui.widgets.evidence_filters import LabelledCombo
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.padded_wrap import PaddedWrap
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say

CODE = Qt.ItemDataRole.UserRole


class CriteriaMapper(QWidget):
    changed = Signal(int)  # the id of the item whose criteria changed

    def __init__(self, learner: Learner) -> None:
        super().__init__()
        self._learner = learner
        self._item: EvidenceItem | None = None
        self._competencies: list[Competency] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Map criteria", role="subheading"))
        column.addWidget(paragraph("Choose a competency, then tick each of its criteria this "
                                   "item is evidence for. Each change is saved at once and "
                                   "kept in the history."))  # fmt: skip
        self.competency = LabelledCombo("Competency", "Competency to map to")
        self.competency.combo.currentIndexChanged.connect(lambda _i: self._show_competency())
        column.addWidget(self.competency)
        self.list = FittedList()
        # Measured a little narrower than drawn: with a check box, two long criteria at 200%
        # text wrapped onto one line more than was measured and their last line was cut.
        self.list.setItemDelegate(PaddedWrap(8, self.list))
        self.list.setAccessibleName("Criteria this item shows")
        self.list.setAccessibleDescription("Press Space to tick or untick a criterion")
        self.list.itemChanged.connect(self._ticked)
        self.status = SaveStatus()
        column.addWidget(self.list)
        column.addWidget(self.status)

    def show_for(self, item: EvidenceItem, competencies: Sequence[Competency]) -> None:
        """Open on the competency of the item's first criterion (else the first one)."""
        same = self._item is not None and self._item.id == item.id
        self._item, self._competencies = item, list(competencies)
        mapped = set(item.criteria)
        first = next((c.id for c in competencies if mapped & {cr.id for cr in c.criteria}), None)
        chosen = self.competency.value() if same else first
        self.competency.fill([(c.title, c.id) for c in competencies])
        if chosen is not None:
            self.competency.combo.setCurrentIndex(max(self.competency.combo.findData(chosen), 0))
        self._show_competency(keep_row=same)
        self.status.saved("")

    def _show_competency(self, keep_row: bool = False) -> None:
        item = self._item
        if item is None:
            return
        chosen = self.competency.value()
        competency = next((c for c in self._competencies if c.id == chosen), None)
        criteria = list(competency.criteria) if competency is not None else []
        kept = self.list.currentItem()
        kept_code = kept.data(CODE) if kept is not None and keep_row else None
        self.list.blockSignals(True)
        self.list.clear()
        for criterion in criteria:
            row = QListWidgetItem(criterion_words(criterion))
            row.setData(CODE, criterion.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            mapped = criterion.id in item.criteria
            row.setCheckState(Qt.CheckState.Checked if mapped else Qt.CheckState.Unchecked)
            self.list.addItem(row)
        self.list.blockSignals(False)
        codes = [c.id for c in criteria]
        self.list.setCurrentRow(
            codes.index(kept_code) if kept_code in codes else 0 if codes else -1
        )
        self.list.schedule_fit()

    def _ticked(self, row: QListWidgetItem) -> None:
        if self._item is None:
            return
        evidence_id = self._item.id
        code = str(row.data(CODE))
        mapping = row.checkState() == Qt.CheckState.Checked
        evidence = self._learner.evidence

        def write() -> None:
            if mapping:
                evidence.map(evidence_id, code, who="learner")
            else:
                evidence.unmap(evidence_id, code, who="learner")

        if not write_or_say(self.status, write, self._learner.data_dir):
            self.list.blockSignals(True)  # show what is really kept
            row.setCheckState(Qt.CheckState.Unchecked if mapping else Qt.CheckState.Checked)
            self.list.blockSignals(False)
            return
        announce(self, f"Mapped to {code}" if mapping else f"No longer mapped to {code}")
        self._item = evidence.by_id(evidence_id) or self._item
        self.changed.emit(evidence_id)
