"""Home's pathway part: this week's focus, the next step with a button that opens it, today's
review (a step of at most ten minutes, with a button to open it) and progress towards the
next milestone; with no plan, one calm line and a way to make one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.home_summary import (
    focus_text,
    milestone_text,
    next_milestone_progress,
    next_step,
    next_step_text,
    week_focus,
)
from zavmo_desktop.core.pathway.model import Part, Plan
from zavmo_desktop.core.review.deck import local_day
from zavmo_desktop.core.review.wording import done_text, today_text
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow

NO_PLAN = "You have no pathway yet. It takes a minute to make one that fits your week."


class HomePathway(QWidget):
    def __init__(
        self,
        learner: Learner,
        open_module: Callable[[Module], None],
        open_pathway: Callable[[], None],
        open_review: Callable[[], None] = lambda: None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._learner = learner
        self._open_module = open_module
        self._open_pathway = open_pathway
        self.today = today
        self._step: Part | None = None
        self.setAccessibleName("Your pathway")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._heading = heading("This week's focus", role="subheading")
        layout.addWidget(self._heading)
        self.focus = paragraph()
        self.next_step = paragraph()
        self.milestone = paragraph()
        for label in (self.focus, self.next_step, self.milestone):
            layout.addWidget(label)
        self.open_step = QPushButton("Open the next step")
        self.open_step.clicked.connect(self._open_step_clicked)
        self.go_to_pathway = QPushButton("Go to my pathway")
        self.go_to_pathway.setAccessibleName("Go to my pathway")
        self.go_to_pathway.clicked.connect(lambda: self._open_pathway())
        self.open_review = QPushButton("Open today's review")
        self.open_review.setAccessibleName("Open today's review")
        self.open_review.clicked.connect(lambda: open_review())
        layout.addWidget(ReflowRow([self.open_step, self.go_to_pathway]))
        self.review = paragraph()  # today's review: its own step, after the plan's
        layout.addWidget(self.review)
        layout.addWidget(self.open_review, 0, Qt.AlignmentFlag.AlignLeft)

    def refresh(self) -> None:
        self._show_review()
        stored = self._learner.pathway.current()
        if stored is None:
            self._show_no_plan()
            self._leave_out_hidden_features()
            return
        self._show_plan(stored.plan, self._learner.pathway.done(stored.id), self.today())
        self._leave_out_hidden_features()

    def _leave_out_hidden_features(self) -> None:
        features = self._learner.features
        if not features.shows("review"):
            self.review.hide()
            self.open_review.hide()
        if not features.shows("pathway"):
            for widget in (self._heading, self.focus, self.next_step, self.milestone,
                           self.open_step, self.go_to_pathway):  # fmt: skip
                widget.hide()

    def _show_review(self) -> None:
        """Today's retrieval questions, once a finished module has put some in the deck."""
        review = self._learner.todays_review()
        self.review.setVisible(review.in_deck > 0)
        self.open_review.setVisible(bool(review.cards))
        if review.cards:
            self.review.setText(today_text(review))
        elif review.in_deck:
            self.review.setText(done_text(review, local_day(datetime.now().astimezone())))

    def _show_no_plan(self) -> None:
        self._step = None
        self.focus.setText(NO_PLAN)
        for widget in (self.next_step, self.milestone, self.open_step):
            widget.hide()
        self.go_to_pathway.setText("Go to my pathway")

    def _show_plan(self, plan: Plan, done: frozenset[str], today: date) -> None:
        focus = week_focus(plan, done, today)
        self.focus.setText(
            focus_text(focus, self._titles(focus.competencies))
            if focus
            else "Nothing is planned for this week."
        )
        found = next_step(plan, done)
        self._step = found[1] if found else None
        self.next_step.setText(
            next_step_text(*found, today) if found else "Every step of your plan is done."
        )
        self.next_step.show()
        progress = next_milestone_progress(plan, done)
        self.milestone.setText(milestone_text(progress) if progress else "")
        self.milestone.setVisible(progress is not None)
        self._label_step_button()

    def _label_step_button(self) -> None:
        step = self._step
        module = self._learner.module(step.module_id) if step and step.module_id else None
        self.open_step.setVisible(step is not None)
        if step is None:
            return
        # A module opens in the reader; a self-check is done from the Pathway screen.
        label = "Open the next step" if module else "Go to the next step"
        self.open_step.setText(label)
        self.open_step.setAccessibleName(f"{label}: {step.title}")

    def _titles(self, competency_ids: tuple[str, ...]) -> list[str]:
        titles = []
        for competency_id in competency_ids:
            found = (p.framework.competency(competency_id) for p in self._learner.library.packs)
            competency = next((c for c in found if c is not None), None)
            titles.append(competency.title if competency else competency_id)
        return titles

    def _open_step_clicked(self) -> None:
        step = self._step
        module = self._learner.module(step.module_id) if step and step.module_id else None
        if module is not None:
            self._open_module(module)
        else:
            self._open_pathway()
