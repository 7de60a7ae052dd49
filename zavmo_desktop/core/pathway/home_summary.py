"""What Home says about the current plan (no Qt): this week's focus, the next step, and how
far the learner is towards the next milestone.

Home is on the start path, so this reads only the stored plan: it never imports the planner.
Done means ticked on the Pathway screen, as there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zavmo_desktop.core.pathway.model import Part, Plan, StepKind, Week
from zavmo_desktop.core.pathway.view import minutes_text, part_text, short_date


@dataclass(frozen=True)
class WeekFocus:
    week: Week
    competencies: tuple[str, ...]  # ids, in the order the week first meets them
    steps: int
    done_steps: int
    minutes: int
    done_minutes: int


@dataclass(frozen=True)
class MilestoneProgress:
    milestone: Part
    day: date
    steps: int  # the competency's planned module parts
    done_steps: int


def study_parts(parts: tuple[Part, ...]) -> list[Part]:
    return [p for p in parts if p.kind is not StepKind.MILESTONE]


def week_focus(plan: Plan, done: frozenset[str], today: date) -> WeekFocus | None:
    week = plan.week_of(today)
    study = study_parts(week.parts) if week else []
    if week is None or not study:
        return None
    competencies = tuple(dict.fromkeys(p.competency for p in study if p.competency))
    finished = [p for p in study if p.key in done]
    return WeekFocus(
        week,
        competencies,
        len(study),
        len(finished),
        sum(p.minutes for p in study),
        sum(p.minutes for p in finished),
    )


def next_step(plan: Plan, done: frozenset[str]) -> tuple[date, Part] | None:
    """The earliest step not done yet: one left from an earlier day comes first."""
    for week in plan.weeks:
        for session in week.sessions:
            for part in study_parts(session.parts):
                if part.key not in done:
                    return session.day, part
    return None


def next_milestone_progress(plan: Plan, done: frozenset[str]) -> MilestoneProgress | None:
    """The first milestone whose steps are not all done, and how many of them are."""
    parts = plan.parts
    for day, milestone in plan.milestones():
        steps = [
            p for p in parts if p.kind is StepKind.MODULE and p.competency == milestone.competency
        ]
        finished = sum(1 for p in steps if p.key in done)
        if finished < len(steps):
            return MilestoneProgress(milestone, day, len(steps), finished)
    return None


def focus_text(focus: WeekFocus, titles: list[str]) -> str:
    steps = "1 step" if focus.steps == 1 else f"{focus.steps} steps"
    on = f" on {words_list(titles)}" if titles else ""
    return (
        f"Week {focus.week.number}: {steps}{on}, about {minutes_text(focus.minutes)}. "
        f"Done so far: {focus.done_steps} of {focus.steps} steps, "
        f"{minutes_text(focus.done_minutes)}."
    )


def words_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def next_step_text(day: date, part: Part, today: date) -> str:
    when = "today" if day == today else short_date(day)
    late = " (from an earlier day)" if day < today else ""
    return f"Next step, {when}{late}: {part_text(part)}."


def milestone_text(progress: MilestoneProgress) -> str:
    title = progress.milestone.title.removeprefix("Milestone: ")
    steps = "step" if progress.steps == 1 else "steps"
    return (
        f"{progress.done_steps} of {progress.steps} {steps} done towards: {title} milestone "
        f"({short_date(progress.day)})."
    )
