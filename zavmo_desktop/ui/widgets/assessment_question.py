"""One assessment question: a self-rating among the competency's level descriptors (or
"Not sure"), with a line of evidence; or one scenario question. Every choice is saved as
it is made, so there is nothing to lose by pausing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QProgressBar, QVBoxLayout, QWidget

from zavmo_desktop.core.assessment.model import MAX_EVIDENCE_CHARS, NOT_SURE
from zavmo_desktop.core.assessment.steps import RATING, Progress, Step
from zavmo_desktop.core.content.models import Competency, Framework, Reply
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.reply_area import ChoiceGroup

RATING_NAME = "Your level"
SCENARIO_NAME = "Your answer"
EVIDENCE_NAME = "Evidence (optional)"


def level_choice_text(framework: Framework, competency: Competency, level_id: str) -> str:
    level = framework.level(level_id)
    descriptor = framework.descriptor(competency.id, level_id)
    text = level.name if level else level_id
    if descriptor.description:
        text += f": {descriptor.description}"
    if descriptor.example:
        text += f" For example: {descriptor.example}"
    return text


class AssessmentQuestion(QWidget):
    rated = Signal(str)  # a level id or NOT_SURE
    scenario_answered = Signal(int, str)  # the answer's place in the list, and its level
    evidence_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step: Step | None = None
        self._choices: list[str] = []
        layout = QVBoxLayout(self)
        self.progress_text = paragraph()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Assessment progress")
        self.progress_bar.setTextVisible(False)  # the words above say it
        self.area = paragraph()
        self.title = heading("", role="subheading")
        self.description = paragraph()
        self.prompt = paragraph()
        self.prompt.setProperty("role", "subheading")
        self.scenario_text = paragraph()  # a scenario's question: plain text, not a heading
        self.choices = ChoiceGroup()
        self.choices.chosen.connect(self._chosen)
        self.evidence_label = paragraph(
            "If you like, one line of evidence: something you did that shows this level."
        )
        self.evidence = QLineEdit()
        self.evidence.setAccessibleName(EVIDENCE_NAME)
        self.evidence.setMaxLength(MAX_EVIDENCE_CHARS)
        self.evidence_label.setBuddy(self.evidence)
        self.evidence.editingFinished.connect(
            lambda: self.evidence_edited.emit(self.evidence.text())
        )
        for widget in (self.progress_text, self.progress_bar, self.area, self.title,
                       self.description, self.prompt, self.scenario_text, self.choices,
                       self.evidence_label,
                       self.evidence):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_rating(
        self, framework: Framework, competency: Competency, rating: str | None, evidence: str
    ) -> None:
        self.step = Step(competency.id, RATING)
        self._show_competency(framework, competency)
        self.prompt.setText("Which of these is closest to what you do today?")
        self.scenario_text.setVisible(False)
        self._choices = [level.id for level in framework.levels] + [NOT_SURE]
        texts = [level_choice_text(framework, competency, lid) for lid in self._choices[:-1]]
        texts.append("Not sure: I cannot say yet. That is a fine answer.")
        self._set_choices(texts, RATING_NAME, "Choose the level closest to you")
        self.choices.setAccessibleDescription(competency.title)
        if rating in self._choices:
            self._check(self._choices.index(rating))
        self.evidence.setText(evidence)
        for widget in (self.evidence_label, self.evidence):
            widget.setVisible(True)

    def show_scenario(
        self, framework: Framework, competency: Competency, scenario_id: str, chosen: int | None
    ) -> None:
        scenario = next(s for s in competency.scenarios if s.id == scenario_id)
        number = [s.id for s in competency.scenarios].index(scenario_id) + 1
        self.step = Step(competency.id, scenario_id)
        self._show_competency(framework, competency)
        count = len(competency.scenarios)
        self.prompt.setText(f"Scenario {number} of {count}")
        self.scenario_text.setText(scenario.question)
        self.scenario_text.setVisible(True)
        self._choices = [answer.level for answer in scenario.answers]
        self._set_choices([a.text for a in scenario.answers], SCENARIO_NAME, "Choose one answer")
        self.choices.setAccessibleDescription(scenario.question)
        if chosen is not None and 0 <= chosen < len(self._choices):
            self._check(chosen)
        for widget in (self.evidence_label, self.evidence):
            widget.setVisible(False)

    def show_progress(self, progress: Progress) -> None:
        self.progress_text.setText(progress.words)
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.answered)
        self.progress_bar.setAccessibleDescription(progress.words)

    def focus_choices(self) -> None:
        self.choices.focus_first()

    def _show_competency(self, framework: Framework, competency: Competency) -> None:
        area = framework.area_of(competency.id)
        self.area.setText(area.title if area else "")
        self.title.setText(competency.title)
        self.description.setText(competency.description)
        self.description.setVisible(bool(competency.description))

    def _set_choices(self, texts: list[str], name: str, title: str) -> None:
        self.choices.blockSignals(True)
        self.choices.set_replies(tuple(Reply(text, "") for text in texts))
        self.choices.blockSignals(False)
        self.choices.setTitle(title)
        self.choices.setAccessibleName(name)
        for number, button in enumerate(self.choices.buttons, start=1):
            button.setAccessibleDescription(f"Choice {number} of {len(texts)}")

    def _check(self, number: int) -> None:
        self.choices.blockSignals(True)
        self.choices.buttons[number].setChecked(True)
        self.choices.blockSignals(False)

    def _chosen(self, number: int) -> None:
        if self.step is None or not 0 <= number < len(self._choices):
            return
        if self.step.question == RATING:
            self.rated.emit(self._choices[number])
        else:
            self.scenario_answered.emit(number, self._choices[number])

    def chosen_text(self) -> str:
        checked = [b for b in self.choices.buttons if b.isChecked()]
        return checked[0].accessibleName() if checked else ""
