"""Home: this week's pathway focus and next step, focus minutes, one button to carry on
reading, and an unfinished practice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.core.focus.text import duration_words
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.home_pathway import HomePathway
from zavmo_desktop.ui.widgets.labels import heading, paragraph

OpenConversation = Callable[[Module, Conversation], None]


class HomeScreen(QWidget):
    def __init__(
        self,
        learner: Learner,
        open_module: Callable[[Module], None],
        open_conversation: OpenConversation | None = None,
        open_pathway: Callable[[], None] = lambda: None,
        today: Callable[[], date] = date.today,
        open_review: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self._learner = learner
        self._open_module = open_module
        self._open_conversation = open_conversation
        self._practice: tuple[Module, Conversation] | None = None
        self.setAccessibleName("Home screen")
        layout = scrolling_column(self)  # at 200% text in wide spacing it is taller than the window
        self._column = layout
        layout.addWidget(heading("Welcome to Zavmo"))
        self._notices = 0
        for notice in learner.notices:
            self.add_notice(notice)
        self.pathway = HomePathway(learner, open_module, open_pathway, open_review, today)
        layout.addWidget(self.pathway)
        self._focus_time = paragraph()
        layout.addWidget(self._focus_time)
        self._summary = paragraph()
        layout.addWidget(self._summary)
        # The module's title and its summary are two things: a heading, then a paragraph.
        self._continue_title = heading("", role="subheading")
        self._continue_detail = paragraph()
        self._continue = QPushButton()
        self._continue.clicked.connect(self._continue_clicked)
        for widget in (self._continue_title, self._continue_detail):
            layout.addWidget(widget)
        layout.addWidget(self._continue, 0, Qt.AlignmentFlag.AlignLeft)
        self._practice_detail = paragraph()
        self._practice_button = QPushButton("Continue the practice")
        self._practice_button.clicked.connect(self._practice_clicked)
        layout.addWidget(self._practice_detail)
        layout.addWidget(self._practice_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.refresh()
        # Filled just now: the show that usually follows in the same turn need not fill it again.
        self._filled_this_turn = True
        QTimer.singleShot(0, self, self._forget_filled)

    def _forget_filled(self) -> None:
        self._filled_this_turn = False

    def add_notice(self, notice: str) -> None:
        """A notice banner under the heading (also one that comes after Home was shown)."""
        banner = paragraph(notice)
        banner.setProperty("role", "notice")
        self._notices += 1
        self._column.insertWidget(self._notices, banner)

    def refresh(self) -> None:
        self.pathway.refresh()
        total = len(self._learner.library.modules)
        done = self._learner.completed_count()
        self._summary.setText(f"You have completed {done} of {total} modules.")
        minutes = self._learner.focus_sessions.focus_minutes()
        self._focus_time.setVisible(self._learner.features.shows("focus_timer"))
        self._focus_time.setText(
            f"Focus time: {minutes_words(minutes.today)} today, "
            f"{minutes_words(minutes.week)} this week."
        )
        self._show_continue_point()
        self._show_unfinished_practice()

    def _show_continue_point(self) -> None:
        point = self._learner.continue_point()
        for widget in (self._continue_title, self._continue_detail, self._continue):
            widget.setVisible(point is not None)
        if point is None:
            return
        literal = bool(self._learner.settings.get("literal_labels"))
        if point.started:
            label = "Open the module you were reading" if literal else "Continue where you left off"
            where = f"You are {round(point.position * 100)}% of the way through."
        else:
            which = "next" if self._learner.completed_count() else "first"
            label = f"Open the {which} module" if literal else f"Start your {which} module"
            where = f"About {point.module.minutes} minutes."
        # The button says what it does; the module's title, which can be long, is above it.
        self._continue.setText(label)
        self._continue.setAccessibleName(f"{label}: {point.module.title}")
        self._continue_title.setText(point.module.title)
        self._continue_detail.setText(f"{point.module.summary} {where}")

    def _show_unfinished_practice(self) -> None:
        found = unfinished_practice(self._learner)
        self._practice = found[:2] if found else None
        shown = found is not None and self._open_conversation is not None
        self._practice_detail.setVisible(shown)
        self._practice_button.setVisible(shown)
        if found is None:
            return
        module, conversation, turn = found
        self._practice_detail.setText(
            f"You have a practice conversation to finish: “{conversation.title}”, "
            f"in {module.title}. It is saved at turn {turn}."
        )
        self._practice_button.setAccessibleName(f"Continue the practice: {conversation.title}")

    def _continue_clicked(self) -> None:
        point = self._learner.continue_point()
        if point is not None:
            self._open_module(point.module)

    def _practice_clicked(self) -> None:
        if self._practice is not None and self._open_conversation is not None:
            self._open_conversation(*self._practice)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._filled_this_turn:
            self.refresh()
        self._filled_this_turn = False
        super().showEvent(event)


def unfinished_practice(learner: Learner) -> tuple[Module, Conversation, int] | None:
    """The conversation the learner left part-way most recently, if its pack still has it,
    and the turn they are on."""
    run = learner.conversations.last_unfinished()
    module = learner.module(run.module_id) if run else None
    if run is None or module is None:
        return None
    found = [c for c in module.conversations if c.id == run.conversation_id]
    return (module, found[0], run.learner_turns + 1) if found else None


def minutes_words(minutes: int) -> str:
    return duration_words(minutes * 60) if minutes else "no minutes"
