"""Fitting ordered work into the learner's study sessions, week by week.

Each study day is one session; the week's minutes are shared evenly between the study days
(a week that starts part-way through has fewer sessions, never fuller ones). Work fills the
sessions in order and a module that does not fit goes on in the next session, so no week
holds more than the learner's hours. The last session of every third week keeps ten
minutes for a self-check.

The weeks come out as drafts: a module's pieces become Parts once the planner knows how
many pieces each module has (building each frozen Part once keeps 500 modules fast).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.pathway.model import (
    MAX_WEEKS,
    MIN_PART_MINUTES,
    SELF_CHECK_EVERY_WEEKS,
    SELF_CHECK_MINUTES,
    Part,
    StepKind,
    WeekKind,
    monday_of,
)


@dataclass
class Work:
    """What is left of one module: its minutes still to plan and the next part's number."""

    module: Module
    minutes: int
    responsibilities: tuple[str, ...]
    next_number: int = 1
    overdue: bool = False  # planned before today and not done: the catch-up week's work


@dataclass(frozen=True)
class Piece:
    """A part of a module before the planner knows how many parts the module has."""

    work: Work
    number: int
    minutes: int


@dataclass
class DraftSession:
    day: date
    capacity: int
    parts: list[Part | Piece] = field(default_factory=list)


@dataclass
class DraftWeek:
    number: int
    start: date
    kind: WeekKind
    sessions: list[DraftSession] = field(default_factory=list)

    def has_parts(self) -> bool:
        return any(session.parts for session in self.sessions)


@dataclass(frozen=True)
class Calendar:
    plan_start: date  # week 1 is the week of this day, for every re-plan of the plan
    weekly_minutes: int
    study_days: tuple[int, ...]
    away_weeks: frozenset[date] = frozenset()
    catch_up_week: date | None = None  # the Monday of the catch-up week, if chosen
    kept: dict[date, tuple[Part, ...]] = field(default_factory=dict)  # done parts by day

    def capacities(self) -> dict[int, int]:
        """Minutes per study day: the week's minutes shared out, the remainder to the first."""
        days = sorted(set(self.study_days))
        if not days:
            return {}
        base, extra = divmod(self.weekly_minutes, len(days))
        return {day: base + (1 if n < extra else 0) for n, day in enumerate(days)}

    def week_number(self, monday: date) -> int:
        return (monday - monday_of(self.plan_start)).days // 7 + 1


def schedule(
    calendar: Calendar, work: list[Work], first_day: date
) -> tuple[list[DraftWeek], list[Work]]:
    """Weeks from `first_day`'s week until the work is placed; and the work that did not fit."""
    filler = _Filler(calendar, work)
    last_kept = max((day for day in calendar.kept if day >= first_day), default=first_day)
    weeks = []
    for monday in _mondays(calendar, first_day):
        if not filler.has_work() and monday > last_kept:
            break
        weeks.append(filler.week(monday, first_day))
    while weeks and not weeks[-1].has_parts():
        weeks.pop()  # away weeks after the last study are not part of the plan
    return weeks, filler.left()


def _mondays(calendar: Calendar, first_day: date) -> Iterator[date]:
    monday = monday_of(first_day)
    last = monday_of(calendar.plan_start) + timedelta(weeks=MAX_WEEKS - 1)
    while monday <= last:
        yield monday
        monday += timedelta(weeks=1)


class _Filler:
    def __init__(self, calendar: Calendar, work: list[Work]) -> None:
        self.calendar = calendar
        self.capacity = calendar.capacities()
        self.can_study = any(self.capacity.values())
        self.queue = [w for w in work if w.minutes > 0]
        self.head = 0  # queue[:head] is placed; catch-up weeks may place later ones early
        self.placed_since_check = False

    def has_work(self) -> bool:
        self._skip_placed()
        return self.can_study and self.head < len(self.queue)

    def left(self) -> list[Work]:
        return [w for w in self.queue[self.head :] if w.minutes > 0]

    def week(self, monday: date, first_day: date) -> DraftWeek:
        number = self.calendar.week_number(monday)
        away = monday in self.calendar.away_weeks
        catch_up = monday == self.calendar.catch_up_week and not away
        kind = WeekKind.AWAY if away else WeekKind.CATCH_UP if catch_up else WeekKind.STUDY
        week = DraftWeek(number, monday, kind)
        kept = self.calendar.kept
        days = [monday + timedelta(days=n) for n in range(7)]
        study = [d for d in days if d >= first_day and not away and d.weekday() in self.capacity]
        for day in days:
            if day in study:
                check = number % SELF_CHECK_EVERY_WEEKS == 0 and day == study[-1]
                week.sessions.append(self._session(day, catch_up, check))
            elif day >= first_day and day in kept:
                week.sessions.append(DraftSession(day, 0, list(kept[day])))
        return week

    def _session(self, day: date, catch_up: bool, self_check: bool) -> DraftSession:
        capacity = self.capacity[day.weekday()]
        kept = self.calendar.kept.get(day, ())
        free = max(0, capacity - sum(p.minutes for p in kept))
        self_check = self_check and not any(p.kind is StepKind.SELF_CHECK for p in kept)
        reserve = min(SELF_CHECK_MINUTES, free) if self_check else 0
        session = DraftSession(day, capacity, list(kept))
        self._fill(session, free - reserve, catch_up)
        if self_check and reserve and (self.placed_since_check or session.parts):
            session.parts.append(_self_check(day, reserve))
            self.placed_since_check = False
        return session

    def _fill(self, session: DraftSession, free: int, catch_up: bool) -> None:
        while free > 0:
            work = self._next(catch_up)
            if work is None:
                return
            piece = _piece(work.minutes, free, session.capacity)
            if piece == 0:
                return  # too short a piece for what is left of the session: the next one
            session.parts.append(Piece(work, work.next_number, piece))
            work.minutes -= piece
            work.next_number += 1
            free -= piece
            self.placed_since_check = True

    def _next(self, catch_up: bool) -> Work | None:
        self._skip_placed()
        if catch_up:
            return next((w for w in self.queue[self.head :] if w.overdue and w.minutes), None)
        return self.queue[self.head] if self.head < len(self.queue) else None

    def _skip_placed(self) -> None:
        while self.head < len(self.queue) and self.queue[self.head].minutes == 0:
            self.head += 1


def _piece(minutes: int, free: int, whole: int) -> int:
    """How much of a module's `minutes` to put in `free` minutes of a `whole` session: no
    piece, first or last, shorter than MIN_PART_MINUTES, unless sessions are that short."""
    piece = min(minutes, free)
    if 0 < minutes - piece < MIN_PART_MINUTES:
        piece = minutes - MIN_PART_MINUTES  # leave a last piece of the least length
    if piece < min(MIN_PART_MINUTES, minutes):
        return 0 if free < whole else min(minutes, free)
    return piece


def _self_check(day: date, minutes: int) -> Part:
    return Part(
        key=f"self-check:{day.isoformat()}",
        kind=StepKind.SELF_CHECK,
        title="Self-check: how sure do you feel about what you studied?",
        minutes=minutes,
    )
