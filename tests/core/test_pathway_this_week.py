"""The words of the "This week" strip (core.pathway.this_week): a summary line and one line a
step with its day, time and tick; the week after the plan ends, and a plan not started yet."""

from __future__ import annotations

from datetime import timedelta

from tests.core.pathway_helpers import START, request
from zavmo_desktop.core.pathway.model import StepKind
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.pathway.this_week import step_lines, summary
from zavmo_desktop.core.pathway.view import minutes_text


def test_this_weeks_steps_with_their_days_minutes_and_ticks() -> None:
    plan = make_plan(request(hours_per_week=3))
    week = plan.week_of(START)
    assert week is not None
    first = week.parts[0]
    lines = step_lines(plan, frozenset({first.key}), START)
    assert len(lines) == len(week.parts)
    assert lines[0].text == f"Sat 5 Dec: {first.title}, {first.minutes} min (done)"
    assert lines[0].done and lines[0].tickable
    milestones = [line for line, part in zip(lines, week.parts, strict=True)
                  if part.kind is StepKind.MILESTONE]  # fmt: skip
    assert milestones and all(not m.tickable and not m.done for m in milestones)
    study = [p for p in week.parts if p.kind is not StepKind.MILESTONE]
    total = sum(p.minutes for p in study)
    assert summary(plan, frozenset({first.key}), START) == (
        f"This week (week 1): 1 of {len(study)} steps done, {minutes_text(first.minutes)} "
        f"of about {minutes_text(total)}."
    )


def test_before_the_plan_starts_it_gives_the_first_study_day() -> None:
    plan = make_plan(request(start=START + timedelta(days=10)))
    assert step_lines(plan, frozenset(), START) == []
    assert summary(plan, frozenset(), START) == (
        "This week: nothing is planned. Your next study day is Mon 14 Dec."
    )


def test_after_the_last_step_nothing_is_planned_and_nothing_is_invented() -> None:
    plan = make_plan(request())
    ends = plan.ends
    assert ends is not None
    later = ends + timedelta(days=30)
    assert summary(plan, frozenset(), later) == "This week: nothing is planned."
    assert step_lines(plan, frozenset(), later) == []
