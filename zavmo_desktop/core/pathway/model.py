"""What a pathway is: weeks of study sessions, each holding parts of steps.

A step is a module (split into parts across sessions when it is long), a short self-check
or a milestone. Every part has a key that stays the same across re-plans, so what the
learner ticked as done is found again in the new plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from zavmo_desktop.core.content.models import Framework, Module

SELF_CHECK_EVERY_WEEKS = 3  # a short self-check ends every third week of the plan
SELF_CHECK_MINUTES = 10
MIN_PART_MINUTES = 10  # a module is never cut into a piece shorter than this
MAX_WEEKS = 520  # ten years: past this the plan says what does not fit instead
MAX_HOURS_PER_WEEK = 80


class StepKind(Enum):
    MODULE = "module"
    SELF_CHECK = "self_check"
    MILESTONE = "milestone"


class WeekKind(Enum):
    STUDY = "study"
    CATCH_UP = "catch_up"  # only work that was planned before and is not done yet
    AWAY = "away"  # the learner said they cannot study this week


@dataclass(frozen=True)
class Part:
    key: str  # stable across re-plans: "module:<id>:<n>", "self-check:<date>", "milestone:<id>"
    kind: StepKind
    title: str
    minutes: int
    competency: str = ""  # "" for a self-check
    module_id: str = ""
    number: int = 1  # this part's number among the module's parts
    of: int = 1  # how many parts the module has in this plan
    responsibilities: tuple[str, ...] = ()  # ids of the role responsibilities it serves


@dataclass(frozen=True)
class Session:
    day: date
    capacity: int  # minutes the learner has that day
    parts: tuple[Part, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(part.minutes for part in self.parts)


@dataclass(frozen=True)
class Week:
    number: int  # 1 is the week the plan started in (weeks start on Monday)
    start: date  # that Monday
    kind: WeekKind = WeekKind.STUDY
    sessions: tuple[Session, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(session.minutes for session in self.sessions)

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(part for session in self.sessions for part in session.parts)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)


@dataclass(frozen=True)
class PlanRequest:
    """Everything the planner needs; levels maps competency id to a framework level id."""

    framework: Framework
    modules: tuple[Module, ...]
    levels: dict[str, str]  # a competency left out is "not assessed"
    hours_per_week: float
    study_days: tuple[int, ...]  # 0 = Monday ... 6 = Sunday
    start: date
    target: date | None = None
    completed: frozenset[str] = frozenset()  # module ids the learner has finished
    away_weeks: frozenset[date] = frozenset()  # Mondays of weeks with no study

    @property
    def weekly_minutes(self) -> int:
        return round(self.hours_per_week * 60)


@dataclass(frozen=True)
class Uncovered:
    """A competency with a gap that no module closes (yet)."""

    competency: str
    title: str
    gap: int | None  # levels between the learner's and the target; None: not assessed
    reason: str  # plain words for the learner


@dataclass(frozen=True)
class Shortfall:
    """The target date cannot be met at this pace."""

    target: date
    ends: date | None  # None when the plan cannot end at all (no time, or past MAX_WEEKS)
    days_late: int
    hours_needed: float | None  # per week to finish by the target; None if no week is left


@dataclass(frozen=True)
class Plan:
    start: date
    weekly_minutes: int
    study_days: tuple[int, ...]
    weeks: tuple[Week, ...] = ()
    target: date | None = None
    order: tuple[str, ...] = ()  # competency ids, most important first
    not_assessed: tuple[str, ...] = ()  # planned as if starting from nothing
    uncovered: tuple[Uncovered, ...] = ()
    at_target: tuple[str, ...] = ()  # competencies with no gap: nothing planned
    already_done: tuple[str, ...] = ()  # module ids completed before this plan
    unplaced: tuple[str, ...] = ()  # module ids that did not fit (no time, or MAX_WEEKS)
    shortfall: Shortfall | None = None
    notices: tuple[str, ...] = ()  # honest sentences for the learner

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(part for week in self.weeks for part in week.parts)

    @property
    def ends(self) -> date | None:
        days = [s.day for w in self.weeks for s in w.sessions if s.parts]
        return max(days) if days else None

    def week_of(self, day: date) -> Week | None:
        return next((w for w in self.weeks if w.start <= day <= w.end), None)

    def milestones(self) -> tuple[tuple[date, Part], ...]:
        return tuple(
            (session.day, part)
            for week in self.weeks
            for session in week.sessions
            for part in session.parts
            if part.kind is StepKind.MILESTONE
        )


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
