"""What the focus timer says: clock faces and words a screen reader speaks well."""

from __future__ import annotations

import pytest

from zavmo_desktop.core.focus.model import Cue, Phase, TimerPlan
from zavmo_desktop.core.focus.text import (
    change_text,
    clock_text,
    cue_text,
    detail_text,
    duration_words,
    phase_title,
    restored_text,
    time_words,
)
from zavmo_desktop.core.focus.timer import FocusTimer

FOCUS = 25 * 60


class FakeClock:
    now = 1_741_944_360.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 seconds"),
        (1, "1 second"),
        (60, "1 minute"),
        (750, "12 minutes 30 seconds"),
        (3600, "1 hour"),
        (3661, "1 hour 1 minute 1 second"),
        (7325, "2 hours 2 minutes 5 seconds"),
    ],
)
def test_durations_in_words(seconds: int, words: str) -> None:
    assert duration_words(seconds) == words


def test_the_clock_face_counts_down_then_up(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(focus_minutes=120), clock)
    assert (clock_text(timer.view()), phase_title(timer.view())) == ("2:00:00", "Ready to focus")
    assert time_words(timer.view()) == "2 hours of focus, not started"
    timer.start()
    clock.now += 7200 - 61
    assert clock_text(timer.view()) == "1:01"
    assert clock_text(timer.view(), whole_minutes=True) == "2 min"
    assert time_words(timer.view(), whole_minutes=True) == "2 minutes left"
    clock.now += 61
    assert clock_text(timer.view()) == "0:00 over"
    assert time_words(timer.view()) == "Time is up"
    clock.now += 3600 + 59
    assert clock_text(timer.view()) == "1:00:59 over"
    assert clock_text(timer.view(), whole_minutes=True) == "60 min over"
    assert time_words(timer.view(), whole_minutes=True) == "1 hour over"
    assert phase_title(timer.view()) == "Focus"


def test_cues_name_what_comes_next(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(), clock)
    timer.start()
    clock.now += FOCUS - 20
    assert timer.tick() == [Cue.WARNING]
    assert cue_text(timer.view()) == "20 seconds left."
    clock.now += 20
    timer.tick()
    assert cue_text(timer.view()) == "Session done: take a break when ready."
    timer.snooze(10)
    clock.now += 10 * 60 + 30
    assert timer.tick() == [Cue.REMINDER]
    assert cue_text(timer.view()) == "10 minutes over: take a break when ready."
    change = timer.skip()
    assert change_text(change) == "Short break started: 5 minutes."
    assert phase_title(timer.view()) == "Short break"
    clock.now += 5 * 60
    timer.tick()
    assert cue_text(timer.view()) == "Break over: back to focus when ready."
    assert change_text(timer.stop()) == "Short break stopped."


def test_detail_gives_advance_notice(clock: FakeClock) -> None:
    plan = TimerPlan(focus_minutes=50, short_break_minutes=10, long_break_after=3)
    timer = FocusTimer(plan, clock)
    assert detail_text(timer.view(), plan) == "50 min focus, 10 min break"
    timer.start()
    assert detail_text(timer.view(), plan) == "Session 1 of 3"
    clock.now += 50 * 60
    timer.skip()
    assert timer.view().phase is Phase.SHORT_BREAK
    assert detail_text(timer.view(), plan) == "Next: focus"


def test_a_restored_session_says_what_is_left(clock: FakeClock) -> None:
    timer = FocusTimer(TimerPlan(), clock)
    timer.start()
    clock.now += FOCUS - 750
    restored = FocusTimer.from_state(timer.to_state(), TimerPlan(), clock)
    assert restored_text(restored.view()) == (
        "Your focus session was paused when Zavmo closed. 12:30 left."
    )
    clock.now += 3600
    timer.skip()
    clock.now += 5 * 60 + 7
    restored = FocusTimer.from_state(timer.to_state(), TimerPlan(), clock)
    assert restored_text(restored.view()) == (
        "Your short break was paused when Zavmo closed. 0:07 over."
    )
