"""The career progression score and progress over time, on the bundled framework, from
answers, evidence and a plan stored through the app's own code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.portfolio_data import accept_plan, assess, at_targets, competency_ids, evidence, pack_of
from zavmo_desktop.core.assessment.model import CompetencyAnswer
from zavmo_desktop.core.content.models import Area, Competency, Criterion, Framework, Level
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.model import Part as PlanPart
from zavmo_desktop.core.pathway.model import Plan, Session, StepKind, Week, WeekKind
from zavmo_desktop.core.portfolio.progression import (
    planned_modules,
    progress_of,
    progression,
    progression_of,
    target_of,
)
from zavmo_desktop.core.portfolio.status import CriterionState, Status, criterion_ids


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


@pytest.fixture
def framework(learner: Learner) -> Framework:
    return pack_of(learner).framework


def test_with_nothing_done_the_score_is_0_and_the_pathway_is_not_counted(
    learner: Learner, framework: Framework
) -> None:
    result = progression_of(learner, framework)
    levels, criteria, pathway = result.parts
    assert result.score == 0
    assert levels.value == 0 and criteria.value == 0 and pathway.value is None
    assert levels.used_weight == pytest.approx(0.5) and criteria.used_weight == pytest.approx(0.5)
    words = result.explanation()
    assert words[2] == "Pathway modules finished: not counted, you have no pathway yet."
    count = len(competency_ids(framework))
    assert f"0 of {count} competencies at or above target" in words[0]
    assert f"{count} not assessed yet count 0" in words[0]
    assert words[-1] == "Score: 0 + 0 = 0 out of 100."


def test_everything_at_target_and_evidenced_with_nothing_left_to_plan_is_100(
    learner: Learner, framework: Framework
) -> None:
    targets = at_targets(framework)
    assess(learner, targets, date(2026, 11, 2))
    evidence(learner, "all", tuple(criterion_ids(framework)), met=True)
    accept_plan(learner, targets, date(2026, 11, 2))
    assert planned_modules(learner.pathway.current().plan) == {}  # type: ignore[union-attr]
    result = progression_of(learner, framework)
    assert result.score == 100
    assert [p.value for p in result.parts] == [1.0, 1.0, None]
    assert result.explanation()[-1] == "Score: 50 + 50 = 100 out of 100."


def test_the_three_parts_add_up_with_their_weights(learner: Learner, framework: Framework) -> None:
    ids = competency_ids(framework)
    first = framework.competency(ids[0])
    assert first is not None
    lowest = framework.levels[0].id
    levels = at_targets(framework) | {ids[0]: lowest}  # one competency at the lowest level
    assess(learner, levels, date(2026, 11, 2))
    criteria = criterion_ids(framework)
    evidence(learner, "half", tuple(criteria[: len(criteria) // 2]), met=True)
    evidence(learner, "tried", tuple(criteria[len(criteria) // 2 :]), met=False)  # only "some"
    accept_plan(learner, levels, date(2026, 11, 2))
    plan = learner.pathway.current()
    assert plan is not None
    modules = planned_modules(plan.plan)
    assert modules
    keys = next(iter(modules.values()))
    for key in keys:
        learner.pathway.set_done(plan.id, key, True)

    result = progression_of(learner, framework)
    levels_part, criteria_part, pathway_part = result.parts
    expected_levels = (len(ids) - 1 + 1 / target_of(framework, first)) / len(ids)
    assert levels_part.value == pytest.approx(expected_levels)
    assert criteria_part.value == pytest.approx((len(criteria) // 2) / len(criteria))
    assert pathway_part.value == pytest.approx(1 / len(modules))
    assert [p.used_weight for p in result.parts] == [0.4, 0.4, 0.2]
    points = [p.points for p in result.parts]
    assert result.score == round(sum(points))
    assert points[0] == pytest.approx(40 * expected_levels, abs=0.05)
    words = result.explanation()
    assert words[2].startswith("Pathway modules finished: weight 20%, value ")
    assert f"1 of {len(modules)} modules in your pathway finished" in words[2]
    assert words[-1].endswith(f"= {result.score} out of 100.")


def test_a_module_marked_complete_counts_as_finished(
    learner: Learner, framework: Framework
) -> None:
    levels = {cid: framework.levels[0].id for cid in competency_ids(framework)}
    assess(learner, levels, date(2026, 11, 2))
    accept_plan(learner, levels, date(2026, 11, 2))
    plan = learner.pathway.current()
    assert plan is not None
    module_id = next(iter(planned_modules(plan.plan)))
    before = progression_of(learner, framework).parts[2].value
    learner.set_complete(module_id, True)
    after = progression_of(learner, framework).parts[2].value
    assert before == 0 and after == pytest.approx(1 / len(planned_modules(plan.plan)))


def test_progress_over_time_has_a_point_for_each_round_oldest_first(
    learner: Learner, framework: Framework
) -> None:
    ids = competency_ids(framework)
    lowest = framework.levels[0].id
    assess(learner, {cid: lowest for cid in ids}, date(2026, 9, 1))
    learner.assessments.start_round(pack_of(learner).manifest.id)  # begun, nothing answered
    half = {cid: (at_targets(framework)[cid] if n % 2 else lowest) for n, cid in enumerate(ids)}
    assess(learner, half, date(2026, 11, 20))
    points = progress_of(learner, framework)
    assert [p.day for p in points] == [date(2026, 9, 1), date(2026, 11, 20)]
    first, second = points
    assert first.at_target == 0 and first.assessed == len(ids) == first.total
    assert second.at_target == len(ids) // 2
    assert second.share_at_target == pytest.approx((len(ids) // 2) / len(ids))
    gaps = [target_of(framework, c) - 1 for a in framework.areas for c in a.competencies]
    assert first.mean_gap == pytest.approx(sum(gaps) / len(gaps))
    assert second.mean_gap is not None and second.mean_gap < first.mean_gap


def test_with_no_assessment_there_is_no_point_in_time(
    learner: Learner, framework: Framework
) -> None:
    assert progress_of(learner, framework) == []


def small_framework() -> Framework:
    """docs/progression-score.md's worked example: three competencies, ten criteria."""
    levels = tuple(
        Level(i, i.title()) for i in ("aware", "practising", "proficient", "advanced", "expert")
    )

    def competency(cid: str, target: str, count: int) -> Competency:
        criteria = tuple(Criterion(f"{cid}{n}", "text") for n in range(1, count + 1))
        return Competency(cid, cid, target, "", criteria)

    area = Area(
        "a", "A", False, (competency("A", "expert", 4), competency("B", "advanced", 4),
                          competency("C", "proficient", 2))
    )  # fmt: skip
    return Framework(levels, (area,))


