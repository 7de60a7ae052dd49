"""The pathway planner on the bundled framework and modules (issue 11, item 6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.core.pathway_helpers import (
    DAYS,
    START,
    bundled_pack,
    check_invariants,
    many_modules,
    module_parts,
    position,
    request,
)
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.pathway.model import (
    SELF_CHECK_EVERY_WEEKS,
    SELF_CHECK_MINUTES,
    PlanRequest,
    StepKind,
    monday_of,
)
from zavmo_desktop.core.pathway.planner import make_plan

AT_TARGET = {
    c.id: c.target_level for area in bundled_pack().framework.areas for c in area.competencies
}
# responsible-ai-leadership's modules, one per concept, in the order the pack gives them
RAI_MODULES = [
    m.id
    for m in sorted(bundled_pack().modules, key=lambda m: m.order or 0)
    if m.competency == "responsible-ai-leadership"
]


def with_competency(framework: Framework, competency_id: str, **changes: object) -> Framework:
    areas = tuple(
        replace(
            area,
            competencies=tuple(
                replace(c, **changes) if c.id == competency_id else c  # type: ignore[arg-type]
                for c in area.competencies
            ),
        )
        for area in framework.areas
    )
    return replace(framework, areas=areas)


def first_parts(req: PlanRequest) -> list[str]:
    """The modules in the order the plan starts them."""
    return list(dict.fromkeys(p.module_id for p in make_plan(req).parts if p.module_id))


def test_a_first_plan_of_the_bundled_pack_keeps_every_rule() -> None:
    req = request()
    plan = make_plan(req)
    check_invariants(plan, req)
    assert {p.module_id for p in plan.parts if p.module_id} == {m.id for m in req.modules}
    assert plan.weeks[0].number == 1 and plan.weeks[0].start == monday_of(START)
    assert plan.weeks[0].sessions[0].day == date(2026, 12, 5)  # Thursday start: Saturday first
    assert [s.capacity for s in plan.weeks[1].sessions] == [30, 30, 30]  # 1.5 h over 3 days
    assert make_plan(req) == plan  # deterministic


def test_foundation_first_then_gap_then_priority() -> None:
    pack = bundled_pack()
    levels = dict(AT_TARGET)
    levels["strategic-problem-solving"] = "advanced"  # foundation, gap 1 ...
    levels["mlops-strategy"] = "aware"  # ... before a technical gap of 4
    del levels["responsible-ai-leadership"]  # not assessed: from below aware, gap 4
    pack = replace(pack, modules=tuple(replace(m, level=None) for m in pack.modules))
    framework = pack.framework
    for competency in ("mlops-strategy", "responsible-ai-leadership"):
        framework = with_competency(framework, competency, priority="medium")
    pack = replace(pack, framework=framework)
    order = first_parts(request(pack, levels=levels))
    # the same gap: technical comes before emerging in the framework
    assert order == ["model-incidents", "mlops-platform-strategy", *RAI_MODULES]
    levels["mlops-strategy"] = "practising"  # gap 3: now the smaller one
    order = first_parts(request(pack, levels=levels))
    assert order == ["model-incidents", *RAI_MODULES, "mlops-platform-strategy"]
    levels["responsible-ai-leadership"] = "aware"  # gap 3 as well
    order = first_parts(request(pack, levels=levels))
    assert order[1:] == ["mlops-platform-strategy", *RAI_MODULES]
    framework = with_competency(pack.framework, "responsible-ai-leadership", priority="high")
    order = first_parts(request(pack, framework=framework, levels=levels))
    assert order[1:] == [*RAI_MODULES, "mlops-platform-strategy"]


def test_a_prerequisite_is_pulled_forward_to_just_before_what_needs_it() -> None:
    levels = dict(AT_TARGET)
    levels["organisational-leadership"] = "aware"  # needs board-storytelling first
    levels["executive-communication"] = "aware"
    levels["mlops-strategy"] = "aware"  # not foundation: after both
    order = first_parts(request(levels=levels))
    assert order == ["board-storytelling", "leading-ml-teams", "mlops-platform-strategy"]


def test_each_step_serves_its_competencys_responsibilities() -> None:
    pack = bundled_pack()
    framework = with_competency(
        pack.framework, "executive-communication", responsibilities=("board-reporting",)
    )
    req = request(pack, framework=framework)
    plan = make_plan(req)
    check_invariants(plan, req)
    board = module_parts(plan, "board-storytelling")
    assert board and all(p.responsibilities == ("board-reporting",) for p in board)
    milestone = next(p for _, p in plan.milestones() if p.competency == "executive-communication")
    assert milestone.responsibilities == ("board-reporting",)


def test_a_long_module_is_split_across_sessions_and_no_piece_is_tiny() -> None:
    req = request(hours_per_week=1, study_days=(1, 3, 5))  # 20 minutes a session
    plan = make_plan(req)
    check_invariants(plan, req)
    parts = module_parts(plan, "leading-ml-teams")  # 45 minutes
    assert len(parts) >= 3 and {p.of for p in parts} == {len(parts)}
    assert len({(p.key) for p in parts}) == len(parts)
    assert all(p.minutes >= 10 for p in parts)


def test_a_self_check_ends_every_third_week_and_a_milestone_each_competency() -> None:
    req = request(hours_per_week=1)
    plan = make_plan(req)
    checks = [w for w in plan.weeks if any(p.kind is StepKind.SELF_CHECK for p in w.parts)]
    assert checks, "the plan is long enough for a self-check"
    assert all(w.number % SELF_CHECK_EVERY_WEEKS == 0 for w in checks)
    for week in checks:
        last = week.sessions[-1].parts
        assert last[-1].kind in (StepKind.SELF_CHECK, StepKind.MILESTONE)
        check = next(p for p in last if p.kind is StepKind.SELF_CHECK)
        assert check.minutes == SELF_CHECK_MINUTES
    planned = {p.competency for p in plan.parts if p.kind is StepKind.MODULE}
    assert {p.competency for _, p in plan.milestones()} == planned


def test_zero_hours_a_week_plans_nothing_and_says_so() -> None:
    plan = make_plan(request(hours_per_week=0, target=START + timedelta(weeks=8)))
    assert plan.weeks == ()
    assert set(plan.unplaced) == {m.id for m in bundled_pack().modules}
    assert any("0 hours a week" in n for n in plan.notices)
    assert plan.shortfall is not None and plan.shortfall.ends is None
    assert plan.shortfall.hours_needed is not None  # what would do it, honestly
    assert any("would need about" in n for n in plan.notices)


def test_no_study_days_plans_nothing_and_says_so() -> None:
    plan = make_plan(request(study_days=()))
    assert plan.weeks == () and plan.unplaced
    assert any("No study days" in n for n in plan.notices)


def test_everything_at_target_plans_nothing() -> None:
    plan = make_plan(request(levels=AT_TARGET, target=START + timedelta(weeks=1)))
    assert plan.weeks == () and plan.unplaced == () and plan.uncovered == ()
    assert len(plan.at_target) == len(AT_TARGET) and plan.shortfall is None
    assert plan.notices == ("You are already at the target level in every competency.",)


def test_a_competency_with_no_module_is_listed_and_no_time_is_guessed() -> None:
    # The bundled pack has (or will have) a module for every competency, so two are left out.
    without = ("strategic-thinking", "quantum-ml-awareness")
    modules = tuple(m for m in bundled_pack().modules if m.competency not in without)
    plan = make_plan(request(modules=modules, levels={"strategic-thinking": "aware"}))
    uncovered = {u.competency: u for u in plan.uncovered}
    thinking = uncovered["strategic-thinking"]
    assert thinking.gap == 4 and thinking.reason == "There is no module for it yet."
    assert uncovered["quantum-ml-awareness"].gap is None  # not assessed, and no module
    assert not [p for p in plan.parts if p.competency == "strategic-thinking"]
    assert "strategic-thinking" not in {p.competency for _, p in plan.milestones()}


def test_a_module_at_a_level_already_reached_is_left_out() -> None:
    levels = {"organisational-leadership": "proficient"}  # leading-ml-teams is proficient
    plan = make_plan(request(levels=levels))
    assert not module_parts(plan, "leading-ml-teams")
    reason = {u.competency: u.reason for u in plan.uncovered}["organisational-leadership"]
    assert "levels you already have" in reason
    plan = make_plan(request(levels={"organisational-leadership": "practising"}))
    assert module_parts(plan, "leading-ml-teams")


def test_not_assessed_is_planned_in_full_and_said() -> None:
    plan = make_plan(request(levels={"executive-communication": "aware"}))
    assert "executive-communication" not in plan.not_assessed
    assert "organisational-leadership" in plan.not_assessed
    assert module_parts(plan, "leading-ml-teams")
    assert any("not assessed yet" in n for n in plan.notices)


def test_completed_modules_are_not_planned_again() -> None:
    plan = make_plan(request(completed=frozenset({"board-storytelling"})))
    assert not module_parts(plan, "board-storytelling")
    assert plan.already_done == ("board-storytelling",)
    assert module_parts(plan, "leading-ml-teams")  # its prerequisite is done


def test_a_target_date_that_cannot_be_met_says_by_how_much_and_what_would_do_it() -> None:
    target = START + timedelta(days=10)
    req = request(target=target)
    plan = make_plan(req)
    short = plan.shortfall
    assert short is not None and plan.ends is not None
    assert short.ends == plan.ends and short.days_late == (plan.ends - target).days > 0
    assert short.hours_needed is not None
    faster = make_plan(replace(req, hours_per_week=short.hours_needed))
    assert faster.shortfall is None and faster.ends is not None and faster.ends <= target
    slower = make_plan(replace(req, hours_per_week=short.hours_needed - 0.5))
    assert slower.shortfall is not None  # the figure is the least that does it
    notice = next(n for n in plan.notices if "target date" in n)
    assert f"{short.days_late} day" in notice and "would need about" in notice


def test_a_target_date_that_is_met_is_not_mentioned() -> None:
    plan = make_plan(request(target=START + timedelta(weeks=52)))
    assert plan.shortfall is None and not any("target" in n for n in plan.notices)


def test_a_target_before_any_study_day_says_there_is_no_time() -> None:
    plan = make_plan(request(target=START))  # a Thursday, not a study day
    assert plan.shortfall is not None and plan.shortfall.hours_needed is None
    assert any("no study days left" in n for n in plan.notices)


def test_an_away_week_gets_no_study() -> None:
    away = monday_of(START) + timedelta(weeks=1)
    req = request(away_weeks=frozenset({away}))
    plan = make_plan(req)
    check_invariants(plan, req)
    week = plan.week_of(away)
    assert week is not None and week.parts == ()


def test_a_pack_with_500_modules() -> None:
    pack = bundled_pack()
    modules = many_modules(pack, 500)
    req = PlanRequest(pack.framework, modules, {}, 4, DAYS, START)
    plan = make_plan(req)
    check_invariants(plan, req)
    assert {p.module_id for p in plan.parts if p.module_id} == {m.id for m in modules}
    assert plan.unplaced == ()
    assert make_plan(req) == plan
    places = position(plan)
    foundation = {c.id for a in pack.framework.areas if a.foundation for c in a.competencies}
    first = min(places[p.key] for p in plan.parts if p.competency not in foundation and p.module_id)
    needed_by_later = {
        pre for m in modules if m.competency not in foundation for pre in m.prerequisites
    }
    early = [p for p in plan.parts[:first] if p.module_id]
    assert all(p.competency in foundation or p.module_id in needed_by_later for p in early)


def test_a_very_slow_pace_stops_at_ten_years_and_says_so() -> None:
    pack = bundled_pack()
    req = PlanRequest(pack.framework, many_modules(pack, 500), {}, 0.25, (6,), START)
    plan = make_plan(req)
    assert plan.unplaced and len(plan.weeks) <= 520
    assert any("more than 10 years" in n and "could not be placed" in n for n in plan.notices)


@pytest.mark.parametrize("hours", [-1, 81])
def test_impossible_hours_are_refused(hours: float) -> None:
    with pytest.raises(ValueError, match="hours per week"):
        make_plan(request(hours_per_week=hours))
