"""What the Pathway screen says about a plan, in words (no Qt): weeks, steps, what is next."""

from __future__ import annotations

from datetime import date

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.pathway.compare import Change, Comparison, Move
from zavmo_desktop.core.pathway.model import Part, Plan, StepKind, Week, WeekKind


def short_date(day: date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


def minutes_text(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def part_text(part: Part) -> str:
    if part.kind is StepKind.MILESTONE:
        return part.title
    piece = f" (part {part.number} of {part.of})" if part.of > 1 else ""
    return f"{part.title}{piece}, {minutes_text(part.minutes)}"


def serves_text(part: Part, framework: Framework) -> str:
    """Which of the role's responsibilities a step serves, and the measures of the role it
    moves, in the pack's words ("" if none)."""
    found = (framework.responsibility(r) for r in part.responsibilities)
    titles = [r.title for r in found if r is not None]
    metrics = [m.title for m in framework.metrics_of(part.competency)] if part.competency else []
    lines = [f"Serves: {'; '.join(titles)}." if titles else ""]
    lines.append(f"Moves: {'; '.join(metrics)}." if metrics else "")
    return "\n".join(line for line in lines if line)


def week_title(week: Week) -> str:
    span = f"{week.start.day} {week.start.strftime('%b')} to {short_date(week.end)}"
    kind = {WeekKind.CATCH_UP: ", catch-up week", WeekKind.AWAY: ", away"}.get(week.kind, "")
    return f"Week {week.number} ({span}){kind}"


def week_rows(week: Week, done: frozenset[str], today: date) -> list[tuple[str, bool]]:
    """The week's title line, then one line a step: (text, is the title)."""
    study = [p for p in week.parts if p.kind is not StepKind.MILESTONE]
    if not week.parts:
        said = "nothing done this week" if week.end < today else "nothing planned"
        return [(f"{week_title(week)}: {said}.", True)]
    finished = sum(p.minutes for p in study if p.key in done)
    total = sum(p.minutes for p in study)
    done_text = f", {minutes_text(finished)} of it done" if finished else ""
    rows = [(f"{week_title(week)}: {minutes_text(total)}{done_text}", True)]
    for session in week.sessions:
        for part in session.parts:
            tick = " (done)" if part.key in done else ""
            rows.append((f"{short_date(session.day)}: {part_text(part)}{tick}", False))
    return rows


def coming_next(plan: Plan, done: frozenset[str], today: date, count: int = 3) -> list[str]:
    """The next steps after this week, not done, with their days."""
    week = plan.week_of(today)
    after = week.end if week else today
    found = []
    for later in plan.weeks:
        for session in later.sessions:
            if session.day <= after:
                continue
            for part in session.parts:
                if part.key not in done and part.kind is not StepKind.MILESTONE:
                    found.append(f"{short_date(session.day)}: {part_text(part)}")
                    if len(found) == count:
                        return found
    return found


def next_milestone(plan: Plan, today: date) -> str:
    for day, part in plan.milestones():
        if day >= today:
            week = plan.week_of(day)
            number = f"week {week.number}, " if week else ""
            title = part.title.removeprefix("Milestone: ")
            return f"Next milestone: {title} ({number}{short_date(day)})."
    return "No milestone is left in this plan."


def move_line(move: Move) -> str:
    where = {
        Change.LATER: f"moves from week {move.old_week} to week {move.new_week}",
        Change.EARLIER: f"moves from week {move.old_week} to week {move.new_week}",
        Change.SAME: f"stays in week {move.new_week}",
        Change.ADDED: f"is new, in week {move.new_week}",
        Change.DROPPED: "is no longer needed",
        Change.DONE: "is done and stays where it is",
    }[move.change]
    return f"{move.title} {where}."


def comparison_summary(comparison: Comparison) -> str:
    old, new = comparison.old_ends, comparison.new_ends
    ends = (
        f"Your current plan ends {short_date(old) if old else 'never'}; "
        f"the new one ends {short_date(new) if new else 'never'}."
    )
    hours = ""
    if comparison.old_weekly_minutes != comparison.new_weekly_minutes:
        hours = (
            f" Weekly time: {minutes_text(comparison.old_weekly_minutes)} now, "
            f"{minutes_text(comparison.new_weekly_minutes)} in the new plan."
        )
    return ends + hours
