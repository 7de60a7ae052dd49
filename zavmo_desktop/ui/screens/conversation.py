"""A practice conversation: what it is, then the chat itself, saved after every move.

The learner picks a reply or writes their own words; feedback and key points appear as
messages. Nothing is timed. Leaving at any point, even mid-sentence, and coming back later
opens the same turn with the same half-typed answer. A move or a draft that cannot be
saved (a full disk) is said so on screen; the words stay in the box and the draft is retried.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.core.conversation.engine import REPLY, REVIEW, Turn
from zavmo_desktop.core.conversation.kinds import type_description, type_name
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.theme import reading_css
from zavmo_desktop.ui.widgets.action_button import action_button
from zavmo_desktop.ui.widgets.claim_box import ReviewPanel
from zavmo_desktop.ui.widgets.column_scroll import scrolling_column
from zavmo_desktop.ui.widgets.conversation_read_aloud import ConversationReadAloud
from zavmo_desktop.ui.widgets.finished_summary import FinishedSummary
from zavmo_desktop.ui.widgets.fit_scroll import FitScroll
from zavmo_desktop.ui.widgets.focus_order import follow_reading_order
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.message_view import MessageView
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.practice_text import FINISHED_TITLE, Labels, criteria_text, parts
from zavmo_desktop.ui.widgets.reply_area import AnswerBox, ChoiceGroup, watch_font
from zavmo_desktop.ui.widgets.save_status import SaveStatus, said_if_not_saved, write_or_say
from zavmo_desktop.ui.widgets.transcript_view import TranscriptView
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton

DRAFT_SAVE_DELAY_MS = 300


class ConversationScreen(QWidget):
    def __init__(self, learner: Learner, back: Callable[[], None], read_aloud: ReadAloud) -> None:
        super().__init__()
        self._learner = learner
        self.session: PracticeSession | None = None
        self._values: dict[str, Any] = learner.settings.snapshot()
        self.labels = Labels(bool(self._values.get("literal_labels")))
        self.setAccessibleName("Conversation screen")
        layout = scrolling_column(self)
        self._title = heading("")
        self._kind = paragraph()
        self._kind.setProperty("role", "subheading")
        self._summary = paragraph()
        self._summary.setProperty("role", "summary")
        self._notice = paragraph()
        self._notice.setProperty("role", "notice")
        for widget in (self._title, self._kind, self._summary, self._notice):
            layout.addWidget(widget)
        self.transcript = TranscriptView()
        self.speech = ConversationReadAloud(
            read_aloud, learner.settings, self.message_views, self.transcript.ensureWidgetVisible
        )
        self.speech.bar.bind_keys(self)
        layout.addWidget(self.speech.bar)
        layout.addWidget(self.transcript, 1)
        self._panel = FitScroll(self._build_panel())
        layout.addWidget(self._panel, 0)
        self._room = QWidget()  # takes the free space while there is no transcript yet
        layout.addWidget(self._room, 1)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_navigation(back))
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_SAVE_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.data_folder = learner.data_dir
        self.pending = PendingSaves(self, learner.data_dir)
        self.pending.changed.connect(self._pending_changed)
        self._restyle_timer = QTimer(self, singleShot=True, interval=0)
        self._restyle_timer.timeout.connect(self.apply_settings)
        listener = lambda _key, _value: self._restyle_timer.start()  # noqa: E731
        learner.settings.subscribe(listener)
        self.destroyed.connect(lambda: learner.settings.unsubscribe(listener))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._send_shortcut)
        self.apply_settings()
        self._show_nothing()

    # --- building ---------------------------------------------------------------------------

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self._intro = paragraph()
        self._intro.setProperty("role", "practice-box")
        self.choices = ChoiceGroup()
        self.choices.chosen.connect(lambda _n: self._status.setText(""))
        self.answer_box = AnswerBox()
        self.answer_box.edited.connect(lambda _text: self._draft_timer.start())
        watch_font(self.answer_box)
        self.save_status = SaveStatus()  # a draft or a move that could not be saved
        self.review = ReviewPanel()  # what a strong answer also includes, and the claim
        self.review.claims.claimed.connect(self._claim)
        self._finished = FinishedSummary()
        self._confirm = paragraph()
        self._confirm.setProperty("role", "notice")
        shown = (self._intro, self.choices, self.answer_box, self.save_status, self.review)
        for widget in (*shown, self._finished, self._confirm):
            column.addWidget(widget)
        column.addStretch(1)
        return panel

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_button = action_button("Start practice", self._start)
        self.send_button = action_button("Send reply", self._send)
        self.send_button.setAccessibleDescription("Shortcut: Ctrl+Return")
        self.send_button.setToolTip("Send reply (Ctrl+Return)")
        self.try_again_button = action_button("Try again", self._try_again)
        self.carry_on_button = action_button("Carry on", self._carry_on)
        self.again_button = action_button("Practise again", self._practise_again)
        self.confirm_yes = action_button("Yes, start again", self._restart_confirmed)
        self.confirm_no = action_button("No, keep going", self._restart_cancelled)
        self._status = paragraph()
        for button in (self.start_button, self.send_button, self.try_again_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        for button in (self.carry_on_button, self.again_button, self.confirm_yes):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.confirm_no, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._status, 1)
        return row

    def _build_navigation(self, back: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = action_button("Back to module", back, WrappingButton)
        self.back_button.setShortcut("Alt+Left")
        self.back_button.setAccessibleDescription("Your place is saved. Shortcut: Alt+Left")
        self.restart_button = action_button(
            "Restart conversation", self._ask_restart, WrappingButton
        )
        self.restart_button.setAccessibleDescription("Asks first. Your turns so far are kept.")
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.restart_button)
        return row

    # --- what is shown ---------------------------------------------------------------------

    @property
    def module(self) -> Module | None:
        return self.session.module if self.session else None

    @property
    def conversation(self) -> Conversation | None:
        return self.session.conversation if self.session else None

    def message_views(self) -> list[MessageView]:
        return self.transcript.message_views()

    def show_conversation(self, module: Module, conversation: Conversation) -> None:
        """Open the conversation: at the saved turn if it is under way, else its introduction."""
        self.save_draft()
        self.session = PracticeSession(self._learner.conversations, module, conversation)
        self._title.setText(conversation.title)
        self._kind.setText(f"{type_name(conversation.type)} practice")
        self._show_summary()
        self._notice.setText(self.session.notice)
        self._notice.setVisible(bool(self.session.notice))
        self.transcript.clear()
        if self.session.started:
            self._add_turns(self.session.transcript, announce_them=False)
            self._show_turn()
        else:
            self._show_intro()

    def apply_settings(self) -> None:
        """Follow the learner's font, spacing, theme and label choices, live."""
        self._values = self._learner.settings.snapshot()
        self.labels = Labels(bool(self._values.get("literal_labels")))
        css = reading_css(self._values) + " body { margin: 0; } p { margin-top: 0; }"
        self.transcript.restyle(css, int(self._values.get("column_chars", 70)))
        self.carry_on_button.setText(self.labels.carry_on)
        self.carry_on_button.setAccessibleName(self.labels.carry_on)
        self.confirm_no.setText(self.labels.keep_going)
        self.confirm_no.setAccessibleName(self.labels.keep_going)
        self._show_summary()

    def _show_summary(self) -> None:
        if self.session is not None:
            self._summary.setText(f"{self.labels.summary} {self.session.conversation.summary}")

    def _only(self, *shown: QWidget) -> None:
        widgets = (
            self._intro, self.choices, self.answer_box, self.review, self._finished,
            self._confirm, self.start_button, self.send_button, self.try_again_button,
            self.carry_on_button, self.again_button, self.confirm_yes, self.confirm_no,
        )  # fmt: skip
        for widget in widgets:
            widget.setVisible(widget in shown)
        self._status.setText("")
        self._panel.updateGeometry()
        follow_reading_order(self)  # the replies of a new turn are new widgets

    def _show_nothing(self) -> None:
        self._only()
        self.speech.bar.hide()
        self.transcript.hide()
        self._room.show()
        self.restart_button.hide()
        self._summary.hide()
        self._notice.hide()

    def _show_intro(self) -> None:
        assert self.session is not None
        conversation = self.session.conversation
        framework = self._learner.library.pack_of(self.session.module).framework
        self._intro.setText(
            f"{type_description(conversation.type)}\n\n"
            f"{criteria_text(framework, conversation.evidences)}\n\n"
            "There is no time limit. You can stop at any point and come back to the same turn."
        )
        self._summary.show()
        self.speech.bar.hide()
        self.transcript.hide()
        self._room.show()
        self.restart_button.hide()
        self._only(self._intro, self.start_button)

    def _show_turn(self) -> None:
        """Show what the learner can do now, and put the keyboard focus there."""
        assert self.session is not None
        engine = self.session.engine
        self._summary.hide()  # read before starting: the chat needs the room now
        self.speech.bar.show()
        self.transcript.show()
        self._room.hide()
        self.restart_button.setVisible(not engine.finished)
        if engine.finished:
            self._show_finished()
        elif engine.phase == REVIEW:
            rubric = engine.last_rubric
            missed = [p.point for p in rubric.missed] if rubric else []
            advice = self.labels.review(rubric.enough if rubric else False)
            self.review.show_review(missed, engine.claims, advice)
            self._only(self.review, self.try_again_button, self.carry_on_button)
            self.try_again_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif engine.replies:
            self.choices.set_replies(engine.replies)
            self._only(self.choices, self.send_button)
            self.choices.focus_first()
        else:
            answer = engine.free_answer
            self.answer_box.set_prompt(answer.prompt if answer else "")
            self.answer_box.set_text(engine.draft)
            self._only(self.answer_box, self.send_button)
            self.answer_box.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_finished(self) -> None:
        assert self.session is not None
        self._finished.show_parts(FINISHED_TITLE, parts(self.session))
        self._only(self._finished, self.again_button)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_turns(self, turns: list[Turn], announce_them: bool = True) -> None:
        views = [self.transcript.add(t.role, t.speaker, t.text, t.details) for t in turns]
        # Read new turns from the first thing said back: the learner knows their own words.
        answers = [v for v in views if v.role != "learner"] or views
        if answers:
            self.transcript.show_from(answers[0])
        spoken = [f"{t.speaker}: {t.text}" for t in turns if t.role != "learner"]
        if announce_them and spoken:
            announce(self, "\n".join(spoken))

    # --- moves -----------------------------------------------------------------------------

    @said_if_not_saved
    def _start(self) -> None:
        assert self.session is not None
        self._notice.hide()
        self._add_turns(self.session.start())
        self._show_turn()

    def _send_shortcut(self) -> None:
        if self.send_button.isVisible():
            self._send()

    @said_if_not_saved
    def _send(self) -> None:
        session = self.session
        if session is None or session.finished:
            return
        if session.engine.replies:
            chosen = self.choices.selected()
            if chosen < 0:
                self._say_status("Choose one of the replies first, then send it.")
                return
            said = session.choose(chosen)
        else:
            text = self.answer_box.text()
            if not text.strip():
                self._say_status("Write your answer first, then send it.")
                return
            self._draft_timer.stop()
            said = session.answer(text)
        self._add_turns(said)
        self._show_turn()
        if session.finished:
            announce(self, self._finished.text())

    def _say_status(self, text: str) -> None:
        self._status.setText(text)
        announce(self, text)

    def _claim(self, points: list[str]) -> None:
        if (session := self.session) is not None and session.engine.phase == REVIEW:
            claim = functools.partial(session.claim, points)  # if not saved: with the next move
            write_or_say(self.save_status, claim, self.data_folder, waiting=self.pending)

    @said_if_not_saved
    def _try_again(self) -> None:
        if self.session is not None:
            self._add_turns(self.session.try_again())
            self._show_turn()
            views = [v for v in self.message_views() if v.details.get("kind") == "rubric"]
            if views:  # keep the key points in sight while the answer is changed
                self.transcript.show_from(views[-1])

    @said_if_not_saved
    def _carry_on(self) -> None:
        if self.session is not None:
            self._add_turns(self.session.carry_on())
            self._show_turn()

    def _ask_restart(self) -> None:
        self.save_draft()
        self._confirm.setText(self.labels.confirm_restart)
        self._only(self._confirm, self.confirm_yes, self.confirm_no)
        self.restart_button.hide()
        self.confirm_no.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self._confirm.text())

    def _restart_cancelled(self) -> None:
        self._show_turn()

    @said_if_not_saved
    def _restart_confirmed(self) -> None:
        if self.session is None:
            return
        said = self.session.restart()  # first: if it cannot be saved, the chat stays shown
        self.transcript.clear()
        self._add_turns(said)
        self._show_turn()

    @said_if_not_saved
    def _practise_again(self) -> None:
        if self.session is None:
            return
        said = self.session.start()
        self.transcript.clear()
        self._add_turns(said)
        self._show_turn()

    # --- keeping what is typed --------------------------------------------------------------

    def save_draft(self) -> None:
        """Keep the half-typed answer now (it is also kept 300 ms after each keystroke)."""
        self._draft_timer.stop()
        session = self.session
        if session is None or not session.started or session.finished:
            return
        if session.engine.phase == REPLY and session.engine.free_answer is not None:
            text = self.answer_box.text()
            what = f"Your answer in the practice conversation {session.conversation.title}"
            key = ("draft", session.run_id)
            self.pending.save(key, what, text, lambda: session.save_draft(text))

    def _pending_changed(self) -> None:
        if self.pending.problem is not None:
            self.save_status.not_saved(self.pending.message)
        else:
            self.save_status.saved()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The reply area scrolls past 45% of the height, so the transcript always shows.
        self._panel.setMaximumHeight(max(160, int(event.size().height() * 0.45)))
        self.transcript.setMinimumHeight(int(event.size().height() * 0.2))
        super().resizeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_draft()
        super().hideEvent(event)
