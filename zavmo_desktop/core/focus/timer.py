"""The focus timer (Pomodoro) as a pure state machine driven by an injected clock.

Nothing advances by itself and nothing fails at zero: a phase that reaches zero
counts up as overtime until the learner takes the break, goes back to focus or
stops. tick() reports the cues to show; every action is the learner's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

from zavmo_desktop.core.focus.model import (
    EXTEND_MINUTES,
    SNOOZE_MINUTES,
    WARNING_SECONDS,
    Change,
    Cue,
    InvalidAction,
    Outcome,
    Phase,
    SessionRecord,
    Status,
    TimerPlan,
    TimerView,
)

Clock = Callable[[], float]
STATE_VERSION = 1
REAL_BREAK_SECONDS = 60  # a break shorter than this was skipped: focus stays unbroken
_PHASE_CUES = (Cue.WARNING, Cue.ENDED, Cue.REMINDER)


@dataclass
class _State:
    """Everything the timer remembers; plain values, so it saves as JSON."""

    status: Status = Status.IDLE
    phase: Phase | None = None
    planned: int = 0
    elapsed_before: float = 0.0  # running time before the current run
    run_since: float | None = None  # clock time the current run began
    started_at: float = 0.0
    goal: str = ""
    focus_done: int = 0
    warned: bool = False
    ended: bool = False
    quiet_until: float | None = None  # phase cues snoozed until this elapsed time
    streak_before: float = 0.0  # unbroken focus from earlier phases
    nudge_at: float | None = None  # a snoozed nudge's streak time; None: the plan's
    nudged: bool = False
    cue: Cue | None = None
    restored: bool = False


class FocusTimer:
    def __init__(self, plan: TimerPlan, clock: Clock) -> None:
        self.plan = plan  # replace it any time: a new length applies from the next phase
        self._clock = clock
        self._s = _State()

    # Actions -----------------------------------------------------------------

    def start(self, goal: str = "") -> Change:
        self._require(Status.IDLE)
        return Change(started=self._begin(Phase.FOCUS, goal))

    def pause(self) -> None:
        self._require(Status.RUNNING)
        self._s.elapsed_before = self._elapsed()
        self._s.run_since = None
        self._s.status = Status.PAUSED

    def resume(self) -> None:
        self._require(Status.PAUSED)
        self._s.run_since = self._clock()
        self._s.status = Status.RUNNING
        self._s.restored = False

    def extend(self, minutes: int = EXTEND_MINUTES) -> None:
        """More time in this phase; in overtime, `minutes` from now."""
        self._require_active()
        if minutes <= 0:
            raise InvalidAction("extend by a positive number of minutes")
        self._s.planned = max(self._s.planned, math.ceil(self._elapsed())) + minutes * 60
        self._s.warned = self._s.ended = False
        self._s.quiet_until = None
        if self._s.cue in _PHASE_CUES:
            self._s.cue = None

    def skip(self, goal: str = "") -> Change:
        """End this phase and begin the next; `goal` is used when the next is focus."""
        self._require_active()
        next_phase = self._next_phase()
        outcome = Outcome.COMPLETED if self._reached_zero() else Outcome.SKIPPED
        ended = self._finish(outcome)
        return Change(ended=ended, started=self._begin(next_phase, goal))

    def stop(self) -> Change:
        self._require_active()
        if self._reached_zero():
            outcome = Outcome.COMPLETED
        else:
            outcome = Outcome.INTERRUPTED if self._s.restored else Outcome.STOPPED
        ended = self._finish(outcome)
        self._s = _State()  # a stop ends the cycle and the unbroken focus
        return Change(ended=ended)

    def snooze(self, minutes: int = SNOOZE_MINUTES) -> None:
        """Hide the showing cue; it comes back after `minutes` more of running time."""
        if self._s.cue is None:
            raise InvalidAction("there is no reminder to snooze")
        if self._s.cue is Cue.NUDGE:
            self._s.nudge_at = self._streak() + minutes * 60
            self._s.nudged = False
        else:
            self._s.quiet_until = self._elapsed() + minutes * 60
        self._s.cue = None

    def tick(self) -> list[Cue]:
        """The cues due now, each given once; call it about every second while running."""
        if self._s.status is not Status.RUNNING:
            return []
        cues = self._phase_cues() + self._nudge_cues()
        if cues:
            self._s.cue = cues[-1]
        return cues

    # Reading -------------------------------------------------------------------

    def view(self) -> TimerView:
        s = self._s
        planned = s.planned if s.phase else self.plan.seconds_for(Phase.FOCUS)
        elapsed = self._elapsed()
        return TimerView(
            status=s.status,
            phase=s.phase,
            next_phase=self._next_phase(),
            planned_seconds=planned,
            elapsed_seconds=int(elapsed),
            seconds_left=max(0, math.ceil(planned - elapsed)),
            overtime_seconds=int(max(0.0, elapsed - planned)),
            focus_done=s.focus_done,
            long_break_after=self.plan.long_break_after,
            cue=s.cue,
            restored=s.restored,
            focus_streak_seconds=int(self._streak()),
            goal=s.goal,
        )

    def current_record(self) -> SessionRecord | None:
        """The phase in progress as the log keeps it, or None while idle."""
        return None if self._s.phase is None else self._record(None, None)

    # Persistence ---------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """A JSON-ready snapshot as of now; the current run is folded into elapsed time."""
        state = asdict(self._s)
        state["elapsed_before"] = self._elapsed()
        state["run_since"] = None
        state["version"] = STATE_VERSION
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any], plan: TimerPlan, clock: Clock) -> FocusTimer:
        """The saved timer; one that was running comes back paused at its saved time."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unknown focus timer state version {state.get('version')!r}")
        try:
            values = {f.name: state[f.name] for f in fields(_State)}
            values["status"] = Status(values["status"])
            values["phase"] = Phase(values["phase"]) if values["phase"] else None
            values["cue"] = Cue(values["cue"]) if values["cue"] else None
            restored = _State(**values)
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"damaged focus timer state: {error}") from error
        if not _plausible(restored):
            raise ValueError("damaged focus timer state: a value is of the wrong kind")
        if restored.status is Status.RUNNING:
            # Time passed while Zavmo was closed is not focus: resume from the last save.
            restored.status = Status.PAUSED
            restored.restored = True
        restored.run_since = None
        timer = cls(plan, clock)
        timer._s = restored
        return timer

    # Inside --------------------------------------------------------------------

    def _require(self, status: Status) -> None:
        if self._s.status is not status:
            raise InvalidAction(f"the timer is {self._s.status}, not {status}")

    def _require_active(self) -> None:
        if self._s.status is Status.IDLE:
            raise InvalidAction("the timer is not running a session")

    def _elapsed(self) -> float:
        s = self._s
        if s.run_since is None:
            return s.elapsed_before
        return s.elapsed_before + max(0.0, self._clock() - s.run_since)

    def _reached_zero(self) -> bool:
        return self._elapsed() >= self._s.planned

    def _streak(self) -> float:
        current = self._elapsed() if self._s.phase is Phase.FOCUS else 0.0
        return self._s.streak_before + current

    def _next_phase(self) -> Phase:
        if self._s.phase is not Phase.FOCUS:
            return Phase.FOCUS
        done = self._s.focus_done + (1 if self._reached_zero() else 0)
        return Phase.LONG_BREAK if done >= self.plan.long_break_after else Phase.SHORT_BREAK

    def _begin(self, phase: Phase, goal: str) -> SessionRecord:
        now = self._clock()
        s = self._s
        s.status, s.phase, s.planned = Status.RUNNING, phase, self.plan.seconds_for(phase)
        s.elapsed_before, s.run_since, s.started_at = 0.0, now, now
        s.goal = goal.strip() if phase is Phase.FOCUS else ""
        s.warned = s.ended = s.restored = False
        s.quiet_until = s.cue = None
        return self._record(None, None)

    def _finish(self, outcome: Outcome) -> SessionRecord:
        record = self._record(self._clock(), outcome)
        s = self._s
        if s.phase is Phase.FOCUS:
            s.streak_before += self._elapsed()
            s.focus_done += 1 if outcome is Outcome.COMPLETED else 0
        else:
            if s.phase is Phase.LONG_BREAK:
                s.focus_done = 0
            if self._elapsed() >= REAL_BREAK_SECONDS:
                s.streak_before, s.nudge_at, s.nudged = 0.0, None, False
        return record

    def _record(self, ended_at: float | None, outcome: Outcome | None) -> SessionRecord:
        s = self._s
        assert s.phase is not None
        elapsed = self._elapsed()
        return SessionRecord(
            kind=s.phase,
            planned_seconds=s.planned,
            focused_seconds=int(elapsed),
            overtime_seconds=int(max(0.0, elapsed - s.planned)),
            started_at=s.started_at,
            ended_at=ended_at,
            outcome=outcome,
            goal=s.goal,
        )

    def _phase_cues(self) -> list[Cue]:
        s = self._s
        elapsed = self._elapsed()
        left = s.planned - elapsed
        quiet = s.quiet_until is not None and elapsed < s.quiet_until
        cues: list[Cue] = []
        if s.phase is Phase.FOCUS and not s.warned and 0 < left <= WARNING_SECONDS:
            s.warned = True
            cues += [] if quiet else [Cue.WARNING]
        if not s.ended and left <= 0:
            s.ended = s.warned = True
            cues += [] if quiet else [Cue.ENDED]
        elif s.quiet_until is not None and not quiet:
            s.quiet_until = None
            cues += [Cue.REMINDER] if s.ended else []
        return cues

    def _nudge_cues(self) -> list[Cue]:
        s = self._s
        if s.phase is not Phase.FOCUS or not self.plan.hyperfocus_nudge or s.nudged:
            return []
        threshold = s.nudge_at if s.nudge_at is not None else self.plan.hyperfocus_minutes * 60
        if self._streak() < threshold:
            return []
        s.nudged = True
        return [Cue.NUDGE]


def _plausible(state: _State) -> bool:
    """Saved values of the kinds the timer needs, phase and status agreeing."""

    def number(value: object) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0

    numbers = (state.planned, state.elapsed_before, state.started_at, state.focus_done)
    optional = (state.quiet_until, state.nudge_at)
    flags = (state.warned, state.ended, state.nudged, state.restored)
    return (
        all(number(value) for value in (*numbers, state.streak_before))
        and all(value is None or number(value) for value in optional)
        and all(isinstance(flag, bool) for flag in flags)
        and isinstance(state.goal, str)
        and (state.phase is None) == (state.status is Status.IDLE)
    )
