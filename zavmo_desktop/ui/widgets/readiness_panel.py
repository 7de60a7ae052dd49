"""Readiness: how much of the qualification is evidenced, the career progression score with
the sum behind it, and progress over time as a chart with a table of the same figures.

Every figure is in words as well ("12 of 20 criteria evidenced (60%)"); the chart is drawn
only with two assessments or more, and its table holds the same facts for a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.progression import (
    Progression,
    TimePoint,
    criteria_words,
    progress_of,
    progression_of,
    time_row,
)
from zavmo_desktop.core.portfolio.readiness import readiness
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.figures_table import FiguresTable
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.progress_chart import ProgressChart
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton

PANEL_NAME = "Readiness"
WHY = "Why this number?"
HIDE_WHY = "Hide the explanation"
COMPETENCY_COLUMNS = ("Competency", "Area", "Criteria evidenced")
TIME_COLUMNS = ("Date", "At target", "Mean level gap", "Assessed")
NO_ASSESSMENT = "No assessment yet: assess yourself in Discover to see your progress here."
ONE_ASSESSMENT = "One assessment so far: reassess in Discover to see a trend."


class ReadinessPanel(QScrollArea):
    def __init__(self, learner: Learner, framework: Framework) -> None:
        super().__init__()
        self._learner = learner
        self._framework = framework
        self.progression: Progression | None = None
        self.setAccessibleName(PANEL_NAME)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its parts take the focus, not the page
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(heading("Qualification readiness", role="subheading"))
        self.overall = paragraph()
        column.addWidget(self.overall)
        self.per_competency = FiguresTable("Readiness by competency table", COMPETENCY_COLUMNS)
        column.addWidget(heading("Career progression score", role="subheading"))
        self.score = paragraph()
        column.addWidget(self.score)
        self.why = WrappingButton(WHY)
        self.why.setAccessibleName(WHY)
        self.why.setCheckable(True)
        self.why.setAccessibleDescription("Shows each part of the score, its weight and value")
        self.why.toggled.connect(self._show_why)
        column.addWidget(self.why, 0, Qt.AlignmentFlag.AlignLeft)
        self.explanation = paragraph()
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.hide()
        column.addWidget(self.explanation)
        column.addWidget(heading("Progress over time", role="subheading"))
        self.trend = paragraph()
        column.addWidget(self.trend)
        self.chart = ProgressChart()
        self.over_time = FiguresTable("Progress over time table", TIME_COLUMNS)
        self.chart_row = ReflowRow([self.chart, self.over_time])
        column.addWidget(self.chart_row)
        # The long table last, so the three summaries are seen without scrolling past it.
        column.addWidget(heading("Readiness by competency", role="subheading"))
        column.addWidget(self.per_competency)
        column.addStretch(1)
        self.setWidget(page)
        self.refresh()

    def refresh(self) -> None:
        """Read everything again: call after evidence, a sign-off, an assessment or the
        pathway changed."""
        states = self._learner.portfolio.states(self._framework)
        each, overall = readiness(self._framework, states)
        self.overall.setText(f"Overall: {criteria_words(overall.evidenced, overall.total)}.")
        rows = []
        for area in self._framework.areas:
            for competency in area.competencies:
                shown = each[competency.id]
                rows.append(
                    (competency.title, area.title, criteria_words(shown.evidenced, shown.total))
                )
        self.per_competency.show_rows(rows)
        self.progression = progression_of(self._learner, self._framework)
        self.score.setText(f"Your career progression score: {self.progression.score} out of 100.")
        self.explanation.setText("\n".join(self.progression.explanation()))
        self._show_points(progress_of(self._learner, self._framework))

    def _show_points(self, points: list[TimePoint]) -> None:
        self.over_time.show_rows([time_row(point) for point in points])
        self.chart.show_points(points)
        if not points:
            self.trend.setText(NO_ASSESSMENT)
        elif len(points) == 1:
            self.trend.setText(ONE_ASSESSMENT)
        else:
            self.trend.setText(
                f"{len(points)} assessments, oldest first. The chart shows the share of "
                "competencies at or above their target level; the table has every figure."
            )
        self.chart.setVisible(len(points) > 1)  # one point is not a trend
        self.over_time.setVisible(bool(points))
        self.chart_row.reflow()

    def _show_why(self, shown: bool) -> None:
        self.explanation.setVisible(shown)
        self.why.setText(HIDE_WHY if shown else WHY)
        self.why.setAccessibleName(self.why.text())
        if shown:
            announce(self.explanation, self.explanation.text())
            self.ensureWidgetVisible(self.explanation)
