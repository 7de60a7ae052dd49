"""Review: today's retrieval questions, one at a time (docs/review.md).

Recall the idea in your own words (optional: what is typed is saved as it is typed, as a
reflection is), show the model answer beside it, then say how well you knew it. Ctrl+R
reads the question (and the model answer, once shown) aloud. No timer,
no streak, no count of missed days: when today's questions are done the screen says when
the next review is, calmly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.review.deck import DailyReview, DueCard, day_bounds, local_day
from zavmo_desktop.core.review.wording import NOTHING_YET, done_text, today_text
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.theme import reading_css
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.review_read_aloud import ReviewReadAloud, show_text, spoken_text
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say

if TYPE_CHECKING:
    from fsrs import Rating  # imported when a rating is recorded, not to build the screen

SAVE_DELAY_MS = 250  # as reflections: a pause in typing this long saves the words
ANSWER_LINES = 4
SIDE_BY_SIDE_CHARACTERS = 70  # each of the two answers needs about 35 characters a line
NOTHING_WRITTEN = "You did not write anything this time. That is fine."


def _now() -> datetime:
    return datetime.now().astimezone()


class ReviewScreen(QWidget):
    def __init__(
        self,
        learner: Learner,
        go_home: Callable[[], None],
        read_aloud: ReadAloud,
        now: Callable[[], datetime] = _now,
    ) -> None:
        super().__init__()
        self._learner = learner
        self._read_aloud = read_aloud
        self._css = ""
        self._now = now
        self._card: DueCard | None = None
        self._saved_draft = ""
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self.pending = PendingSaves(self, learner.data_dir)
        self.pending.changed.connect(self._pending_changed)
        self.setAccessibleName("Review screen")
        layout = scrolling_column(self)
        layout.addWidget(heading("Today's review"))
        self.summary = paragraph()
        layout.addWidget(self.summary)
        self.card = self._build_card()
        layout.addWidget(self.card)
        self.end_text = paragraph()
        self.home_button = QPushButton("Back to Home")
        self.home_button.setAccessibleName("Back to Home")
        self.home_button.clicked.connect(lambda: go_home())
        layout.addWidget(self.end_text)
        layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._restyle_timer = QTimer(self, singleShot=True, interval=0)
        self._restyle_timer.timeout.connect(self.apply_settings)
        listener = lambda _key, _value: self._restyle_timer.start()  # noqa: E731
        learner.settings.subscribe(listener)
        self.destroyed.connect(lambda: learner.settings.unsubscribe(listener))
        self.apply_settings()

    def apply_settings(self) -> None:
        """The question and the answer are read-aloud text: they follow the reading look."""
        values: dict[str, Any] = self._learner.settings.snapshot()
        self._css = reading_css(values) + " body { margin: 0; } p { margin-top: 0; }"
        for view in (self.question, self.model_answer):
            show_text(view, view.message, self._css)

    def _build_card(self) -> QWidget:
        card = QWidget()
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        self.progress = paragraph()
        self.source = paragraph()
        self.question = spoken_text("The question")
        answer_label = QLabel("Your answer (optional):")
        self.answer_box = QPlainTextEdit()
        self.answer_box.setAccessibleName("Your answer")
        self.answer_box.setAccessibleDescription(
            "Write what you remember, in your own words. It is saved as you type."
        )
        self.answer_box.setTabChangesFocus(True)
        self.answer_box.textChanged.connect(self._save_timer.start)
        self.answer_box.installEventFilter(self)
        answer_label.setBuddy(self.answer_box)
        self.save_status = SaveStatus()
        self.show_answer = QPushButton("Show answer")
        self.show_answer.setAccessibleName("Show answer")
        self.show_answer.clicked.connect(self._show_answer_clicked)
        for widget in (self.progress, self.source, self.question, answer_label):
            column.addWidget(widget)
        column.addWidget(self.answer_box)
        column.addWidget(self.save_status)
        column.addWidget(self.show_answer, 0, Qt.AlignmentFlag.AlignLeft)
        self.compare = self._build_compare()
        self.rating = self._build_rating()
        column.addWidget(self.compare)
        column.addWidget(self.rating)
        # Last in Tab order, so Ctrl+6 lands in the answer box; Ctrl+R works from anywhere.
        self.speech = ReviewReadAloud(
            self._read_aloud,
            self._learner.settings,
            self.question,
            self.model_answer,
            self.compare.isVisible,
        )
        self.speech.bar.bind_keys(self)
        column.addWidget(self.speech.bar)
        self._fit_answer_box()
        return card

    def _build_compare(self) -> QWidget:
        compare = QWidget()
        self._compare_grid = QGridLayout(compare)
        self._compare_grid.setContentsMargins(0, 0, 0, 0)
        self.yours = paragraph()
        self.model_answer = spoken_text("The model answer")  # its name is its heading
        yours = QWidget()
        stacked = QVBoxLayout(yours)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.addWidget(heading("What you wrote", role="subheading"))
        stacked.addWidget(self.yours)
        self._compare_parts = [yours, self.model_answer]
        self._side_by_side: bool | None = None
        self._place_compare(side_by_side=False)
        return compare

    def _build_rating(self) -> QGroupBox:
        from zavmo_desktop.core.review.scheduling import QUESTION, RATINGS

        group = QGroupBox(QUESTION)
        group.setAccessibleName(QUESTION)
        self.rating_buttons: dict[str, QPushButton] = {}
        buttons = []
        for rating, words in RATINGS:
            button = QPushButton(words)
            button.setAccessibleName(words)
            button.clicked.connect(lambda _=False, r=rating: self._rate(r))
            self.rating_buttons[words] = button
            buttons.append(button)
        inner = QVBoxLayout(group)
        inner.addWidget(ReflowRow(buttons))
        return group

    # Which card is showing ------------------------------------------------------------

    def refresh(self) -> None:
        """Today's queue from the store; the card on screen stays if it is still first."""
        now = self._now()
        review = self._learner.todays_review(now)
        rated = self._learner.review.rated_between(*day_bounds(now))
        first = review.cards[0] if review.cards else None
        if first is not None and self._card is not None and first.key == self._card.key:
            self._card = first
            self._show_progress(review, rated)
            return
        self.flush()
        self._card = first
        if first is None:
            self._show_end(review, now)
        else:
            self._show_card(first, review, rated)

    def _show_progress(self, review: DailyReview, rated: int) -> None:
        total = rated + len(review.cards)
        self.summary.setText(today_text(review) if rated == 0 else "")
        self.summary.setVisible(rated == 0)
        self.progress.setText(f"Question {rated + 1} of {total}.")

    def _show_card(self, card: DueCard, review: DailyReview, rated: int) -> None:
        self._show_progress(review, rated)
        self.source.setText(f"From the module: {card.module.title}")
        self.speech.stop()  # the voice belongs to the card it was reading
        show_text(self.question, card.question.question, self._css)
        self._saved_draft = card.stored.draft
        self.answer_box.blockSignals(True)
        self.answer_box.setPlainText(card.stored.draft)
        self.answer_box.blockSignals(False)
        self.save_status.saved("")
        self.compare.hide()
        self.rating.hide()
        self.show_answer.show()
        self.card.show()
        self.end_text.hide()
        self.home_button.hide()

    def _show_end(self, review: DailyReview, now: datetime) -> None:
        self.speech.stop()
        self.card.hide()
        self.summary.hide()
        text = done_text(review, local_day(now)) if review.in_deck else NOTHING_YET
        self.end_text.setText(text)
        self.end_text.show()
        self.home_button.show()

    # What the learner does ------------------------------------------------------------

    def _show_answer_clicked(self) -> None:
        if self._card is None:
            return
        self.flush()
        written = self.answer_box.toPlainText().strip()
        self.yours.setText(written or NOTHING_WRITTEN)
        show_text(self.model_answer, self._card.question.answer, self._css)
        self._fit_compare()
        self.compare.show()
        self.rating.show()
        self.show_answer.hide()
        first = next(iter(self.rating_buttons.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self._bring_rating_into_view)  # once the layout has the answer
        announce(self, f"The model answer: {self.model_answer.message}")

    def _bring_rating_into_view(self) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None and self.rating.isVisible():
            scroll.ensureWidgetVisible(self.rating)
            scroll.ensureWidgetVisible(self.model_answer)

    def _rate(self, rating: Rating) -> None:
        from zavmo_desktop.core.portfolio.activity_evidence import module_criteria
        from zavmo_desktop.core.review.scheduling import record_rating

        card = self._card
        if card is None:
            return
        self._save_timer.stop()
        text = self.answer_box.toPlainText()

        def write() -> None:
            stored = self._learner.review.get(card.key) or card.stored
            criteria = module_criteria(self._learner.library, stored.key.module_id)
            record_rating(
                self._learner.review, stored, rating, text, self._now(),
                evidence=self._learner.evidence, criteria=criteria,
            )  # fmt: skip

        if not write_or_say(self.save_status, write, self._learner.data_dir):
            return  # the rating is not kept: the card stays, with the words in the box
        self._saved_draft = ""
        self._card = None
        self.refresh()
        target = self.answer_box if self._card is not None else self.home_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # Saving the words as they are typed -----------------------------------------------

    @property
    def data_folder(self) -> Path:
        return self._learner.data_dir

    def flush(self) -> None:
        """Save the words typed for the card on screen, if they changed."""
        self._save_timer.stop()
        card = self._card
        text = self.answer_box.toPlainText()
        if card is None or (
            text == self._saved_draft and self.pending.waiting_text(card.key) is None
        ):
            return
        what = f"Review answer: {card.question.question}"

        def write() -> None:
            self._learner.review.save_draft(card.key, text, self._now())

        if self.pending.save(card.key, what, text, write):
            self._saved_draft = text

    def _pending_changed(self) -> None:
        if self.pending.problem is not None:
            self.save_status.not_saved(self.pending.message)
        else:
            self.save_status.saved("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.answer_box:
            if event.type() == QEvent.Type.FocusOut:
                self.flush()
            elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
                self._fit_answer_box()
        return False

    def _fit_answer_box(self) -> None:
        lines = self.answer_box.fontMetrics().lineSpacing() * ANSWER_LINES
        self.answer_box.setMinimumHeight(lines + 2 * self.answer_box.frameWidth() + 16)

    # Layout: the two answers side by side when there is room --------------------------

    def _place_compare(self, side_by_side: bool) -> None:
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        for part in self._compare_parts:
            self._compare_grid.removeWidget(part)
        for index, part in enumerate(self._compare_parts):
            row, column = (0, index) if side_by_side else (index, 0)
            self._compare_grid.addWidget(part, row, column, Qt.AlignmentFlag.AlignTop)
        self._compare_grid.setColumnStretch(1, 1 if side_by_side else 0)
        self._compare_grid.setColumnStretch(0, 1)

    def _fit_compare(self) -> None:
        wide = self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARACTERS
        self._place_compare(side_by_side=self.card.width() >= wide)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_compare()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: object) -> None:
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]
