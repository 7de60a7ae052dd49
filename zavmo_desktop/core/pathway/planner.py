"""The pathway planner: from the learner's gaps and hours to a week-by-week plan.

Pure and deterministic: the same request always gives the same plan. Everything it cannot
do is said in the plan (no time, no module yet, a target date it cannot meet) rather than
hidden or guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.pathway.finish import finish, merge
from zavmo_desktop.core.pathway.model import (
    MAX_HOURS_PER_WEEK,
    MAX_WEEKS,
    SELF_CHECK_EVERY_WEEKS,
    SELF_CHECK_MINUTES,
    Part,
    Plan,
    PlanRequest,
    Shortfall,
    Uncovered,
    Week,
    monday_of,
)
from zavmo_desktop.core.pathway.order import Need, in_study_order, modules_needed, needs
from zavmo_desktop.core.pathway.schedule import Calendar, Work, schedule
from zavmo_desktop.core.pathway.wording import notices


@dataclass(frozen=True)
class Progress:
    """What a re-plan carries over from the plan before (empty for a first plan)."""

    plan_start: date | None = None
    history: tuple[Week, ...] = ()  # weeks before the re-plan, with their done parts only
    kept: dict[date, tuple[Part, ...]] = field(default_factory=dict)  # done parts from today
    done_minutes: dict[str, int] = field(default_factory=dict)  # per module id
    last_number: dict[str, int] = field(default_factory=dict)  # per module id
    overdue: frozenset[str] = frozenset()  # module ids planned before today, not done
    catch_up: bool = False


def make_plan(request: PlanRequest, progress: Progress | None = None) -> Plan:
    _check(request)
    progress = progress or Progress()
    plan_start = progress.plan_start or request.start
    chosen = _what_to_study(request, progress)
    serves = {
        c.id: c.responsibilities for area in request.framework.areas for c in area.competencies
    }
    work = [_work(module, serves, progress) for module in in_study_order(chosen.modules)]
    catch_up = progress.catch_up and any(w.overdue and w.minutes for w in work)
    calendar = Calendar(
        plan_start,
        request.weekly_minutes,
        tuple(sorted(set(request.study_days))),
        request.away_weeks,
        monday_of(request.start) if catch_up else None,
        progress.kept,
    )
    total = sum(w.minutes for w in work)  # before schedule() uses the work up
    weeks, left = schedule(calendar, work, request.start)
    blocked = {w.module.competency for w in left}
    finished = finish(merge(progress.history, weeks), request.framework, blocked)
    plan = Plan(
        start=plan_start,
        weekly_minutes=request.weekly_minutes,
        study_days=calendar.study_days,
        weeks=finished,
        target=request.target,
        order=chosen.order,
        not_assessed=chosen.not_assessed,
        uncovered=chosen.uncovered,
        at_target=chosen.at_target,
        already_done=tuple(sorted(request.completed)),
        unplaced=tuple(w.module.id for w in left),
    )
    plan = replace(plan, shortfall=_shortfall(plan, request, progress, total))
    return replace(plan, notices=notices(plan, request))


def _check(request: PlanRequest) -> None:
    if not 0 <= request.hours_per_week <= MAX_HOURS_PER_WEEK:
        raise ValueError(f"hours per week must be from 0 to {MAX_HOURS_PER_WEEK}")
    if any(not 0 <= day <= 6 for day in request.study_days):
        raise ValueError("study days are 0 (Monday) to 6 (Sunday)")


@dataclass
class _Chosen:
    """The modules to study, most important first, and what the plan says about the rest."""

    order: tuple[str, ...] = ()  # competency ids
    modules: list[Module] = field(default_factory=list)
    at_target: tuple[str, ...] = ()
    uncovered: tuple[Uncovered, ...] = ()
    not_assessed: tuple[str, ...] = ()


def _what_to_study(request: PlanRequest, progress: Progress) -> _Chosen:
    by_competency: dict[str, list[Module]] = {}
    for module in request.modules:
        by_competency.setdefault(module.competency, []).append(module)
    done = request.completed | _fully_done(request, progress)  # a frozenset
    ranked = needs(request.framework, request.levels)
    chosen = _Chosen(order=tuple(n.competency.id for n in ranked))
    chosen.not_assessed = tuple(n.competency.id for n in ranked if n.current < 0)
    chosen.at_target = tuple(n.competency.id for n in ranked if n.gap == 0)
    uncovered = []
    for need in (n for n in ranked if n.gap > 0):
        own = by_competency.get(need.competency.id, [])
        modules = modules_needed(request.framework, need, own, done)
        if not modules:
            uncovered.append(_uncovered(need, own, done))
        chosen.modules += modules
    chosen.uncovered = tuple(uncovered)
    return chosen


def _fully_done(request: PlanRequest, progress: Progress) -> set[str]:
    return {m.id for m in request.modules if progress.done_minutes.get(m.id, 0) >= m.minutes}


def _uncovered(need: Need, own: list[Module], done: frozenset[str]) -> Uncovered:
    if not own:
        reason = "There is no module for it yet."
    elif all(m.id in done for m in own):
        reason = "You have finished its modules; no more are written yet."
    else:
        reason = "Its modules are at levels you already have; none goes further yet."
    gap = need.gap if need.current >= 0 else None
    return Uncovered(need.competency.id, need.competency.title, gap, reason)


def _work(module: Module, serves: dict[str, tuple[str, ...]], progress: Progress) -> Work:
    return Work(
        module,
        max(0, module.minutes - progress.done_minutes.get(module.id, 0)),
        serves.get(module.competency, ()),
        progress.last_number.get(module.id, 0) + 1,
        module.id in progress.overdue,
    )


def _shortfall(
    plan: Plan, request: PlanRequest, progress: Progress, minutes: int
) -> Shortfall | None:
    target = request.target
    ends = None if plan.unplaced else plan.ends
    if target is None or minutes == 0 or (ends is not None and ends <= target):
        return None
    late = (ends - target).days if ends else 0
    return Shortfall(target, ends, late, _hours_needed(request, progress, target, minutes))


def _hours_needed(
    request: PlanRequest, progress: Progress, target: date, minutes: int
) -> float | None:
    """The fewest hours a week (in half hours) that finish by the target: an estimate from
    the minutes and the study days before it, checked by planning with it."""
    days = sorted(set(request.study_days))
    study_days = [
        day
        for day in _days(request.start, target)
        if day.weekday() in days and monday_of(day) not in request.away_weeks
    ]
    if not study_days:
        return None
    checks = (target - request.start).days // (7 * SELF_CHECK_EVERY_WEEKS)
    total = minutes + SELF_CHECK_MINUTES * checks
    hours = math.ceil(total / len(study_days) * len(days) / 30) / 2
    trial = replace(request, target=None)
    for _ in range(8):  # short pieces and self-checks can need a little more
        if hours > MAX_HOURS_PER_WEEK:
            return None
        tried = make_plan(replace(trial, hours_per_week=hours), progress)
        if not tried.unplaced and tried.ends is not None and tried.ends <= target:
            return hours
        hours += 0.5
    return hours


def _days(first: date, last: date) -> list[date]:
    last = min(last, first + timedelta(weeks=MAX_WEEKS))
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
