"""The focus timer panel: a compact Pomodoro timer for the bottom of the navigation column.

Where it does not fit the column whole (200% text, a laptop), the navigation makes it compact:
phase, time, "Pause" (named "Pause focus session") and "More", a menu of the rest.

The timing rules live in core.focus.timer; this panel shows them, logs each phase
through the repository, speaks cues to screen readers and, in "study with me" mode,
asks for a goal before a focus session and how it went after.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.focus.model import (
    EXTEND_MINUTES,
    PLAN_SETTINGS,
    SNOOZE_MINUTES,
    Change,
    Phase,
    TimerPlan,
    TimerView,
)
from zavmo_desktop.core.focus.text import (
    change_text,
    clock_text,
    cue_text,
    detail_text,
    phase_name,
    phase_title,
    restored_text,
    time_words,
)
from zavmo_desktop.core.focus.timer import Clock, FocusTimer
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository, LoggedChange
from zavmo_desktop.paths import resources_dir
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.save_status import SaveStatus, write_or_say
from zavmo_desktop.ui.widgets.timer_menu import MoreActions
from zavmo_desktop.ui.widgets.timer_parts import (
    CompanionDialog,
    SteadyButton,
    name_button,
    named_button,
    restore_timer,
    set_shown,
    set_text,
    show_progress,
    stacked_height,
    wrapping_label,
)

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

HEARTBEAT_SECONDS = 15  # the most running time a crash can cost
PRIMARY_TEXTS = ("Start focus session", "Pause focus session", "Resume focus session")
SHORT_TEXTS = {text: text.split()[0] for text in PRIMARY_TEXTS}  # the compact form's
CHIME = ("sounds", "chime.wav")
NOT_LOGGED = "The timer goes on, but this session may be missing from your focus log."
CHECK_IN_WHAT = "How your focus session went"


class FocusTimerPanel(QWidget):
    minutes_changed = Signal()  # a focus session was logged or its time updated

    def __init__(
        self,
        settings: Settings,
        sessions: FocusSessionRepository,
        current_activity: Callable[[], str],
        clock: Clock = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._sessions = sessions
        self._activity = current_activity
        self._clock = clock
        self._last_saved = clock()
        self._notice = ""  # the panel's own message: a session restored after a restart
        self._compact = False
        self._dialog: CompanionDialog | None = None
        self._chime: QSoundEffect | None = None
        self._timer = self._restore()
        self.pending = PendingSaves(self)  # a check-in that could not be saved yet
        self.pending.changed.connect(self._pending_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._build()
        listener = self._setting_changed
        settings.subscribe(listener)
        self.destroyed.connect(lambda: settings.unsubscribe(listener))
        if not settings.get("show_focus_timer"):
            self.setVisible(False)
        self._render()

    # For the main window ---------------------------------------------------------

    def toggle(self) -> None:
        """Start, pause or resume: the primary button, and a keyboard shortcut."""
        if self._dialog is not None or not self._settings.get("show_focus_timer"):
            return
        view = self._timer.view()
        name = phase_name(view.phase).capitalize()
        if view.idle:
            self._ask_goal(self._start)
        elif view.running:
            self._timer.pause()
            self._after_action(f"{name} paused.")
        else:
            self._timer.resume()
            self._after_action(f"{name} resumed. {time_words(self._timer.view())}.")

    def save(self) -> None:
        """Save the timer now: the main window calls it before the database closes."""
        now = self._clock()
        self._sessions.save_timer(self._timer.to_state(), self._timer.current_record(), now)
        self._last_saved = now
        if self._timer.view().phase is Phase.FOCUS:
            self.minutes_changed.emit()

    @Slot()
    def tick(self) -> None:
        cues = self._timer.tick()
        if cues:
            self._give_cue()
        if cues or self._clock() - self._last_saved >= HEARTBEAT_SECONDS:
            # A heartbeat that cannot be written (a full disk) is tried at the next tick;
            # the timer itself goes on.
            self._write(self.save)
        self._render()

    # Showing ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.setAccessibleName("Focus timer")
        self.setProperty("role", "timer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # so a role rule can draw
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self._phase = wrapping_label("subheading")
        self._time = wrapping_label("heading")
        self._bar = QProgressBar()
        self._bar.setAccessibleName("Focus time remaining")
        self._bar.setTextVisible(False)
        self._detail = wrapping_label()
        self._cue = wrapping_label("notice")
        self.save_status = SaveStatus()
        self._snooze = named_button("Snooze", f"Hide this reminder for {SNOOZE_MINUTES} minutes")
        self._snooze.clicked.connect(self._snooze_clicked)
        self._primary = SteadyButton(PRIMARY_TEXTS)
        self._primary.clicked.connect(self.toggle)
        self._extend = named_button(f"Add {EXTEND_MINUTES} minutes")
        self._extend.clicked.connect(self._extend_clicked)
        self._skip = SteadyButton(("Skip to break", "Skip to focus"))
        self._skip.clicked.connect(self._skip_clicked)
        self._stop = named_button("Stop focus session")
        self._stop.clicked.connect(lambda: self._apply(self._timer.stop()))
        self._more = MoreActions(lambda: self._offered(self._timer.view()))
        shown = (self._phase, self._time, self._bar, self._detail, self._cue, self.save_status)
        buttons = (self._snooze, self._primary, self._extend, self._skip, self._stop, self._more)
        for widget in (*shown, *buttons):  # also the Tab order
            layout.addWidget(widget)

    def _render(self) -> None:
        # Widgets change only when their text does: nothing flickers, and screen
        # readers are not told about a change that did not happen.
        had_focus = self._focus_inside()
        view = self._timer.view()
        calm = bool(self._settings.get("reduce_motion"))
        set_text(self._phase, phase_title(view))
        set_text(self._time, clock_text(view, whole_minutes=calm))
        show_progress(self._bar, view, calm)
        set_text(self._detail, detail_text(view, self._timer.plan))
        message = self._message(view)
        set_text(self._cue, message)
        for widget, shown in self._form(view, self._compact).items():
            set_shown(widget, shown)
        self._show_buttons(view)
        if had_focus and not self._focus_inside():
            self._primary.setFocus()  # the focused button was hidden: stay in the panel

    def _message(self, view: TimerView) -> str:
        return cue_text(view) if view.cue else self._notice

    def _form(self, view: TimerView, compact: bool) -> dict[QWidget, bool]:
        """Which parts show, in the full or the compact form (the main button always does)."""
        message = bool(self._message(view))
        secondary = not view.idle and not compact
        return {
            self._phase: not (compact and message),  # compact: the message says the moment
            self._time: True,
            self._bar: not compact,
            self._detail: not message and not compact,  # a message matters more
            self._cue: message,
            self._snooze: view.cue is not None and not compact,
            self._extend: secondary,
            self._skip: secondary,
            self._stop: secondary,
            self._more: compact and bool(self._offered(view)),
        }

    def _offered(self, view: TimerView) -> list[QPushButton]:
        """The actions besides the main button: buttons, or the compact form's menu."""
        snooze = [self._snooze] if view.cue is not None else []
        return snooze + ([] if view.idle else [self._extend, self._skip, self._stop])

    @property
    def compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        if compact != self._compact:
            self._compact = compact
            self._primary.set_texts(tuple(SHORT_TEXTS.values()) if compact else PRIMARY_TEXTS)
            if compact:
                self._more.attach_menu()
            self._render()

    def height_for(self, width: int, compact: bool) -> int:
        """The panel's height at `width` in either form, showing what it shows now."""
        view = self._timer.view()
        parts = [widget for widget, shown in self._form(view, compact).items() if shown]
        if not self.save_status.isHidden():
            parts.append(self.save_status)
        heights = [
            part.heightForWidth(width) if part.hasHeightForWidth() else part.sizeHint().height()
            for part in parts
        ]
        texts = tuple(SHORT_TEXTS.values()) if compact else PRIMARY_TEXTS
        heights.append(self._primary.height_with(texts, width))
        return stacked_height(self.layout(), heights)

    def _focus_inside(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.isAncestorOf(focused)

    def _show_buttons(self, view: TimerView) -> None:
        phase = phase_name(view.phase)
        if view.idle:
            minutes = self._timer.plan.focus_minutes
            primary = ("Start focus session", f"Start a {minutes}-minute focus session")
        elif view.running:
            primary = ("Pause focus session", f"Pause the {phase}: pauses do not count")
        else:
            primary = ("Resume focus session", f"Carry on with the {phase}")
        name, description = primary
        name_button(self._primary, name, description, SHORT_TEXTS[name] if self._compact else "")
        extend = f"Give this {phase} {EXTEND_MINUTES} more minutes"
        name_button(self._extend, f"Add {EXTEND_MINUTES} minutes", extend)
        if view.phase is Phase.FOCUS:
            next_break = phase_name(view.next_phase)
            name_button(
                self._skip, "Skip to break", f"End this focus session and start a {next_break}"
            )
        else:
            name_button(self._skip, "Skip to focus", "End the break and start a focus session")
        name_button(self._stop, "Stop focus session", f"Stop the timer and log this {phase}")

    # Acting ----------------------------------------------------------------------------

    def _start(self, goal: str) -> None:
        if self._timer.view().idle:
            self._apply(self._timer.start(goal))

    def _extend_clicked(self) -> None:
        self._timer.extend()
        self._after_action(f"{EXTEND_MINUTES} minutes added. {time_words(self._timer.view())}.")

    def _skip_clicked(self) -> None:
        if self._timer.view().phase is Phase.FOCUS:
            self._apply(self._timer.skip())
        else:
            self._ask_goal(lambda goal: self._apply(self._timer.skip(goal)))

    def _snooze_clicked(self) -> None:
        self._timer.snooze()
        self._after_action(f"Reminder snoozed for {SNOOZE_MINUTES} minutes.")

    def _after_action(self, message: str) -> None:
        self._notice = ""
        self._write(self.save)
        self._sync_ticker()
        self._render()
        announce(self, message)

    def _apply(self, change: Change) -> None:
        """Log a transition (the phase it ended, the one it began, the state) and show it."""
        now = self._clock()
        state = self._timer.to_state()
        self._notice = ""
        record = functools.partial(self._sessions.record_change, change, state, self._activity())
        logged = [LoggedChange(None, None)]  # the timer goes on if it cannot be logged
        self._write(lambda: logged.append(record(now)))
        self._last_saved = now
        self._sync_ticker()
        self._render()
        if Phase.FOCUS in (record.kind for record in (change.ended, change.started) if record):
            self.minutes_changed.emit()
        announce(self, change_text(change))
        ended = change.ended
        ended_id = logged[-1].ended_id
        if ended is not None and ended.kind is Phase.FOCUS and ended_id is not None:
            self._ask_check_in(ended_id)

    def _sync_ticker(self) -> None:
        if not self._timer.view().running:
            self._ticker.stop()
        elif not self._ticker.isActive():
            self._ticker.start()

    # Cues, settings and restoring -------------------------------------------------

    def _give_cue(self) -> None:
        announce(self, cue_text(self._timer.view()))
        if self._settings.get("timer_sound"):
            self._play_chime()

    def _play_chime(self) -> None:
        if self._chime is None:
            from PySide6.QtMultimedia import QSoundEffect  # loaded at the first cue, if ever

            self._chime = QSoundEffect(self)
            self._chime.setSource(QUrl.fromLocalFile(str(resources_dir().joinpath(*CHIME))))
            self._chime.setVolume(0.6)
        self._chime.play()

    def _setting_changed(self, key: str, value: Any) -> None:
        if key in PLAN_SETTINGS:
            self._timer.plan = TimerPlan.from_settings(self._settings.get)
        elif key == "show_focus_timer":
            if not value and self._timer.view().running:
                self._timer.pause()  # turned off: nothing counts out of sight
                self._write(self.save)
                self._sync_ticker()
            self.setVisible(bool(value))
        self._render()

    def _restore(self) -> FocusTimer:
        timer = restore_timer(
            TimerPlan.from_settings(self._settings.get), self._sessions, self._clock
        )
        if timer.view().restored:
            self._notice = restored_text(timer.view())
        return timer

    # Study with me ----------------------------------------------------------------------

    def _ask_goal(self, then: Callable[[str], None]) -> None:
        if not self._settings.get("companion_mode"):
            then("")
            return
        hint = self._activity()
        example = f"For example: {hint}" if hint else ""
        self._ask("What will you work on in this session?", "Your goal", example, then)

    def _ask_check_in(self, session_id: int) -> None:
        if not self._settings.get("companion_mode"):
            return

        def keep(text: str) -> None:
            if text:
                write = functools.partial(self._sessions.set_check_in, session_id, text)
                self.pending.save(("check-in", session_id), CHECK_IN_WHAT, text, write)

        self._ask("How did that focus session go?", "How it went", "", keep)

    def _ask(self, prompt: str, name: str, hint: str, then: Callable[[str], None]) -> None:
        dialog = CompanionDialog(prompt, name, hint, self)
        self._dialog = dialog

        def answered(_result: int) -> None:
            self._dialog = None
            dialog.deleteLater()
            then(dialog.answer())

        dialog.finished.connect(answered)
        dialog.open()

    # Saving --------------------------------------------------------------------------

    def _write(self, write: Callable[[], object]) -> bool:
        return write_or_say(self.save_status, write, waiting=self.pending, then=NOT_LOGGED)

    def _pending_changed(self) -> None:
        if self.pending.problem is not None:
            self.save_status.not_saved(self.pending.message)
        else:
            self.save_status.saved()