def test_the_documented_worked_example_gives_55_and_57_without_a_pathway() -> None:
    framework = small_framework()
    answers = {"A": CompetencyAnswer("A", "proficient"), "B": CompetencyAnswer("B", "advanced")}
    evidenced = {"A1", "A2", "B1", "B2", "B3", "C1"}
    states = {
        c: CriterionState(c, Status.EVIDENCED if c in evidenced else Status.NONE, (), (), None)
        for c in criterion_ids(framework)
    }
    day = date(2026, 11, 2)
    parts = tuple(
        PlanPart(f"module:{m}:{n}", StepKind.MODULE, m, 30, "A", m)
        for m, n in (("m1", 1), ("m1", 2), ("m2", 1), ("m3", 1), ("m4", 1))
    )
    week = Week(1, day, WeekKind.STUDY, (Session(day, 60, parts),))
    plan = Plan(day, 60, (0,), (week,))
    done = frozenset({"module:m1:1", "module:m1:2", "module:m2:1"})  # m1 whole, m2 whole
    result = progression(framework, answers, states, plan, done)
    assert [p.points for p in result.parts] == [21.3, 24.0, 10.0]
    assert result.score == 55
    assert result.explanation()[-1] == "Score: 21.3 + 24 + 10 = 55 out of 100."
    without = progression(framework, answers, states, None)
    assert [p.points for p in without.parts] == [26.7, 30.0, 0.0]
    assert without.score == 57
