"""One evidence item shown whole: what it is, when, the app's result and the learner's claim
kept visibly apart (two framed groups, each named), the criteria it maps to, and its full
text or transcript with read-aloud. Below: edit the words (reflections and the learner's
own writing), map criteria, and the history."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.content.criterion_words import criterion_words
from zavmo_desktop.core.content.models import Competency, Criterion
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio import evidence_words as words
from zavmo_desktop.core.portfolio.signoff_words import sign_offs_text
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.criteria_mapper import CriteriaMapper
from zavmo_desktop.ui.widgets.evidence_history import EvidenceHistory
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.reflection_editor import ReflectionEditor
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.spoken_text import ReadTextButton, SpokenText

CLAIM_NOTE = (
    "This is what you said you covered. The app did not check it, and a claim never makes "
    "an item met."
)
DRAFT_NOTE = "You have changed words here that are not saved yet: press Edit to carry on."
_SPEAKER = re.compile(r"^([^:\n]{1,40}): ")


def text_html(item: EvidenceItem) -> str:
    """The item's words as paragraphs; a transcript's speakers in bold."""
    if item.kind == "learner_file":
        name = item.details.get("original_name", "a file")
        kind = str(item.details.get("type", "")).upper()
        return f"<p>{html.escape(f'A file you added: {name} ({kind}).')}</p>"
    parts = [p for p in item.text.split("\n\n") if p.strip()] or ["(No words.)"]
    shown = []
    for part in parts:
        speaker = _SPEAKER.match(part) if item.kind == "conversation" else None
        if speaker:
            rest = html.escape(part[speaker.end() :]).replace("\n", "<br>")
            shown.append(f"<p><b>{html.escape(speaker.group(1))}:</b> {rest}</p>")
        else:
            shown.append(f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>")
    return "".join(shown)


def bullets(title: str, points: Sequence[str]) -> str:
    return "\n".join([title, *(f"• {p}" for p in points)]) if points else ""


def _button(text: str, description: str, toggles: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setCheckable(toggles)
    return button


class EvidenceView(QWidget):
    back = Signal()
    changed = Signal(int)  # the learner changed this item (its words or criteria)

    def __init__(self, learner: Learner, read_aloud: ReadAloud) -> None:
        super().__init__()
        self._learner = learner
        self.item: EvidenceItem | None = None
        self._competencies: Sequence[Competency] = ()
        self._known: Mapping[str, Criterion] = {}
        column = QVBoxLayout(self)
        self.back_button = _button("Back to the list", "Back to every evidence item")
        self.back_button.clicked.connect(self.back.emit)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.title = heading("", role="subheading")
        self.facts = paragraph()
        self.prompt = paragraph()  # a reflection's whole question: its title may be cut short
        column.addWidget(self.title)
        column.addWidget(self.facts)
        column.addWidget(self.prompt)
        column.addWidget(self._build_result())
        column.addWidget(self._build_claim())
        column.addWidget(heading("Criteria it maps to", role="subheading"))
        self.criteria = paragraph()
        column.addWidget(self.criteria)
        column.addWidget(heading("Signed off", role="subheading"))
        self.sign_offs = paragraph()  # the active sign-offs of the criteria it maps to
        column.addWidget(self.sign_offs)
        self.text_heading = heading("The full text", role="subheading")
        self.text = SpokenText("Full text", learner.settings)
        self.read = ReadTextButton("Read aloud", read_aloud, self.text)
        column.addWidget(self.text_heading)
        column.addWidget(self.text)
        column.addWidget(self.read, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.read.status)
        column.addWidget(self._build_actions())
        self.editor = ReflectionEditor(learner)
        self.mapper = CriteriaMapper(learner)
        self.history = EvidenceHistory()
        for panel in (self.editor, self.mapper, self.history):
            panel.hide()
            column.addWidget(panel)
        column.addStretch(1)
        self.editor.saved.connect(self._changed)
        self.editor.closed.connect(self._editor_closed)
        self.mapper.changed.connect(self._changed)

    def _build_result(self) -> QGroupBox:
        group = QGroupBox("The app's result")
        group.setAccessibleName("The app's result")
        inside = QVBoxLayout(group)
        self.result = paragraph()
        self.found = paragraph()
        self.missing = paragraph()
        for label in (self.result, self.found, self.missing):
            inside.addWidget(label)
        return group

    def _build_claim(self) -> QGroupBox:
        self.claim_group = QGroupBox("What you said you covered")
        self.claim_group.setAccessibleName("What you said you covered")
        inside = QVBoxLayout(self.claim_group)
        inside.addWidget(paragraph(CLAIM_NOTE))
        self.claimed = paragraph()
        inside.addWidget(self.claimed)
        return self.claim_group

    def _build_actions(self) -> QWidget:
        self.edit_button = _button("Edit reflection", "Change the words of this item")
        self.edit_button.clicked.connect(self._edit)
        self.map_button = _button("Map criteria", "Choose which criteria this item shows", True)
        self.map_button.toggled.connect(self._show_mapper)
        self.history_button = _button("History", "Every change to this item", True)
        self.history_button.toggled.connect(self._show_history)
        row = QWidget()
        column = QVBoxLayout(row)
        column.setContentsMargins(0, 0, 0, 0)
        self.draft_note = paragraph(DRAFT_NOTE)
        column.addWidget(self.draft_note)
        column.addWidget(ReflowRow([self.edit_button, self.map_button, self.history_button]))
        return row

    # Showing an item ---------------------------------------------------------------------

    def show_item(
        self, item: EvidenceItem, competencies: Sequence[Competency],
        known: Mapping[str, Criterion],
    ) -> None:  # fmt: skip
        """`competencies`: those whose criteria it may map to; `known`: each criterion by
        its code."""
        if self.item is None or self.item.id != item.id:
            self.read.stop()  # its words belonged to the item shown before
            self.close_panels()
        self.item, self._competencies, self._known = item, competencies, known
        self.title.setText(item.title)
        changed = words.day_words(item.updated_at)
        added = words.day_words(item.created_at)
        self.facts.setText(
            f"{words.kind_words(item.kind)}. Added {added}."
            + (f" Last changed {changed}." if changed != added else "")
        )
        prompt = str(item.details.get("prompt", "")) if item.kind == "reflection" else ""
        self.prompt.setText(f"The question: {prompt}" if prompt else "")
        self.prompt.setVisible(bool(prompt))
        self._show_outcome(item)
        self.criteria.setText(
            "\n".join(criterion_words(known.get(c, Criterion(c, ""))) for c in item.criteria)
            or "None yet. Use Map criteria below to choose the criteria it shows."
        )
        self.sign_offs.setText(
            sign_offs_text(item.criteria, self._learner.portfolio.active_sign_offs())
        )
        transcript = item.kind == "conversation"
        self.text_heading.setText("The transcript" if transcript else "The full text")
        self.text.setAccessibleName("Transcript" if transcript else "Full text")
        self.text.show_html(text_html(item))
        editable = item.kind in words.EDITABLE_KINDS
        self.edit_button.setVisible(editable)
        self.edit_button.setText("Edit reflection" if item.kind == "reflection" else "Edit text")
        self.edit_button.setAccessibleName(self.edit_button.text())
        self.draft_note.setVisible(self.editor.has_draft(item.id) and not self.editor.isVisible())
        if self.editor.isVisible() and not editable:
            self.editor.hide()
        if self.mapper.isVisible():
            self.mapper.show_for(item, competencies)
        if self.history.isVisible():
            self._fill_history()

    def _show_outcome(self, item: EvidenceItem) -> None:
        self.result.setText("\n".join(words.app_result_lines(item)))
        for label, title, points in (
            (self.found, "Key points the app found:", words.found_points(item)),
            (self.missing, "Key points the app did not find:", words.missing_points(item)),
        ):
            label.setText(bullets(title, points))
            label.setVisible(bool(points))
        claimed = words.claimed_points(item)
        self.claimed.setText(bullets("Your claim:", claimed))
        self.claim_group.setVisible(bool(claimed))

    def _fill_history(self) -> None:
        if self.item is not None:
            self.history.show_entries(self._learner.evidence.history(self.item.id), self.item.kind)

    # What the learner does ---------------------------------------------------------------

    def _edit(self) -> None:
        if self.item is not None:
            self.draft_note.hide()
            self.editor.open_for(self.item)

    def _editor_closed(self) -> None:
        self.draft_note.hide()
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_mapper(self, shown: bool) -> None:
        if shown and self.item is not None:
            self.mapper.show_for(self.item, self._competencies)
        self.mapper.setVisible(shown)
        if shown:
            self.mapper.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_history(self, shown: bool) -> None:
        if shown:
            self._fill_history()
        self.history.setVisible(shown)
        if shown:
            self.history.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self, evidence_id: int) -> None:
        fresh = self._learner.evidence.by_id(evidence_id)
        if fresh is not None:
            self.show_item(fresh, self._competencies, self._known)
        self.changed.emit(evidence_id)

    def close_panels(self) -> None:
        """Back to the item alone (a draft stays kept in the editor for next time)."""
        self.editor.hide()
        self.map_button.setChecked(False)
        self.history_button.setChecked(False)

    def focus_first(self) -> None:
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)
