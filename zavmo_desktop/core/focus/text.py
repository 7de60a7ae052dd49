"""What the focus timer says: clock faces, times in words, cues and announcements.

Plain words a screen reader speaks well ("12 minutes 30 seconds left"), literal
labels, and nothing that sounds like failure: at zero a phase is "over", not late.
"""

from __future__ import annotations

import math

from zavmo_desktop.core.focus.model import (
    WARNING_SECONDS,
    Change,
    Cue,
    Phase,
    TimerPlan,
    TimerView,
)

PHASE_NAMES = {
    Phase.FOCUS: "focus session",
    Phase.SHORT_BREAK: "short break",
    Phase.LONG_BREAK: "long break",
}


def phase_name(phase: Phase | None) -> str:
    return PHASE_NAMES[phase] if phase else "focus session"


def phase_title(view: TimerView) -> str:
    """The panel's heading: "Focus", "Short break", "Long break" or "Ready to focus"."""
    if view.phase is None:
        return "Ready to focus"
    return "Focus" if view.phase is Phase.FOCUS else phase_name(view.phase).capitalize()


def clock_text(view: TimerView, whole_minutes: bool = False) -> str:
    """ "12:30", "3:12 over", "1:05:00"; with whole minutes "13 min" or "3 min over"."""
    seconds = view.overtime_seconds if view.in_overtime else view.seconds_left
    suffix = " over" if view.in_overtime else ""
    if whole_minutes:
        minutes = seconds // 60 if view.in_overtime else math.ceil(seconds / 60)
        return f"{minutes} min{suffix}"
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    face = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return face + suffix


def duration_words(seconds: int) -> str:
    """ "1 hour 2 minutes 5 seconds", "1 minute", "0 seconds"."""
    hours, rest = divmod(seconds, 3600)
    parts = ((hours, "hour"), (rest // 60, "minute"), (rest % 60, "second"))
    words = [f"{count} {unit}{'' if count == 1 else 's'}" for count, unit in parts if count]
    return " ".join(words) or "0 seconds"


def time_words(view: TimerView, whole_minutes: bool = False) -> str:
    """The time as a screen reader should say it: "12 minutes 30 seconds left"."""
    if view.in_overtime:
        seconds = view.overtime_seconds
        if whole_minutes:
            seconds -= seconds % 60
        return "Time is up" if seconds == 0 else f"{duration_words(seconds)} over"
    seconds = 60 * math.ceil(view.seconds_left / 60) if whole_minutes else view.seconds_left
    return f"{duration_words(seconds)} {'of focus, not started' if view.idle else 'left'}"


def detail_text(view: TimerView, plan: TimerPlan) -> str:
    """A short line of advance notice: what this run of sessions looks like."""
    if view.idle:
        return f"{plan.focus_minutes} min focus, {plan.short_break_minutes} min break"
    if view.phase is Phase.FOCUS:
        number = min(view.focus_done + 1, view.long_break_after)
        return f"Session {number} of {view.long_break_after}"
    return "Next: focus"


def cue_text(view: TimerView) -> str:
    """The message shown and announced for the cue the timer is showing; short, so it
    fits the narrow panel at large text sizes."""
    if view.cue is Cue.WARNING:
        return f"{WARNING_SECONDS} seconds left."
    if view.cue is Cue.NUDGE:
        spent = duration_words(view.focus_streak_seconds - view.focus_streak_seconds % 60)
        return f"{spent} of focus without a real break. Time to stretch?"
    next_step = "take a break" if view.phase is Phase.FOCUS else "back to focus"
    if view.cue is Cue.REMINDER:
        over = duration_words(view.overtime_seconds - view.overtime_seconds % 60)
        return f"{over} over: {next_step} when ready."
    done = "Session done" if view.phase is Phase.FOCUS else "Break over"
    return f"{done}: {next_step} when ready."


def restored_text(view: TimerView) -> str:
    left = clock_text(view) + ("" if view.in_overtime else " left")
    return f"Your {phase_name(view.phase)} was paused when Zavmo closed. {left}."


def change_text(change: Change) -> str:
    """The announcement for a transition: what began (or what stopped)."""
    if change.started is None:
        ended = change.ended.kind if change.ended else None
        return f"{phase_name(ended).capitalize()} stopped."
    minutes = change.started.planned_seconds // 60
    return f"{phase_name(change.started.kind).capitalize()} started: {minutes} minutes."
