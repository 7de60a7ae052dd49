"""Parts of the focus timer panel: the "study with me" question, and steady buttons and
labels that wrap to the narrow navigation column."""

from __future__ import annotations

import contextlib
import math

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.focus.model import TimerPlan, TimerView
from zavmo_desktop.core.focus.text import time_words
from zavmo_desktop.core.focus.timer import Clock, FocusTimer
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton


class CompanionDialog(QDialog):
    """One question for "study with me": Enter answers, Escape or Skip leaves it blank."""

    def __init__(self, prompt: str, name: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Study with me")
        self.setAccessibleName("Study with me")
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setAccessibleName(name)
        self.field.setPlaceholderText(hint)
        # Room for a sentence, in the learner's own text size.
        self.field.setMinimumWidth(self.field.fontMetrics().averageCharWidth() * 44)
        label.setBuddy(self.field)
        buttons = QDialogButtonBox()
        ok = buttons.addButton("OK", QDialogButtonBox.ButtonRole.AcceptRole)
        name_button(ok, "OK", "Keep this answer with the session")
        ok.setDefault(True)
        skip = buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        name_button(skip, "Skip", "Carry on without an answer")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (label, self.field, buttons):
            layout.addWidget(widget)

    def answer(self) -> str:
        return self.field.text().strip() if self.result() == QDialog.DialogCode.Accepted else ""


def wrapping_label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    # The buttons set the panel's width; labels wrap to it, whatever they say.
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    if role:
        label.setProperty("role", role)
    return label


class SteadyButton(WrappingButton):
    """As wide and as tall as the longest of its texts, so a change of text never moves the
    layout."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        super().__init__(texts[0])
        self._texts = texts

    def texts(self) -> tuple[str, ...]:
        return self._texts

    def set_texts(self, texts: tuple[str, ...]) -> None:
        if texts != self._texts:
            self._texts = texts
            self.updateGeometry()


def named_button(text: str, description: str = "") -> QPushButton:
    made = WrappingButton()
    name_button(made, text, description)
    return made


def name_button(button: QPushButton, text: str, description: str, shown: str = "") -> None:
    """`shown`: a shorter text to show than the name (which then begins with it)."""
    if button.text() != (shown or text):
        button.setText(shown or text)
    if button.accessibleName() != text:
        button.setAccessibleName(text)
    if button.accessibleDescription() != description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)


# Set only what changed: nothing repaints or tells a screen reader about a non-change.


def set_text(widget: QLabel, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def set_shown(widget: QWidget, visible: bool) -> None:
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def show_progress(bar: QProgressBar, view: TimerView, calm: bool) -> None:
    # With reduced motion the bar moves once a minute, in whole-minute steps.
    step = 60 if calm else 1
    if bar.maximum() != (top := math.ceil(view.planned_seconds / step)):
        bar.setRange(0, top)
    if bar.value() != (value := math.ceil(view.seconds_left / step)):
        bar.setValue(value)
    if bar.format() != (words := time_words(view, whole_minutes=calm)):
        bar.setFormat(words)
        bar.setAccessibleDescription(words)


def stacked_height(layout: QLayout, heights: list[int]) -> int:
    """The height of a column of parts `heights` tall in `layout`, with its spacing."""
    margins = layout.contentsMargins()
    return margins.top() + margins.bottom() + sum(heights) + layout.spacing() * (len(heights) - 1)


def restore_timer(plan: TimerPlan, sessions: FocusSessionRepository, clock: Clock) -> FocusTimer:
    """The timer as the last run left it, its log's open rows closed (but the running one's)."""
    timer = FocusTimer(plan, clock)
    saved = sessions.load_timer()
    keep = None
    if saved is not None:
        # Unreadable state starts afresh; its open log row then ends as interrupted.
        with contextlib.suppress(ValueError):
            timer = FocusTimer.from_state(saved.state, plan, clock)
            keep = saved.session_id
    # On a full disk the open rows stay open and are closed at the next start.
    with contextlib.suppress(*STORAGE_ERRORS):
        sessions.close_open_sessions(keep=None if timer.view().idle else keep)
    return timer
