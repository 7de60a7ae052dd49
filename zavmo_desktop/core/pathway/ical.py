"""The pathway's study sessions as an iCalendar file, for the learner's own calendar app.

Each study day with work left becomes one event. By default the events are all-day: the
app knows the learner's study days but not the hour, and a made-up time would fill their
calendar with false appointments; all-day events are marked free (TRANSP:TRANSPARENT) so
they never block meetings. Given a start time, the events are timed instead, in floating
local time ("19:00 wherever I am") and as long as the session's work. UIDs depend only on
the day, so importing a re-planned pathway again updates the same events.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event

from zavmo_desktop.core.pathway.model import Part, Plan, Session, StepKind

PRODID = "-//Zavmo Desktop//Pathway//EN"


def study_calendar(
    plan: Plan,
    done: Iterable[str] = (),
    *,
    now: datetime,
    from_day: date | None = None,
    start_time: time | None = None,
) -> bytes:
    """The .ics file's bytes: one event per study session on or after `from_day`."""
    finished = set(done)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Zavmo pathway")
    for week in plan.weeks:
        for session in week.sessions:
            parts = [p for p in session.parts if p.key not in finished]
            work = any(p.kind is not StepKind.MILESTONE for p in parts)
            if work and (from_day is None or session.day >= from_day):
                calendar.add_component(_event(session, parts, week.number, now, start_time))
    data: bytes = calendar.to_ical()
    return data


def _event(
    session: Session, parts: list[Part], week: int, now: datetime, start_time: time | None
) -> Event:
    minutes = sum(p.minutes for p in parts)
    event = Event()
    event.add("uid", f"zavmo-pathway-{session.day.isoformat()}@zavmo-desktop")
    event.add("dtstamp", now)
    event.add("summary", f"Zavmo study: {_minutes(minutes)}")
    event.add("description", _description(parts, week))
    if start_time is None:
        event.add("dtstart", session.day)
        event.add("dtend", session.day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        start = datetime.combine(session.day, start_time)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=max(minutes, 5)))
    return event


def _description(parts: list[Part], week: int) -> str:
    lines = [f"Week {week} of your pathway."]
    for part in parts:
        if part.kind is StepKind.MODULE:
            piece = f" (part {part.number} of {part.of})" if part.of > 1 else ""
            lines.append(f"- {part.title}{piece}: {_minutes(part.minutes)}")
        elif part.kind is StepKind.SELF_CHECK:
            lines.append(f"- {part.title}: {_minutes(part.minutes)}")
        else:
            lines.append(f"- {part.title}")
    return "\n".join(lines)


def _minutes(count: int) -> str:
    return f"{count} minute{'s' if count != 1 else ''}"
