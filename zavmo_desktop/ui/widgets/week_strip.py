"""This week's plan, kept in view above every screen ("Keep this week's plan in view", on in
the Autism preset): one summary line, and this week's steps with their days, time estimates
and ticks. Steps are ticked on the Pathway screen; the strip follows at once.

Calm and small: at most a quarter of the window tall, the steps scroll inside it past that,
and "Hide the steps" leaves the summary line alone. With no plan it says so in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidgetItem, QPushButton, QVBoxLayout

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.this_week import NO_PLAN, StepLine, step_lines, summary
from zavmo_desktop.ui.widgets.checklist_section import FittedList
from zavmo_desktop.ui.widgets.labels import paragraph
from zavmo_desktop.ui.widgets.pathway_list import WrappedRows

MOST_OF_WINDOW = 0.25  # of the window's height, for the whole strip
HIDE, SHOW = "Hide the steps", "Show the steps"


class StepList(FittedList):
    """As tall as its rows up to `tallest()`; past that, whole rows and a scroll bar (the
    arrow keys scroll it too). The rows are measured for the width the scroll bar leaves."""

    def __init__(self, tallest: Callable[[], int]) -> None:
        super().__init__()
        self._tallest = tallest
        self.setItemDelegate(WrappedRows(self))

    def fit(self) -> None:
        frame = self.height() - self.viewport().height() + 2
        bottoms = self._row_bottoms(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if bottoms and bottoms[-1] + frame > self._tallest():
            bottoms = self._row_bottoms(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            bottoms = [b for b in bottoms if b + frame <= self._tallest()] or bottoms[:1]
        height = max(bottoms[-1] if bottoms else 0, 0) + frame
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def _row_bottoms(self, bar: Qt.ScrollBarPolicy) -> list[int]:
        """Where each row ends, from the top of the first, with the scroll bar shown or not."""
        self.setVerticalScrollBarPolicy(bar)
        self.doItemsLayout()
        if not self.count():
            return []
        top = self.visualItemRect(self.item(0)).top()
        return [self.visualItemRect(self.item(i)).bottom() - top + 1 for i in range(self.count())]


class WeekStrip(QFrame):
    def __init__(self, learner: Learner, today: Callable[[], date]) -> None:
        super().__init__()
        self._learner = learner
        self._today = today
        self._open = True  # the learner's choice, Hide or Show, for this run of the app
        self._stale = True
        self.setProperty("role", "week-strip")
        self.setAccessibleName("This week's plan")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        row = QHBoxLayout()
        self.summary = paragraph()
        self.summary.setProperty("role", "next-step")  # bold
        self.toggle = QPushButton(HIDE)
        self.toggle.setAccessibleName(HIDE)
        self.toggle.clicked.connect(self._toggled)
        row.addWidget(self.summary, 1)
        row.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        self.steps = StepList(self._room_for_steps)
        self.steps.setAccessibleName("Steps planned this week")
        self.steps.setAccessibleDescription(
            "Read only: tick a step on the Pathway screen when you have done it."
        )
        column.addWidget(self.steps)
        self._refresh = QTimer(self, singleShot=True, interval=0)  # after the write, once
        self._refresh.timeout.connect(self.refresh_if_shown)
        learner.pathway.subscribe(self._refresh.start)

    def refresh_if_shown(self) -> None:
        self._stale = True
        if not self.isHidden():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        stored = self._learner.pathway.current()
        if stored is None:
            self.summary.setText(NO_PLAN)
            self._show_steps([])
            return
        done, today = self._learner.pathway.done(stored.id), self._today()
        self.summary.setText(summary(stored.plan, done, today))
        self._show_steps(step_lines(stored.plan, done, today))

    def _show_steps(self, lines: list[StepLine]) -> None:
        self.steps.clear()
        for line in lines:
            item = QListWidgetItem(line.text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if line.tickable:  # a tick box to see, not to press: ticking is on the Pathway
                item.setCheckState(Qt.CheckState.Checked if line.done else Qt.CheckState.Unchecked)
            self.steps.addItem(item)
        self.toggle.setVisible(bool(lines))
        self.steps.setVisible(bool(lines) and self._open)
        self.steps.schedule_fit()

    def _toggled(self) -> None:
        self._open = not self._open
        label = HIDE if self._open else SHOW
        self.toggle.setText(label)
        self.toggle.setAccessibleName(label)
        self.steps.setVisible(self._open and self.steps.count() > 0)

    def _room_for_steps(self) -> int:
        window = self.window()
        return max(int(window.height() * MOST_OF_WINDOW) - self.summary.height() - 12, 0)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.steps.schedule_fit()
