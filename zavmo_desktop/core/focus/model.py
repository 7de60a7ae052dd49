"""The focus timer's vocabulary: phases, cues, the plan it follows and what it reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

WARNING_SECONDS = 20  # notice before a focus session ends (WCAG 2.2.1 asks for 20 s)
EXTEND_MINUTES = 5
SNOOZE_MINUTES = 10


class Phase(StrEnum):
    FOCUS = "focus"
    SHORT_BREAK = "short_break"
    LONG_BREAK = "long_break"


class Status(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


class Outcome(StrEnum):
    COMPLETED = "completed"  # reached zero before the learner moved on
    STOPPED = "stopped"  # stopped before zero
    SKIPPED = "skipped"  # moved on to the next phase before zero
    INTERRUPTED = "interrupted"  # Zavmo closed mid-session, and it was then stopped


class Cue(StrEnum):
    WARNING = "warning"  # a focus session ends in WARNING_SECONDS
    ENDED = "ended"  # the phase reached zero and now counts overtime
    REMINDER = "reminder"  # a snoozed phase cue, once the snooze is over
    NUDGE = "nudge"  # unbroken focus for the hyperfocus length


class InvalidAction(ValueError):
    """The action does not apply now, such as pausing a timer that is not running."""


# The settings TimerPlan.from_settings reads; a change to any of them means a new plan.
PLAN_SETTINGS = (
    "timer_focus_minutes",
    "timer_short_break_minutes",
    "timer_long_break_minutes",
    "timer_long_break_after",
    "hyperfocus_nudge",
    "hyperfocus_minutes",
)


@dataclass(frozen=True)
class TimerPlan:
    focus_minutes: int = 25
    short_break_minutes: int = 5
    long_break_minutes: int = 15
    long_break_after: int = 4  # focus sessions completed before a long break
    hyperfocus_nudge: bool = True
    hyperfocus_minutes: int = 90

    @classmethod
    def from_settings(cls, get: Callable[[str], Any]) -> TimerPlan:
        return cls(*(get(key) for key in PLAN_SETTINGS))

    def seconds_for(self, phase: Phase) -> int:
        minutes = {
            Phase.FOCUS: self.focus_minutes,
            Phase.SHORT_BREAK: self.short_break_minutes,
            Phase.LONG_BREAK: self.long_break_minutes,
        }[phase]
        return minutes * 60


@dataclass(frozen=True)
class TimerView:
    """What the timer shows at one moment; whole seconds, never negative."""

    status: Status
    phase: Phase | None  # None while idle
    next_phase: Phase  # where skip (or start, when idle) goes
    planned_seconds: int  # the phase's length, with any extensions
    elapsed_seconds: int  # running time only: pauses do not count
    seconds_left: int  # rounded up, so a fresh 25-minute phase shows 25:00
    overtime_seconds: int
    focus_done: int  # focus sessions completed since the last long break
    long_break_after: int
    cue: Cue | None  # the cue showing, until the learner acts on it or snoozes it
    restored: bool  # brought back paused after Zavmo closed while it ran
    focus_streak_seconds: int  # unbroken focus, for the hyperfocus nudge
    goal: str

    @property
    def idle(self) -> bool:
        return self.status is Status.IDLE

    @property
    def running(self) -> bool:
        return self.status is Status.RUNNING

    @property
    def paused(self) -> bool:
        return self.status is Status.PAUSED

    @property
    def in_overtime(self) -> bool:
        return self.phase is not None and self.seconds_left == 0

    @property
    def fraction_left(self) -> float:
        if self.planned_seconds <= 0:
            return 0.0
        return self.seconds_left / self.planned_seconds


@dataclass(frozen=True)
class SessionRecord:
    """One phase as the log keeps it; times are clock seconds (epoch)."""

    kind: Phase
    planned_seconds: int
    focused_seconds: int  # running time, overtime included, pauses excluded
    overtime_seconds: int
    started_at: float
    ended_at: float | None  # None while it runs
    outcome: Outcome | None  # None while it runs
    goal: str


@dataclass(frozen=True)
class Change:
    """What a transition did to the log: the phase it ended and the one it began."""

    ended: SessionRecord | None = None
    started: SessionRecord | None = None
