"""A re-plan beside the current plan, with what moves, before the learner accepts it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.pathway.compare import Comparison
from zavmo_desktop.core.pathway.model import Plan
from zavmo_desktop.core.pathway.view import comparison_summary, move_line, week_rows
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pathway_list import fill, pathway_list
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow


class PathwayProposal(QWidget):
    accepted = Signal()
    declined = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("The new plan beside your current one", role="subheading"))
        self.summary = paragraph()
        layout.addWidget(self.summary)
        self.moves = pathway_list("What moves")
        layout.addWidget(paragraph("What moves:"))
        layout.addWidget(self.moves)
        columns = QHBoxLayout()
        self.current = pathway_list("Current plan, week by week")
        self.new = pathway_list("New plan, week by week")
        for title, view in (("Current plan", self.current), ("New plan", self.new)):
            column = QVBoxLayout()
            column.addWidget(heading(title, role="subheading"))
            column.addWidget(view)
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout.addLayout(columns)
        self.accept_button = QPushButton("Accept the new plan")
        self.keep_button = QPushButton("Keep my current plan")
        for button in (self.accept_button, self.keep_button):
            button.setAccessibleName(button.text())
        layout.addWidget(ReflowRow([self.accept_button, self.keep_button]))
        self.accept_button.clicked.connect(self.accepted)
        self.keep_button.clicked.connect(self.declined)

    def show_plans(
        self, old: Plan, new: Plan, comparison: Comparison, done: frozenset[str], today: date
    ) -> None:
        self.summary.setText(
            f"{comparison_summary(comparison)} Nothing you have done moves. "
            "Nothing changes until you accept."
        )
        moved = comparison.moved() or comparison.moves
        fill(self.moves, [(move_line(m), False) for m in moved] or [("Nothing moves.", False)])
        fill(self.current, [row for w in old.weeks for row in week_rows(w, done, today)])
        fill(self.new, [row for w in new.weeks for row in week_rows(w, done, today)])
        self.show()
