"""What the "This week" strip says (no Qt): one summary line and one line a step, with its
day, its time estimate and whether it is ticked. The same stored plan as Home's section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zavmo_desktop.core.pathway.home_summary import week_focus
from zavmo_desktop.core.pathway.model import Plan, StepKind, WeekKind
from zavmo_desktop.core.pathway.view import minutes_text, part_text, short_date

NO_PLAN = "No plan yet: create your pathway in Pathway."


@dataclass(frozen=True)
class StepLine:
    text: str
    done: bool
    tickable: bool  # a milestone is reached, not ticked


def step_lines(plan: Plan, done: frozenset[str], today: date) -> list[StepLine]:
    week = plan.week_of(today)
    lines = []
    for session in week.sessions if week else ():
        for part in session.parts:
            tickable = part.kind is not StepKind.MILESTONE
            ticked = tickable and part.key in done
            text = f"{short_date(session.day)}: {part_text(part)}"
            lines.append(StepLine(text + (" (done)" if ticked else ""), ticked, tickable))
    return lines


def summary(plan: Plan, done: frozenset[str], today: date) -> str:
    focus = week_focus(plan, done, today)
    if focus is None:
        return f"This week: nothing is planned.{_starts(plan, today)}"
    steps = "1 step" if focus.steps == 1 else f"{focus.steps} steps"
    catch_up = ", a catch-up week" if focus.week.kind is WeekKind.CATCH_UP else ""
    return (
        f"This week (week {focus.week.number}{catch_up}): {focus.done_steps} of {steps} done, "
        f"{minutes_text(focus.done_minutes)} of about {minutes_text(focus.minutes)}."
    )


def _starts(plan: Plan, today: date) -> str:
    later = [s.day for w in plan.weeks for s in w.sessions if s.parts and s.day > today]
    return f" Your next study day is {short_date(min(later))}." if later else ""
