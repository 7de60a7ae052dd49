"""Home: where the learner is, and one button to carry on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.focus.text import duration_words
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.widgets.labels import heading, paragraph


class HomeScreen(QWidget):
    def __init__(self, learner: Learner, open_module: Callable[[Module], None]) -> None:
        super().__init__()
        self._learner = learner
        self._open_module = open_module
        self.setAccessibleName("Home screen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Welcome to Zavmo"))
        for notice in learner.notices:
            banner = paragraph(notice)
            banner.setProperty("role", "notice")
            layout.addWidget(banner)
        self._summary = paragraph()
        layout.addWidget(self._summary)
        self._focus_time = paragraph()
        layout.addWidget(self._focus_time)
        self._continue_detail = paragraph()
        layout.addWidget(self._continue_detail)
        self._continue = QPushButton()
        self._continue.clicked.connect(self._continue_clicked)
        layout.addWidget(self._continue, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        total = len(self._learner.library.modules)
        done = self._learner.completed_count()
        self._summary.setText(f"You have completed {done} of {total} modules.")
        minutes = self._learner.focus_sessions.focus_minutes()
        self._focus_time.setText(
            f"Focus time: {minutes_words(minutes.today)} today, "
            f"{minutes_words(minutes.week)} this week."
        )
        point = self._learner.continue_point()
        self._continue.setVisible(point is not None)
        self._continue_detail.setVisible(point is not None)
        if point is None:
            return
        literal = bool(self._learner.settings.get("literal_labels"))
        if point.started:
            label = "Open the module you were reading" if literal else "Continue where you left off"
            where = f"You are {round(point.position * 100)}% of the way through."
        else:
            label = "Open the first module" if literal else "Start your first module"
            where = f"About {point.module.minutes} minutes."
        # The button says what it does; the module's title, which can be long, wraps below.
        self._continue.setText(label)
        self._continue.setAccessibleName(f"{label}: {point.module.title}")
        self._continue_detail.setText(f"{point.module.title}. {point.module.summary} {where}")

    def _continue_clicked(self) -> None:
        point = self._learner.continue_point()
        if point is not None:
            self._open_module(point.module)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)


def minutes_words(minutes: int) -> str:
    return duration_words(minutes * 60) if minutes else "no minutes"
