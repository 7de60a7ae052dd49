"""Discover: the assessment one question at a time, then the skills-gap heat map, the same
data as a table, and the time to competency. Every answer is saved as it is given; the
round remembers the question the learner is on (docs/assessment.md)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.assessment.estimate import estimate_all
from zavmo_desktop.core.assessment.heat_map import heat_map
from zavmo_desktop.core.assessment.model import CompetencyAnswer
from zavmo_desktop.core.assessment.steps import (
    RATING,
    Step,
    next_step,
    previous_step,
    progress,
    resume_at,
    steps,
)
from zavmo_desktop.core.content.models import Pack
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.assessments import Round
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, TRY_AGAIN, classify, not_saved
from zavmo_desktop.ui.widgets.assessment_question import AssessmentQuestion
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.heat_map import HeatMapGrid
from zavmo_desktop.ui.widgets.heat_table import COLUMNS, HeatMapTable
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton

START, CONTINUE = "Start assessment", "Continue assessment"
WHY = (
    "For each competency the estimate adds up the minutes of the modules you have not "
    "finished whose level is above where you are now and no higher than the target. A "
    "competency with no such module has no number. The weeks are those minutes divided "
    "by your hours per week, rounded up. Where you were not sure, it counts from the "
    "lowest level. It is study time only: your pathway fits it into real weeks."
)


def hours_per_week(learner: Learner) -> float | None:
    """The learner's weekly hours from their profile (onboarding or Settings), if given."""
    return learner.profile.load().hours_per_week


def _button(text: str, name: str | None = None) -> QPushButton:
    button = WrappingButton(text)  # "Save the heat map as a picture" was wider than the page
    button.setAccessibleName(name or text)
    return button


