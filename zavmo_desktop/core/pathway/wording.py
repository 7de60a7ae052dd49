"""The plan's honest sentences: what it could not do and why, in plain words."""

from __future__ import annotations

from datetime import date

from zavmo_desktop.core.pathway.model import MAX_WEEKS, Plan, PlanRequest


def long_date(day: date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"


def hours_text(hours: float) -> str:
    whole = int(hours)
    if hours == whole:
        return f"{whole} hour{'s' if whole != 1 else ''}"
    return f"{hours:g} hours"


def notices(plan: Plan, request: PlanRequest) -> tuple[str, ...]:
    said = []
    if request.weekly_minutes == 0:
        said.append(
            "With 0 hours a week there is no time to plan study into. "
            "Choose how many hours you have, even one."
        )
    elif not request.study_days:
        said.append("No study days are chosen. Choose the days of the week you can study.")
    if not plan.weeks and not plan.unplaced and not plan.uncovered:
        if len(plan.at_target) == len(plan.order):
            said.append("You are already at the target level in every competency.")
        else:
            said.append("Everything you need is done: there is nothing left to plan.")
    elif plan.unplaced and request.weekly_minutes and request.study_days:
        said.append(
            f"At this pace the plan would go on for more than {MAX_WEEKS // 52} years, "
            f"so {_count(len(plan.unplaced), 'module')} could not be placed yet."
        )
    if plan.uncovered:
        said.append(
            f"{_competencies(len(plan.uncovered), 'has', 'have')} a gap but no module "
            "to study yet; "
            "they are listed, and no time is guessed for them."
        )
    if plan.not_assessed:
        said.append(
            f"{_competencies(len(plan.not_assessed), 'is', 'are')} not assessed yet, so the plan "
            "covers all of their modules, as if you were starting from nothing."
        )
    said += _shortfall(plan)
    return tuple(said)


def _competencies(number: int, one: str, more: str) -> str:
    return f"1 competency {one}" if number == 1 else f"{number} competencies {more}"


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'' if number == 1 else 's'}"


def _shortfall(plan: Plan) -> list[str]:
    short = plan.shortfall
    if short is None:
        return []
    if short.ends is None:
        text = f"This plan cannot finish by your target date, {long_date(short.target)}."
    else:
        late = _count(short.days_late, "day")
        if short.days_late >= 14:
            late += f" (about {_count(round(short.days_late / 7), 'week')})"
        text = (
            f"This plan ends on {long_date(short.ends)}, {late} after your target date, "
            f"{long_date(short.target)}."
        )
    if short.hours_needed is not None:
        text += f" To finish by then you would need about {hours_text(short.hours_needed)} a week."
    else:
        text += " There are no study days left before it: choose a later date or more days."
    return [text]
