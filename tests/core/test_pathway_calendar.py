"""The pathway as an iCalendar file, read back by icalendar and by vobject (issue 11, item 9)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import icalendar
import vobject

from tests.core.pathway_helpers import START, request
from zavmo_desktop.core.pathway.ical import study_calendar
from zavmo_desktop.core.pathway.model import Plan, Session, StepKind
from zavmo_desktop.core.pathway.planner import make_plan

NOW = datetime(2026, 12, 1, 9, 30)


def work_sessions(plan: Plan, done: frozenset[str] = frozenset()) -> list[Session]:
    return [
        s
        for w in plan.weeks
        for s in w.sessions
        if any(p.key not in done and p.kind is not StepKind.MILESTONE for p in s.parts)
    ]


def events(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_all_day_sessions_read_back_on_the_right_days() -> None:
    plan = make_plan(request())
    data = study_calendar(plan, now=NOW)
    sessions = work_sessions(plan)
    found = events(data)
    assert len(found) == len(sessions) > 3
    for event, session in zip(found, sessions, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and start == session.day
        assert end == session.day + timedelta(days=1)
        assert start.weekday() in (0, 2, 5)
        assert str(event["transp"]) == "TRANSPARENT"
        assert event["summary"] == f"Zavmo study: {session.minutes} minutes"
        description = str(event["description"])
        assert all(p.title in description for p in session.parts)
    assert found[0].decoded("dtstart") == date(2026, 12, 5)  # the first Saturday
    assert len({str(e["uid"]) for e in found}) == len(found)
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_timed_sessions_start_at_the_chosen_hour_and_last_as_long_as_the_work() -> None:
    plan = make_plan(request())
    data = study_calendar(plan, now=NOW, start_time=time(19, 0))
    for event, session in zip(events(data), work_sessions(plan), strict=True):
        start = event.decoded("dtstart")
        assert start == datetime.combine(session.day, time(19, 0)) and start.tzinfo is None
        assert event.decoded("dtend") - start == timedelta(minutes=session.minutes)


def test_done_work_and_past_days_are_left_out() -> None:
    plan = make_plan(request())
    first = work_sessions(plan)[0]
    done = frozenset(p.key for p in first.parts)
    data = study_calendar(plan, done, now=NOW, from_day=START)
    days = [e.decoded("dtstart") for e in events(data)]
    assert first.day not in days and len(days) == len(work_sessions(plan, done))
    later = study_calendar(plan, now=NOW, from_day=START + timedelta(weeks=2))
    assert all(e.decoded("dtstart") >= START + timedelta(weeks=2) for e in events(later))


def test_a_second_parser_reads_the_same_days() -> None:
    plan = make_plan(request())
    data = study_calendar(plan, now=NOW).decode("utf-8")
    parsed = vobject.readOne(data)
    days = [event.dtstart.value for event in parsed.vevent_list]
    assert days == [s.day for s in work_sessions(plan)]
    assert all(event.summary.value.startswith("Zavmo study:") for event in parsed.vevent_list)
    timed = vobject.readOne(study_calendar(plan, now=NOW, start_time=time(7, 30)).decode())
    assert timed.vevent_list[0].dtstart.value == datetime(2026, 12, 5, 7, 30)


def test_the_same_plan_exports_the_same_bytes() -> None:
    plan = make_plan(request())
    assert study_calendar(plan, now=NOW) == study_calendar(plan, now=NOW)
