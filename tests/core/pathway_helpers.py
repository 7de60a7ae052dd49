"""The bundled pack, requests and the invariants every plan must keep, for the pathway tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Module, Pack
from zavmo_desktop.core.pathway.model import Part, Plan, PlanRequest, StepKind, WeekKind

BUNDLED = Path(__file__).resolve().parents[2] / "content"
START = date(2026, 12, 3)  # a Thursday: the first week is a short one
DAYS = (0, 2, 5)  # Monday, Wednesday, Saturday


def bundled_pack() -> Pack:
    pack, problems = load_pack(BUNDLED)
    assert pack is not None and not [p for p in problems if not p.warning], problems
    return pack


def request(pack: Pack | None = None, **changes: object) -> PlanRequest:
    pack = pack or bundled_pack()
    base = PlanRequest(pack.framework, pack.modules, {}, 1.5, DAYS, START)
    return replace(base, **changes)  # type: ignore[arg-type]


def many_modules(pack: Pack, count: int) -> tuple[Module, ...]:
    """`count` modules spread over every competency, each after the one before it in its
    competency, and some after a module of another competency."""
    competencies = [c.id for area in pack.framework.areas for c in area.competencies]
    levels = [level.id for level in pack.framework.levels]
    made: list[Module] = []
    template = pack.modules[0]
    for number in range(count):
        competency = competencies[number % len(competencies)]
        before = [m.id for m in made if m.competency == competency][-1:]
        if number % 7 == 0 and made:
            before.append(made[(number * 13) % len(made)].id)
        made.append(
            replace(
                template,
                id=f"generated-{number:03d}",
                title=f"Generated module {number}",
                competency=competency,
                minutes=10 + (number * 37) % 110,
                level=levels[1 + number % (len(levels) - 1)],
                order=number,
                prerequisites=tuple(dict.fromkeys(before)),
            )
        )
    return tuple(made)


def position(plan: Plan) -> dict[str, int]:
    """Each part's place in the plan, first to last."""
    return {part.key: n for n, part in enumerate(plan.parts)}


def module_parts(plan: Plan, module_id: str) -> list[Part]:
    return [p for p in plan.parts if p.kind is StepKind.MODULE and p.module_id == module_id]


def check_invariants(plan: Plan, req: PlanRequest, done: frozenset[str] = frozenset()) -> None:
    """What every plan keeps: weeks never overfull, study days only, whole modules,
    prerequisites first, milestones last, parts linked to their responsibilities."""
    modules = {m.id: m for m in req.modules}
    keys = [p.key for p in plan.parts]
    assert len(keys) == len(set(keys)), "a part key twice"
    for week in plan.weeks:
        planned = sum(p.minutes for p in week.parts if p.key not in done)
        assert planned <= plan.weekly_minutes, f"week {week.number} is overfull"
        for session in week.sessions:
            assert week.start <= session.day <= week.end
            assert session.minutes - sum(p.minutes for p in session.parts if p.key in done) <= (
                session.capacity
            ), f"{session.day} is overfull"
            if any(p.key not in done for p in session.parts):
                assert session.day.weekday() in plan.study_days
                assert week.kind is not WeekKind.AWAY
    places = position(plan)
    for module_id in {p.module_id for p in plan.parts if p.kind is StepKind.MODULE}:
        parts = module_parts(plan, module_id)
        module = modules[module_id]
        assert sum(p.minutes for p in parts) == module.minutes, module_id
        assert [p.number for p in parts] == list(range(1, len(parts) + 1)), module_id
        assert all(p.of == len(parts) for p in parts)
        assert all(p.minutes >= min(10, module.minutes) or p.key in done for p in parts)
        for prerequisite in module.prerequisites:
            before = module_parts(plan, prerequisite)
            if before:
                assert places[before[-1].key] < places[parts[0].key], (prerequisite, module_id)
        competency = req.framework.competency(module.competency)
        assert competency is not None
        assert all(p.responsibilities == competency.responsibilities for p in parts)
    parts = plan.parts
    for _, milestone in plan.milestones():
        last = [p for p in parts if p.competency == milestone.competency]
        assert last[-1] == milestone, f"the milestone of {milestone.competency} is not last"
        between = parts[places[last[-2].key] + 1 : places[milestone.key]]
        assert all(p.kind is StepKind.MILESTONE for p in between), "right after its last step"
