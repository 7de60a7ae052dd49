"""Re-planning: a new plan from today that keeps every bit of done work where it was.

Done parts (ticked, or of a module the learner finished) stay on the day they were planned
for; only what is not done moves, from today on, and week numbers keep counting from the
first plan's start. Nothing is marked overdue: work planned before today and not done is
simply planned again, first in line, or in a catch-up week of its own if the learner
chooses one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from zavmo_desktop.core.pathway.model import Part, Plan, PlanRequest, Session, StepKind, Week
from zavmo_desktop.core.pathway.planner import Progress, make_plan


def replan(
    old: Plan, done: frozenset[str], request: PlanRequest, *, catch_up: bool = False
) -> Plan:
    """`request.start` is the day to plan from (today); `done` holds the ticked part keys."""
    carried = _Carried(done, request.completed, request.start)
    history = [carried.week(week) for week in old.weeks if week.start <= request.start]
    for week in old.weeks:
        if week.start > request.start:
            for session in week.sessions:
                carried.session(session)
    progress = Progress(
        plan_start=old.start,
        history=tuple(history),
        kept=carried.kept,
        done_minutes=carried.done_minutes,
        last_number=carried.last_number,
        overdue=frozenset(carried.overdue - request.completed),
        catch_up=catch_up,
    )
    return make_plan(request, progress)


@dataclass
class _Carried:
    """What the old plan hands on: its done parts, by day, and what was due and not done."""

    done: frozenset[str]
    completed: frozenset[str]
    today: date
    kept: dict[date, tuple[Part, ...]] = field(default_factory=dict)
    done_minutes: dict[str, int] = field(default_factory=dict)
    last_number: dict[str, int] = field(default_factory=dict)
    overdue: set[str] = field(default_factory=set)

    def is_done(self, part: Part) -> bool:
        if part.kind is StepKind.MODULE and part.module_id in self.completed:
            return True
        return part.kind is not StepKind.MILESTONE and part.key in self.done

    def week(self, week: Week) -> Week:
        """A week before today's, or today's: its days before today, done parts only."""
        kept = (self.session(session) for session in week.sessions)
        return replace(week, sessions=tuple(s for s in kept if s is not None))

    def session(self, session: Session) -> Session | None:
        parts = tuple(p for p in session.parts if self.is_done(p))
        for part in parts:
            if part.kind is StepKind.MODULE:
                module = part.module_id
                self.done_minutes[module] = self.done_minutes.get(module, 0) + part.minutes
                self.last_number[module] = max(self.last_number.get(module, 0), part.number)
        if session.day >= self.today:
            if parts:
                self.kept[session.day] = parts
            return None
        self.overdue.update(
            p.module_id for p in session.parts if p.kind is StepKind.MODULE and not self.is_done(p)
        )
        return replace(session, parts=parts) if parts else None
