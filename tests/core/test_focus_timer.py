"""The focus timer state machine, driven by a fake clock: no sleeping, no Qt."""

from __future__ import annotations

import json

import pytest

from zavmo_desktop.core.focus.model import (
    Cue,
    InvalidAction,
    Outcome,
    Phase,
    Status,
    TimerPlan,
)
from zavmo_desktop.core.focus.timer import FocusTimer
from zavmo_desktop.core.settings import resolve

MINUTE = 60
FOCUS = 25 * MINUTE


class FakeClock:
    def __init__(self, now: float = 1_741_944_360.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timer(clock: FakeClock) -> FocusTimer:
    return FocusTimer(TimerPlan(), clock)


def run(timer: FocusTimer, clock: FakeClock, seconds: int) -> list[Cue]:
    """Advance one second at a time, ticking like the UI does; every cue given."""
    cues = []
    for _ in range(seconds):
        clock.advance(1)
        cues += timer.tick()
    return cues


def complete_focus(timer: FocusTimer, clock: FakeClock) -> None:
    clock.advance(FOCUS)
    timer.skip()  # takes the break
    timer.skip()  # back to focus


def test_the_plan_defaults_are_pomodoro_and_match_the_settings() -> None:
    assert TimerPlan.from_settings(resolve({}).__getitem__) == TimerPlan()
    assert TimerPlan() == TimerPlan(25, 5, 15, 4, True, 90)
    assert TimerPlan().seconds_for(Phase.LONG_BREAK) == 15 * MINUTE


def test_idle_timer_is_ready_to_focus(timer: FocusTimer) -> None:
    view = timer.view()
    assert view.idle and view.phase is None and view.next_phase is Phase.FOCUS
    assert view.seconds_left == FOCUS and view.fraction_left == 1.0
    assert timer.current_record() is None
    assert timer.tick() == []


def test_start_begins_a_running_focus_session(timer: FocusTimer, clock: FakeClock) -> None:
    change = timer.start(goal="  Read the MLOps module ")
    assert change.ended is None and change.started is not None
    assert change.started.kind is Phase.FOCUS
    assert change.started.started_at == clock.now
    assert change.started.planned_seconds == FOCUS
    assert change.started.goal == "Read the MLOps module"
    clock.advance(90)
    view = timer.view()
    assert view.running and view.phase is Phase.FOCUS
    assert view.seconds_left == FOCUS - 90
    assert view.fraction_left == pytest.approx((FOCUS - 90) / FOCUS)


@pytest.mark.parametrize("action", ["pause", "resume", "extend", "skip", "stop", "snooze"])
def test_actions_that_do_not_apply_while_idle_are_refused(timer: FocusTimer, action: str) -> None:
    with pytest.raises(InvalidAction):
        getattr(timer, action)()


def test_start_twice_and_resume_while_running_are_refused(timer: FocusTimer) -> None:
    timer.start()
    with pytest.raises(InvalidAction):
        timer.start()
    with pytest.raises(InvalidAction):
        timer.resume()
    with pytest.raises(InvalidAction):
        timer.extend(0)


def test_paused_time_does_not_count(timer: FocusTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(60)
    timer.pause()
    clock.advance(600)
    view = timer.view()
    assert view.paused and view.elapsed_seconds == 60
    assert timer.tick() == []
    timer.resume()
    clock.advance(30)
    assert timer.view().elapsed_seconds == 90
    record = timer.current_record()
    assert record is not None and record.focused_seconds == 90 and record.outcome is None


def test_at_zero_it_counts_up_as_overtime_and_never_advances(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    clock.advance(FOCUS)
    assert timer.tick() == [Cue.ENDED]
    clock.advance(3 * MINUTE + 12)
    assert timer.tick() == []
    view = timer.view()
    assert view.running and view.phase is Phase.FOCUS  # still focus: nothing moved on
    assert view.in_overtime and view.seconds_left == 0 and view.overtime_seconds == 192
    assert view.fraction_left == 0.0
    assert view.next_phase is Phase.SHORT_BREAK


def test_the_warning_comes_once_twenty_seconds_before_focus_ends(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    assert run(timer, clock, FOCUS - 21) == []
    assert run(timer, clock, 1) == [Cue.WARNING]
    assert timer.view().seconds_left == 20
    assert timer.view().cue is Cue.WARNING
    assert run(timer, clock, 19) == []
    assert run(timer, clock, 1) == [Cue.ENDED]
    assert run(timer, clock, 600) == []


def test_breaks_give_no_warning_only_the_zero_cue(timer: FocusTimer, clock: FakeClock) -> None:
    timer.start()
    timer.skip()
    assert timer.view().phase is Phase.SHORT_BREAK
    assert run(timer, clock, 5 * MINUTE) == [Cue.ENDED]
    assert timer.view().next_phase is Phase.FOCUS


def test_extend_adds_five_minutes_and_rearms_the_warning(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    assert run(timer, clock, FOCUS - 10) == [Cue.WARNING]
    timer.extend()
    view = timer.view()
    assert view.planned_seconds == FOCUS + 5 * MINUTE and view.seconds_left == 310
    assert view.cue is None  # acting on the warning answers it
    assert run(timer, clock, 290) == [Cue.WARNING]
    assert run(timer, clock, 20) == [Cue.ENDED]


def test_extend_in_overtime_gives_the_minutes_from_now(timer: FocusTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(FOCUS + 200)
    timer.tick()
    timer.extend(5)
    view = timer.view()
    assert not view.in_overtime and view.seconds_left == 5 * MINUTE
    assert run(timer, clock, 5 * MINUTE) == [Cue.WARNING, Cue.ENDED]


def test_skip_before_zero_is_logged_as_skipped_and_not_counted(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    clock.advance(100)
    change = timer.skip()
    assert change.ended is not None and change.started is not None
    assert change.ended.outcome is Outcome.SKIPPED
    assert change.ended.ended_at == clock.now and change.ended.focused_seconds == 100
    assert change.started.kind is Phase.SHORT_BREAK
    assert change.started.planned_seconds == 5 * MINUTE
    assert timer.view().focus_done == 0


def test_a_long_break_follows_every_fourth_completed_focus_session(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    breaks = []
    for _ in range(5):
        clock.advance(FOCUS)
        assert timer.view().next_phase in (Phase.SHORT_BREAK, Phase.LONG_BREAK)
        change = timer.skip()
        assert change.ended is not None and change.ended.outcome is Outcome.COMPLETED
        assert change.started is not None
        breaks.append(change.started.kind)
        timer.skip()
    short, long_ = Phase.SHORT_BREAK, Phase.LONG_BREAK
    assert breaks == [short, short, short, long_, short]
    assert timer.view().focus_done == 1


def test_skip_from_a_break_goes_back_to_focus_with_the_goal(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start(goal="first")
    clock.advance(FOCUS)
    timer.skip(goal="ignored for a break")
    assert timer.view().goal == ""
    clock.advance(5 * MINUTE + 40)
    change = timer.skip(goal="second")
    assert change.ended is not None and change.ended.overtime_seconds == 40
    assert change.ended.outcome is Outcome.COMPLETED
    assert change.started is not None and change.started.goal == "second"
    assert timer.view().phase is Phase.FOCUS and timer.view().focus_done == 1


def test_stop_before_zero_is_stopped_and_after_zero_completed(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    clock.advance(60)
    early = timer.stop().ended
    assert early is not None and early.outcome is Outcome.STOPPED
    assert timer.view().idle
    timer.start()
    clock.advance(FOCUS + 30)
    late = timer.stop().ended
    assert late is not None and late.outcome is Outcome.COMPLETED
    assert late.overtime_seconds == 30 and late.focused_seconds == FOCUS + 30
    assert timer.view().focus_done == 0  # a stop ends the cycle


def test_a_new_length_applies_from_the_next_phase(timer: FocusTimer, clock: FakeClock) -> None:
    timer.start()
    clock.advance(60)
    timer.plan = TimerPlan(focus_minutes=50, short_break_minutes=10)
    assert timer.view().planned_seconds == FOCUS
    assert timer.view().seconds_left == FOCUS - 60
    change = timer.skip()
    assert change.started is not None and change.started.planned_seconds == 10 * MINUTE


def test_hyperfocus_nudge_comes_once_after_unbroken_focus(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(hyperfocus_minutes=30), clock)
    timer.start()
    cues = run(timer, clock, 30 * MINUTE - 1)
    assert Cue.NUDGE not in cues
    assert run(timer, clock, 1) == [Cue.NUDGE]
    assert timer.view().cue is Cue.NUDGE
    assert run(timer, clock, 60 * MINUTE) == []


def test_snoozing_the_nudge_brings_it_back_later(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(hyperfocus_minutes=30), clock)
    timer.start()
    clock.advance(30 * MINUTE)
    assert Cue.NUDGE in timer.tick()
    timer.snooze(10)
    assert timer.view().cue is None
    assert run(timer, clock, 10 * MINUTE - 1) == []
    assert run(timer, clock, 1) == [Cue.NUDGE]


def test_no_nudge_when_it_is_turned_off(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(hyperfocus_nudge=False, hyperfocus_minutes=30), clock)
    timer.start()
    assert Cue.NUDGE not in run(timer, clock, 120 * MINUTE)


def test_pauses_and_skipped_breaks_keep_focus_unbroken(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(hyperfocus_minutes=60), clock)
    timer.start()
    clock.advance(FOCUS)
    timer.pause()
    clock.advance(20 * MINUTE)  # a pause neither counts nor breaks the run
    timer.resume()
    clock.advance(5 * MINUTE)
    timer.skip()  # to the break ...
    clock.advance(30)
    timer.skip()  # ... skipped after half a minute
    assert timer.view().focus_streak_seconds == 30 * MINUTE
    assert Cue.NUDGE not in run(timer, clock, 30 * MINUTE - 1)
    assert run(timer, clock, 1) == [Cue.NUDGE]


@pytest.mark.parametrize("how", ["break", "stop"])
def test_a_real_break_or_a_stop_resets_unbroken_focus(clock: FakeClock, how: str) -> None:
    timer = FocusTimer(TimerPlan(hyperfocus_minutes=30), clock)
    timer.start()
    clock.advance(FOCUS)
    if how == "break":
        timer.skip()
        clock.advance(2 * MINUTE)
        timer.skip()
    else:
        timer.stop()
        timer.start()
    assert timer.view().focus_streak_seconds == 0
    assert Cue.NUDGE not in run(timer, clock, 30 * MINUTE - 1)
    assert run(timer, clock, 1) == [Cue.NUDGE]


def test_snoozing_the_zero_cue_reminds_once_the_snooze_is_over(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    clock.advance(FOCUS)
    assert timer.tick() == [Cue.ENDED]
    timer.snooze()
    assert timer.view().cue is None
    assert run(timer, clock, 10 * MINUTE - 1) == []
    assert run(timer, clock, 1) == [Cue.REMINDER]
    assert timer.view().cue is Cue.REMINDER
    timer.skip()
    with pytest.raises(InvalidAction):
        timer.snooze()  # moving on answered the reminder: nothing left to snooze


def test_snoozing_the_warning_keeps_zero_quiet_until_the_snooze_ends(
    timer: FocusTimer, clock: FakeClock
) -> None:
    timer.start()
    assert run(timer, clock, FOCUS - 20) == [Cue.WARNING]
    timer.snooze(1)
    assert run(timer, clock, 59) == []  # zero passed quietly
    assert timer.view().in_overtime
    assert run(timer, clock, 1) == [Cue.REMINDER]


def test_running_state_round_trips_through_json_and_comes_back_paused(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(), clock)
    timer.start(goal="Draft the roadmap")
    clock.advance(FOCUS)
    timer.skip()
    timer.skip()
    clock.advance(12 * MINUTE + 30)
    saved = json.loads(json.dumps(timer.to_state()))
    clock.advance(3 * 3600)  # Zavmo was closed: this time never counts

    restored = FocusTimer.from_state(saved, TimerPlan(), clock)
    view = restored.view()
    assert view.paused and view.restored and view.phase is Phase.FOCUS
    assert view.seconds_left == 12 * MINUTE + 30 and view.focus_done == 1
    assert view.focus_streak_seconds == FOCUS + 12 * MINUTE + 30
    restored.resume()
    assert not restored.view().restored
    clock.advance(10)
    assert restored.view().seconds_left == 12 * MINUTE + 20


def test_a_restored_session_stopped_without_resuming_is_interrupted(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(), clock)
    timer.start()
    clock.advance(200)
    restored = FocusTimer.from_state(timer.to_state(), TimerPlan(), clock)
    ended = restored.stop().ended
    assert ended is not None and ended.outcome is Outcome.INTERRUPTED
    assert ended.focused_seconds == 200


def test_paused_and_idle_states_come_back_as_they_were(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(), clock)
    assert FocusTimer.from_state(timer.to_state(), TimerPlan(), clock).view() == timer.view()
    timer.start()
    clock.advance(50)
    timer.pause()
    restored = FocusTimer.from_state(timer.to_state(), TimerPlan(), clock)
    assert restored.view() == timer.view()
    assert restored.view().status is Status.PAUSED and not restored.view().restored


@pytest.mark.parametrize(
    "damage",
    [{"version": 99}, {"status": "sprinting"}, {"phase": None}, {"planned": None}, {"goal": 3}],
)
def test_damaged_state_is_refused(clock: FakeClock, damage: dict[str, object]) -> None:
    timer = FocusTimer(TimerPlan(), clock)
    timer.start()
    state = {**timer.to_state(), **damage}
    with pytest.raises(ValueError):
        FocusTimer.from_state(state, TimerPlan(), clock)
