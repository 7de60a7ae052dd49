"""The focus-session log and the saved timer, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from zavmo_desktop.core.focus.model import Change, Phase, TimerPlan
from zavmo_desktop.core.focus.timer import FocusTimer
from zavmo_desktop.core.storage.focus_sessions import FocusMinutes, FocusSessionRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store

MONDAY = datetime(2025, 3, 10)  # a Monday
WEDNESDAY_10AM = MONDAY + timedelta(days=2, hours=10)


class WallClock:
    """A fake clock set by local date and time."""

    def __init__(self, when: datetime) -> None:
        self.now = when.timestamp()

    def __call__(self) -> float:
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when.timestamp()

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def store(data_dir: Path) -> Iterator[OpenedStore]:
    opened = open_store(data_dir, now=lambda: MONDAY)
    yield opened
    opened.db.conn.close()


@pytest.fixture
def sessions(store: OpenedStore) -> FocusSessionRepository:
    return FocusSessionRepository(store.db)


def record(
    sessions: FocusSessionRepository, timer: FocusTimer, change: Change, clock: WallClock
) -> None:
    sessions.record_change(change, timer.to_state(), "Board storytelling", clock())


def log_focus(
    sessions: FocusSessionRepository, start: datetime, minutes: float, paused: float = 0
) -> None:
    """A focus session from `start`: `minutes` of focus, with a pause of `paused` halfway."""
    clock = WallClock(start)
    timer = FocusTimer(TimerPlan(), clock)
    record(sessions, timer, timer.start(), clock)
    clock.advance(minutes / 2)
    timer.pause()
    clock.advance(paused)
    timer.resume()
    clock.advance(minutes / 2)
    record(sessions, timer, timer.stop(), clock)


def test_a_session_is_logged_from_start_to_check_in(sessions: FocusSessionRepository) -> None:
    clock = WallClock(WEDNESDAY_10AM)
    timer = FocusTimer(TimerPlan(), clock)
    started = sessions.record_change(
        timer.start("Outline the talk"), timer.to_state(), "Talk", clock()
    )
    assert started.ended_id is None and started.started_id is not None
    row = sessions.get(started.started_id)
    assert row is not None
    assert (row.kind, row.activity, row.goal, row.outcome) == (
        "focus",
        "Talk",
        "Outline the talk",
        None,
    )
    assert (row.planned_seconds, row.focused_seconds, row.ended_at) == (1500, 0, None)
    assert row.started_at == "2025-03-12T10:00:00"

    clock.advance(10)
    sessions.save_timer(timer.to_state(), timer.current_record(), clock())
    row = sessions.get(started.started_id)
    assert (
        row is not None and row.focused_seconds == 600 and row.updated_at == "2025-03-12T10:10:00"
    )

    clock.advance(17)
    change = timer.skip()
    logged = sessions.record_change(change, timer.to_state(), "Talk", clock())
    assert logged.ended_id == started.started_id and logged.started_id is not None
    sessions.set_check_in(started.started_id, " Went well, slides drafted ")
    done = sessions.get(started.started_id)
    assert done is not None
    assert (done.outcome, done.focused_seconds, done.overtime_seconds) == ("completed", 1620, 120)
    assert done.ended_at == "2025-03-12T10:27:00" and done.check_in == "Went well, slides drafted"
    taken = sessions.get(logged.started_id)
    assert taken is not None and taken.kind == "short_break" and taken.goal is None
    assert taken.check_in is None and taken.outcome is None
    assert [r.id for r in sessions.recent()] == [logged.started_id, started.started_id]


def test_minutes_today_and_this_week_split_at_midnight_and_monday(
    sessions: FocusSessionRepository,
) -> None:
    sunday = MONDAY - timedelta(days=1)
    log_focus(sessions, sunday + timedelta(hours=20), 25)  # last week
    log_focus(sessions, sunday + timedelta(hours=23, minutes=50), 30)  # 10 Sun + 20 Mon
    tuesday_late = MONDAY + timedelta(days=1, hours=23, minutes=45)
    log_focus(sessions, tuesday_late, 30)  # 15 Tue + 15 Wed
    log_focus(sessions, WEDNESDAY_10AM - timedelta(hours=1), 25)

    clock = WallClock(WEDNESDAY_10AM - timedelta(minutes=30))
    timer = FocusTimer(TimerPlan(), clock)
    record(sessions, timer, timer.start(), clock)
    clock.advance(25)
    record(sessions, timer, timer.skip(), clock)  # a break is not focus
    clock.advance(5)
    sessions.save_timer(timer.to_state(), timer.current_record(), clock())

    assert sessions.focus_minutes(WEDNESDAY_10AM) == FocusMinutes(today=65, week=100)
    assert sessions.focus_minutes(MONDAY + timedelta(hours=8)) == FocusMinutes(20, 20)
    assert sessions.focus_minutes(sunday + timedelta(hours=23, minutes=59)) == FocusMinutes(35, 35)


def test_a_paused_session_across_midnight_is_shared_in_proportion(
    sessions: FocusSessionRepository,
) -> None:
    # 20 minutes of focus over 23:50-00:30 (a 20-minute pause in the middle).
    log_focus(sessions, MONDAY + timedelta(hours=23, minutes=50), 20, paused=20)
    tuesday = MONDAY + timedelta(days=1)
    assert sessions.focus_seconds(MONDAY, tuesday) == 5 * 60
    assert sessions.focus_seconds(tuesday, tuesday + timedelta(days=1)) == 15 * 60


def test_the_running_minutes_count_as_of_the_last_heartbeat(
    sessions: FocusSessionRepository,
) -> None:
    clock = WallClock(WEDNESDAY_10AM)
    timer = FocusTimer(TimerPlan(), clock)
    record(sessions, timer, timer.start(), clock)
    for _ in range(4):
        clock.advance(0.25)
        sessions.save_timer(timer.to_state(), timer.current_record(), clock())
    clock.advance(0.2)  # since the last heartbeat: not yet written
    assert sessions.focus_minutes(WEDNESDAY_10AM + timedelta(minutes=2)).today == 1


def test_a_session_running_at_a_crash_comes_back_paused_with_its_time(
    data_dir: Path, store: OpenedStore
) -> None:
    sessions = FocusSessionRepository(store.db)
    clock = WallClock(WEDNESDAY_10AM)
    timer = FocusTimer(TimerPlan(), clock)
    logged = sessions.record_change(
        timer.start("Read chapter 2"), timer.to_state(), "Ch 2", clock()
    )
    for _ in range(50):  # 12.5 minutes of heartbeats, every 15 seconds
        clock.advance(0.25)
        sessions.save_timer(timer.to_state(), timer.current_record(), clock())
    clock.advance(0.2)  # then Zavmo is killed before the next heartbeat
    store.db.conn.close()

    clock.advance(180)  # three hours later it is opened again
    reopened = open_store(data_dir, now=lambda: WEDNESDAY_10AM)
    try:
        again = FocusSessionRepository(reopened.db)
        saved = again.load_timer()
        assert saved is not None and saved.session_id == logged.started_id
        assert again.close_open_sessions(keep=saved.session_id) == 0
        restored = FocusTimer.from_state(saved.state, TimerPlan(), clock)
        view = restored.view()
        assert view.paused and view.restored and view.phase is Phase.FOCUS
        assert view.seconds_left == 750 and view.goal == "Read chapter 2"
        row = again.get(saved.session_id)
        assert row is not None and row.focused_seconds == 750 and row.outcome is None
        assert again.focus_minutes(WEDNESDAY_10AM).today == 12

        again.record_change(restored.stop(), restored.to_state(), "Ch 2", clock())
        row = again.get(saved.session_id)
        assert row is not None and row.outcome == "interrupted" and row.focused_seconds == 750
        assert again.load_timer() is not None and again.load_timer().session_id is None  # type: ignore[union-attr]
    finally:
        reopened.db.conn.close()


def test_a_restored_session_resumes_and_keeps_counting_in_the_same_row(
    sessions: FocusSessionRepository,
) -> None:
    clock = WallClock(WEDNESDAY_10AM)
    timer = FocusTimer(TimerPlan(), clock)
    logged = sessions.record_change(timer.start(), timer.to_state(), "", clock())
    clock.advance(10)
    sessions.save_timer(timer.to_state(), timer.current_record(), clock())
    saved = sessions.load_timer()
    assert saved is not None
    restored = FocusTimer.from_state(saved.state, TimerPlan(), clock)
    clock.advance(60)
    restored.resume()
    clock.advance(15)
    sessions.record_change(restored.skip(), restored.to_state(), "", clock())
    row = sessions.get(logged.started_id)  # type: ignore[arg-type]
    assert row is not None and row.outcome == "completed" and row.focused_seconds == 1500


def test_rows_left_open_without_a_timer_state_end_as_interrupted(
    store: OpenedStore, sessions: FocusSessionRepository
) -> None:
    clock = WallClock(WEDNESDAY_10AM)
    timer = FocusTimer(TimerPlan(), clock)
    logged = sessions.record_change(timer.start(), timer.to_state(), "", clock())
    clock.advance(5)
    sessions.save_timer(timer.to_state(), timer.current_record(), clock())
    store.db.execute("UPDATE focus_timer_state SET state = 'not json'")
    saved = sessions.load_timer()
    assert saved is not None and saved.state == {}
    with pytest.raises(ValueError):
        FocusTimer.from_state(saved.state, TimerPlan(), clock)

    assert sessions.close_open_sessions(keep=None) == 1
    row = sessions.get(logged.started_id)  # type: ignore[arg-type]
    assert row is not None and row.outcome == "interrupted"
    assert row.focused_seconds == 300 and row.ended_at == "2025-03-12T10:05:00"


def test_no_saved_timer_in_a_new_database(sessions: FocusSessionRepository) -> None:
    assert sessions.load_timer() is None
    assert sessions.focus_minutes(WEDNESDAY_10AM) == FocusMinutes(0, 0)
    assert sessions.recent() == []
