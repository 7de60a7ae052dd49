"""A module's checklists: tick items, see progress and the next step, keep a note and a date
for each item, and put done items into the evidence portfolio.

Every change is written to the learner's database at once (a note after a short pause in
typing). The rules for evidence live in core.deliver.evidence.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Checklist, ChecklistItem, Module
from zavmo_desktop.core.deliver.evidence import DeliverEvidence, shorten
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.checklist_item_detail import ChecklistItemDetail
from zavmo_desktop.ui.widgets.checklist_section import ChecklistSection
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.labels import paragraph


class ChecklistPanel(QWidget):
    evidence_changed = Signal()  # an item went into or out of the learner's evidence
    progress_changed = Signal()  # an item was ticked or unticked

    def __init__(self, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._learner = learner
        self._deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
        self._module: Module | None = None
        self.sections: list[ChecklistSection] = []
        self.setAccessibleName("Checklists")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = page_scroll()
        outer.addWidget(scroll)
        page = QWidget()
        self._column = QVBoxLayout(page)
        self._column.setSpacing(12)
        self.empty = paragraph("This module has no checklist.")
        self._column.addWidget(self.empty)
        self._sections_box = QVBoxLayout()
        self._sections_box.setSpacing(24)
        self._column.addLayout(self._sections_box)
        self.detail = ChecklistItemDetail(self._deliver, learner.data_dir)
        self.detail.date_changed.connect(self._date_changed)
        self.detail.evidence_changed.connect(self.evidence_changed)
        self._column.addWidget(self.detail)
        self._column.addStretch(1)
        scroll.setWidget(page)
        self._scroll = scroll

    @property
    def module(self) -> Module | None:
        return self._module

    def show_module(self, module: Module) -> None:
        self.flush()
        self._module = module
        for section in self.sections:
            self._sections_box.removeWidget(section)
            section.hide()  # at once: deletion waits for the event loop
            section.deleteLater()
        self.sections = []
        states = self._learner.checklists.for_module(module.id)
        for checklist in module.checklists:
            section = ChecklistSection(checklist)
            done = {i for (c, i), s in states.items() if c == checklist.id and s.done}
            dates = {i: s.due for (c, i), s in states.items() if c == checklist.id}
            section.show_state(done, dates)
            section.ticked.connect(lambda item, on, sec=section: self._ticked(sec, item, on))
            section.chosen.connect(lambda item, sec=section: self._chosen(sec, item))
            self._sections_box.addWidget(section)
            section.show()  # now, not after the next event loop pass: findable at once
            self.sections.append(section)
        self.empty.setVisible(not module.checklists)
        self.detail.setVisible(bool(module.checklists))
        if self.sections:
            self.sections[0].select()
            current = self.sections[0].current()
            if current is not None:
                self._chosen(self.sections[0], current)
        self._scroll.verticalScrollBar().setValue(0)

    def flush(self) -> None:
        """Save what is waiting to be saved (a note being typed): before closing or moving on."""
        self.detail.flush()

    # What the learner does -----------------------------------------------------------

    def _chosen(self, section: ChecklistSection, item: ChecklistItem) -> None:
        if self._module is None:
            return
        for other in self.sections:
            if other is not section:
                other.list.clearSelection()
        framework = self._learner.library.pack_of(self._module).framework
        self.detail.show_item(self._module.id, framework, section.checklist, item)

    def _ticked(self, section: ChecklistSection, item: ChecklistItem, done: bool) -> None:
        if self._module is None:
            return
        self.detail.flush()
        module_id, outcomes = self._module.id, []
        tick = self._deliver.tick
        if not self.detail.write_or_say(
            lambda: outcomes.append(tick(module_id, section.checklist, item, done))
        ):
            section.set_done(item.id, not done)  # the box shows what is kept; the detail why
            section.select(item.id)
            return
        outcome = outcomes[0]
        section.set_done(item.id, done)
        if section.current() == item:
            self.detail.refresh_evidence()
        else:
            section.select(item.id)  # a click on another row's box: show that row
        message = _tick_message(section.checklist, item, done, section)
        if outcome.left_evidence:
            message += " It is no longer in your evidence. Your note and date are kept."
            self.evidence_changed.emit()
        announce(section.list, message)
        self.progress_changed.emit()

    def _date_changed(self, item_id: str, due: object) -> None:
        for section in self.sections:
            if any(i.id == item_id for i in section.checklist.items):
                section.set_item_date(item_id, due)  # type: ignore[arg-type]

    def hideEvent(self, event: object) -> None:
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]


def _tick_message(
    checklist: Checklist, item: ChecklistItem, done: bool, section: ChecklistSection
) -> str:
    state = section.progress
    what = "Done" if done else "Not done"
    message = f"{what}: {shorten(item.text, 60)} {checklist.title}: {state.text}."
    if done and state.next_step is not None:
        message += f" {state.next_step_text}"
    return message