class DiscoverScreen(QWidget):
    def __init__(self, learner: Learner) -> None:
        super().__init__()
        self._learner = learner
        self.round: Round | None = None
        self.setAccessibleName("Discover screen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Discover: where you stand"))
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_overview())
        self.pages.addWidget(self._build_questions())
        self.refresh()

    # --- building ---------------------------------------------------------------------

    def _build_overview(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(paragraph(
            "A short assessment, one competency at a time, in plain words. \u201cNot sure\u201d "
            "is always an answer. Your answers are saved as you go: stop whenever you like "
            "and come back to the same question."))  # fmt: skip
        self.status = paragraph()
        column.addWidget(self.status)
        self.start = _button(START)
        self.start.clicked.connect(self.start_or_continue)
        self.change = _button("Change an answer")
        self.change.setAccessibleDescription("The competency chosen in the heat map")
        self.change.clicked.connect(lambda: self.change_answer())
        column.addWidget(_row(self.start, self.change))
        column.addWidget(heading("Skills gap heat map", role="subheading"))
        column.addWidget(paragraph(
            "One row for each area. Each cell gives where you are now, the target and the gap "
            "in numbers and words; the darker the cell, the bigger the gap. Use the arrow keys "
            "to move from cell to cell."))  # fmt: skip
        self.grid = HeatMapGrid()
        self.grid.chosen.connect(self.change_answer)
        column.addWidget(self.grid)
        self.save_png = _button("Save the heat map as a picture (PNG)")
        self.save_png.clicked.connect(self._ask_where_to_save)
        self.saved = paragraph()
        column.addWidget(_row(self.save_png))
        column.addWidget(self.saved)
        column.addWidget(heading("The same, as a table", role="subheading"))
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort the table by")
        self.sort.addItems(list(COLUMNS))
        self.sort.currentIndexChanged.connect(self.table_sorted)
        sort_label = paragraph("Sort the table by:")
        sort_label.setBuddy(self.sort)
        column.addWidget(_row(sort_label, self.sort))
        self.table = HeatMapTable()
        column.addWidget(self.table)
        column.addWidget(heading("Time to competency", role="subheading"))
        self.overall = paragraph()
        column.addWidget(self.overall)
        self.why = _button("Why this estimate?")
        self.why.setCheckable(True)
        self.why_text = paragraph(WHY)
        self.why_text.setVisible(False)
        self.why.toggled.connect(self.why_text.setVisible)
        column.addWidget(_row(self.why))
        column.addWidget(self.why_text)
        column.addStretch(1)
        scroll = page_scroll()
        scroll.setWidget(page)
        return scroll

    def _build_questions(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.question = AssessmentQuestion()
        self.question.rated.connect(self._rated)
        self.question.scenario_answered.connect(self._scenario_answered)
        self.question.evidence_edited.connect(self._evidence_edited)
        column.addWidget(self.question)
        self.save_status = SaveStatus()  # says so beside the question if a save fails
        column.addWidget(self.save_status)
        self.back = _button("Previous question")
        self.back.clicked.connect(lambda: self._move(-1))
        self.next = _button("Next question")
        self.next.clicked.connect(lambda: self._move(1))
        self.pause = _button("Pause: back to Discover")
        self.pause.setAccessibleDescription("Your answers are saved; you come back here")
        self.pause.clicked.connect(self.pause_assessment)
        column.addWidget(_row(self.back, self.next, self.pause))
        column.addStretch(1)
        scroll = page_scroll()
        scroll.setWidget(page)
        return scroll

    # --- the overview -----------------------------------------------------------------

    @property
    def pack(self) -> Pack | None:
        packs = self._learner.library.packs
        return packs[0] if packs else None

    def refresh(self) -> None:
        pack = self.pack
        self.start.setEnabled(pack is not None)
        if pack is None:
            self.status.setText("No content pack is installed, so there is nothing to assess.")
            return
        latest = self._learner.assessments.latest(pack.manifest.id)
        in_progress = latest is not None and not latest.finished
        self.start.setText(CONTINUE if in_progress else START)
        self.start.setAccessibleName(self.start.text())
        self.change.setEnabled(latest is not None)
        answers = self._learner.assessments.answers(latest.id) if latest else {}
        self.status.setText(self._status_words(pack, latest, answers))
        areas = heat_map(pack.framework, answers)
        completed = {m for m, p in self._learner.progress.all().items() if p.complete}
        each, overall = estimate_all(
            pack.framework, areas, pack.modules, completed, hours_per_week(self._learner)
        )
        self.grid.show_areas(areas)
        chain = [self.change, *self.grid.every_cell(), self.save_png]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)  # the cells are made after the controls below
        self.table.show_data(areas, {e.competency_id: e for e in each})
        self.table_sorted(self.sort.currentIndex())
        self.overall.setText(overall.words)

    def _status_words(
        self, pack: Pack, latest: Round | None, answers: dict[str, CompetencyAnswer]
    ) -> str:
        if latest is None:
            return "You have not done an assessment yet. The heat map fills in as you answer."
        shown = progress(pack.framework, latest.resume, answers)
        if not latest.finished:
            return f"Your assessment is in progress: {shown.words}."
        rounds = len(self._learner.assessments.rounds(pack.manifest.id))
        earlier = f" Your {rounds - 1} earlier ones are kept." if rounds > 1 else ""
        return (
            f"Last assessed on {_day(latest.finished_at)}: "
            f"{shown.answered} of {shown.total} questions answered. Start assessment to "
            f"reassess at any time.{earlier}"
        )

    def table_sorted(self, column: int) -> None:
        self.table.sort_by(max(column, 0))

    def save_heat_map(self, path: Path) -> bool:
        saved = self.grid.grab().save(str(path), "PNG")
        self.saved.setText(f"Saved the heat map to {path}." if saved else
                           f"Could not save the heat map to {path}: check the folder.")  # fmt: skip
        return saved

    def _ask_where_to_save(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the heat map", str(Path.home() / "skills-gap-heat-map.png"),
            "PNG pictures (*.png)")  # fmt: skip
        if chosen:
            self.save_heat_map(Path(chosen))

    # --- the questions ----------------------------------------------------------------

    def start_or_continue(self) -> None:
        pack = self.pack
        if pack is None:
            return
        repo = self._learner.assessments
        latest = repo.latest(pack.manifest.id)
        if latest is not None and not latest.finished:
            self.round = latest
        else:
            try:
                self.round = repo.start_round(pack.manifest.id)
            except STORAGE_ERRORS as error:
                folder = self._learner.data_dir
                self.status.setText(not_saved(classify(error, folder), TRY_AGAIN))
                return
        answers = repo.answers(self.round.id)
        at = resume_at(pack.framework, self.round.resume, answers)
        self.show_step(at or steps(pack.framework)[0])

    def change_answer(self, competency_id: str | None = None) -> None:
        """Open one competency's rating in the latest round (a new round if there is none)."""
        pack = self.pack
        latest = self._learner.assessments.latest(pack.manifest.id) if pack else None
        if pack is None:
            return
        if latest is None:
            self.start_or_continue()
            latest = self.round
        if latest is None:
            return
        self.round = latest
        chosen = competency_id or self.grid.current_competency()
        self.show_step(Step(chosen, RATING) if chosen else steps(pack.framework)[0])

    def show_step(self, step: Step) -> None:
        pack, round_ = self.pack, self.round
        assert pack is not None and round_ is not None
        competency = pack.framework.competency(step.competency_id)
        assert competency is not None
        repo = self._learner.assessments
        answer = repo.answers(round_.id).get(step.competency_id)
        if step.question == RATING:
            rating = answer.self_rating if answer else None
            self.question.show_rating(pack.framework, competency, rating,
                                      answer.evidence if answer else "")  # fmt: skip
        else:
            chosen = repo.scenario_choice(round_.id, step.competency_id, step.question)
            self.question.show_scenario(pack.framework, competency, step.question, chosen)
        self._write(lambda: repo.set_resume(round_.id, step))
        self._show_progress()
        last = next_step(pack.framework, step) is None
        self.next.setText("Finish the assessment" if last else "Next question")
        self.next.setAccessibleName(self.next.text())
        self.back.setEnabled(previous_step(pack.framework, step) is not None)
        self.pages.setCurrentIndex(1)
        self.question.focus_choices()

    def _show_progress(self) -> None:
        pack, round_ = self.pack, self.round
        assert pack is not None and round_ is not None
        answers = self._learner.assessments.answers(round_.id)
        self.question.show_progress(progress(pack.framework, self.question.step, answers))

    def _move(self, by: int) -> None:
        pack, step = self.pack, self.question.step
        if pack is None or step is None or self.round is None:
            return
        self._evidence_edited(self.question.evidence.text())
        target = next_step(pack.framework, step) if by > 0 else previous_step(pack.framework, step)
        if target is not None:
            self.show_step(target)
            return
        if by > 0:  # past the last question: the round is done
            from zavmo_desktop.core.portfolio.activity_evidence import competency_criteria

            repo, round_id = self._learner.assessments, self.round.id
            criteria = competency_criteria(pack.framework)  # its answers become evidence
            if self._write(
                lambda: (repo.finish(round_id, criteria), repo.set_resume(round_id, None))
            ):
                self.pause_assessment()

    def pause_assessment(self) -> None:
        if self.question.step is not None and self.round is not None:
            self._evidence_edited(self.question.evidence.text())
        self.pages.setCurrentIndex(0)
        self.refresh()
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rated(self, rating: str) -> None:
        step = self.question.step
        if step is not None and self.round is not None:
            round_id, repo = self.round.id, self._learner.assessments
            words = self._question_words(step, "self-rating")
            self._write(lambda: repo.save_rating(round_id, step.competency_id, rating, words))
            self._show_progress()

    def _scenario_answered(self, number: int, level: str) -> None:
        step = self.question.step
        if step is None or self.round is None:
            return
        round_id, repo = self.round.id, self._learner.assessments
        words = self._question_words(step, "scenario")
        self._write(lambda: repo.save_scenario(
            round_id, step.competency_id, step.question, number, level, words))  # fmt: skip
        self._show_progress()

    def _question_words(self, step: Step, kind: str) -> str:
        """The question as a learning record names it: its competency and kind."""
        found = self.pack.framework.competency(step.competency_id) if self.pack else None
        return f"{found.title if found else step.competency_id} ({kind})"

    def _evidence_edited(self, text: str) -> None:
        step = self.question.step
        if step is None or self.round is None or step.question != RATING:
            return
        round_id, repo = self.round.id, self._learner.assessments
        try:
            self._write(lambda: repo.save_evidence(round_id, step.competency_id, text))
        except ValueError as error:  # too long: kept in the box, said beside it
            self.save_status.not_saved(str(error))

    def _write(self, write: Callable[[], object]) -> bool:
        return write_or_say(self.save_status, write, self._learner.data_dir)

    def showEvent(self, event: QShowEvent) -> None:
        if self.pages.currentIndex() == 0:
            self.refresh()
        super().showEvent(event)


def _day(stamp: str | None) -> str:
    when = datetime.fromisoformat(stamp) if stamp else datetime.now()
    return f"{when.day} {when:%B %Y}"


def _row(*widgets: QWidget) -> ReflowRow:
    return ReflowRow(widgets)  # side by side while they fit, in more rows at 200% text
