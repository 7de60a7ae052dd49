"""Re-planning after missed weeks, new hours or a new assessment (issue 11, items 6 and 7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tests.core.pathway_helpers import (
    START,
    bundled_pack,
    check_invariants,
    module_parts,
    request,
)
from zavmo_desktop.core.pathway.compare import Change, compare
from zavmo_desktop.core.pathway.model import Plan, StepKind, WeekKind, monday_of
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.pathway.replan import replan

WEEK_3 = monday_of(START) + timedelta(weeks=2)


def first_plan() -> Plan:
    return make_plan(request())


def keys_before(plan: Plan, day: date, count: int) -> frozenset[str]:
    """The first `count` module parts planned before `day`: what the learner ticked."""
    parts = [p for w in plan.weeks for s in w.sessions if s.day < day for p in s.parts]
    return frozenset([p.key for p in parts if p.kind is StepKind.MODULE][:count])


def where(plan: Plan, key: str) -> date:
    return next(s.day for w in plan.weeks for s in w.sessions for p in s.parts if p.key == key)


def test_after_two_missed_weeks_done_work_stays_and_the_rest_moves_on() -> None:
    old = first_plan()
    done = keys_before(old, monday_of(START) + timedelta(weeks=1), 1)  # week 1: one part
    req = request(start=WEEK_3)  # weeks 2 and 3's first days missed: re-plan on Monday of 3
    new = replan(old, done, req)
    check_invariants(new, req, done)
    for key in done:
        assert where(new, key) == where(old, key)  # never rescheduled
    assert new.start == old.start and new.weeks[0].number == 1  # numbering goes on
    missed = [p for w in new.weeks for s in w.sessions if s.day < WEEK_3 for p in s.parts]
    assert {p.key for p in missed if p.kind is StepKind.MODULE} == done  # no overdue marks
    assert all(s.day >= WEEK_3 for w in new.weeks for s in w.sessions for p in s.parts
               if p.key not in done and p.kind is StepKind.MODULE)  # fmt: skip
    comparison = compare(old, new, done)
    assert comparison.new_ends is not None and comparison.old_ends is not None
    assert comparison.new_ends > comparison.old_ends
    assert {m.change for m in comparison.moved()} <= {Change.LATER, Change.DONE}
    assert any(m.change is Change.LATER for m in comparison.moves)


def test_a_half_done_module_keeps_its_done_part_and_plans_only_the_rest() -> None:
    old = make_plan(request(hours_per_week=1))  # 20-minute sessions: modules in pieces
    first = module_parts(old, "board-storytelling")
    assert len(first) > 1
    done = frozenset({first[0].key})
    req = request(hours_per_week=1, start=where(old, first[0].key) + timedelta(days=1))
    new = replan(old, done, req)
    check_invariants(new, req, done)
    parts = module_parts(new, "board-storytelling")
    assert parts[0] == replace(first[0], of=len(parts))
    assert sum(p.minutes for p in parts) == 30


def test_more_hours_bring_the_end_closer() -> None:
    old = first_plan()
    req = request(start=WEEK_3, hours_per_week=4)
    new = replan(old, frozenset(), req)
    check_invariants(new, req)
    comparison = compare(old, new)
    assert comparison.new_weekly_minutes == 240 and comparison.old_weekly_minutes == 90
    slower = compare(old, replan(old, frozenset(), request(start=WEEK_3)))
    assert comparison.new_ends is not None and slower.new_ends is not None
    assert comparison.new_ends < slower.new_ends


def test_a_new_assessment_drops_what_is_no_longer_needed_and_keeps_what_is_done() -> None:
    old = first_plan()
    done = keys_before(old, WEEK_3, 1)
    done_module = next(p.module_id for p in old.parts if p.key in done)
    levels = {"organisational-leadership": "expert", "mlops-strategy": "expert"}
    req = request(start=WEEK_3, levels=levels)
    new = replan(old, done, req)
    check_invariants(new, req, done)
    changes = {m.module_id: m.change for m in compare(old, new, done).moves}
    assert changes["leading-ml-teams"] is Change.DROPPED
    assert changes["mlops-platform-strategy"] is Change.DROPPED
    assert done_module not in ("leading-ml-teams", "mlops-platform-strategy")
    assert all(where(new, key) == where(old, key) for key in done)


def test_a_module_finished_early_stays_where_it_was_planned() -> None:
    old = first_plan()
    late = module_parts(old, "responsible-ai-leadership")
    req = request(
        start=WEEK_3 - timedelta(weeks=1), completed=frozenset({"responsible-ai-leadership"})
    )
    new = replan(old, frozenset(), req)
    assert module_parts(new, "responsible-ai-leadership") == late  # kept, on its own days
    change = {m.module_id: m.change for m in compare(old, new, completed=req.completed).moves}
    assert change["responsible-ai-leadership"] is Change.DONE


def test_a_catch_up_week_holds_only_what_was_missed() -> None:
    old = first_plan()
    req = request(start=WEEK_3)
    missed = {p.module_id for w in old.weeks for s in w.sessions if s.day < WEEK_3
              for p in s.parts if p.kind is StepKind.MODULE}  # fmt: skip
    new = replan(old, frozenset(), req, catch_up=True)
    check_invariants(new, req)
    week = new.week_of(WEEK_3)
    assert week is not None and week.kind is WeekKind.CATCH_UP
    assert {p.module_id for p in week.parts if p.module_id} <= missed
    assert week.minutes > 0
    plain = replan(old, frozenset(), req)
    assert plain.week_of(WEEK_3).kind is WeekKind.STUDY  # type: ignore[union-attr]


def test_nothing_missed_means_no_catch_up_week() -> None:
    old = first_plan()
    done = frozenset(p.key for w in old.weeks for s in w.sessions if s.day < WEEK_3
                     for p in s.parts)  # fmt: skip
    new = replan(old, done, request(start=WEEK_3), catch_up=True)
    assert all(w.kind is WeekKind.STUDY for w in new.weeks)


def test_a_replan_of_a_replan_keeps_the_first_done_work() -> None:
    old = first_plan()
    done = keys_before(old, WEEK_3, 2)
    second = replan(old, done, request(start=WEEK_3))
    later = WEEK_3 + timedelta(weeks=2)
    third = replan(second, done, request(start=later, hours_per_week=3))
    check_invariants(third, request(hours_per_week=3), done)
    assert all(where(third, key) == where(old, key) for key in done)
    assert bundled_pack().modules  # the real pack throughout


def test_a_self_check_ticked_early_is_kept_and_not_planned_twice() -> None:
    old = first_plan()
    check = next(p for p in old.parts if p.kind is StepKind.SELF_CHECK)
    day = where(old, check.key)
    new = replan(old, frozenset({check.key}), request(start=day - timedelta(days=2)))
    assert [p.key for p in new.parts].count(check.key) == 1
    assert where(new, check.key) == day
