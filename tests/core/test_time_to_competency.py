"""Time to competency (docs/assessment.md) over the real bundled framework and modules, with
the learner's completed modules read from their real database."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from zavmo_desktop.core.assessment.estimate import (
    CompetencyEstimate,
    OverallEstimate,
    duration,
    estimate_all,
    weeks_for,
)
from zavmo_desktop.core.assessment.heat_map import heat_map
from zavmo_desktop.core.assessment.model import NOT_SURE, CompetencyAnswer
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.learner import Learner

EXEC = "executive-communication"
BOARD = "board-storytelling"  # the executive-communication module: Practising, 30 minutes


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def framework_of(learner: Learner) -> Framework:
    return learner.library.packs[0].framework


def estimates(
    learner: Learner,
    ratings: dict[str, str],
    hours: float | None = 2,
    leave_out: str | None = None,
) -> tuple[dict[str, CompetencyEstimate], OverallEstimate]:
    """Estimates over the bundled modules, without those of competency `leave_out`."""
    framework = framework_of(learner)
    answers = {cid: CompetencyAnswer(cid, rating) for cid, rating in ratings.items()}
    completed = {m for m, p in learner.progress.all().items() if p.complete}
    modules = [m for m in learner.library.modules if m.competency != leave_out]
    each, overall = estimate_all(framework, heat_map(framework, answers), modules, completed, hours)
    return {e.competency_id: e for e in each}, overall


def test_the_bundled_board_module_is_what_this_test_expects(learner: Learner) -> None:
    board = learner.module(BOARD)
    assert board is not None
    assert (board.competency, board.level, board.minutes) == (EXEC, "practising", 30)


def test_a_gap_counts_the_modules_above_the_current_level(learner: Learner) -> None:
    each, _ = estimates(learner, {EXEC: "aware"})
    shown = each[EXEC]
    assert (shown.minutes, shown.module_ids, shown.reaches_target) == (30, (BOARD,), False)
    assert shown.words == (
        "30 minutes: 1 module. The modules so far go up to Practising; the target is Expert, "
        "so it will take longer than this."
    )


def test_no_module_beyond_the_current_level_gives_no_number(learner: Learner) -> None:
    each, _ = estimates(learner, {EXEC: "practising"})
    assert each[EXEC].minutes is None
    assert each[EXEC].words == "No module yet goes beyond Practising, so there is no estimate."


def test_a_competency_without_a_module_says_so_and_has_no_number(learner: Learner) -> None:
    each, _ = estimates(learner, {"strategic-thinking": "aware"}, leave_out="strategic-thinking")
    assert each["strategic-thinking"].minutes is None
    assert "There is no module for this competency yet" in each["strategic-thinking"].words


def test_not_sure_counts_from_the_lowest_level_and_says_so(learner: Learner) -> None:
    each, _ = estimates(learner, {EXEC: NOT_SURE})
    assert each[EXEC].minutes == 30 and each[EXEC].assumed_start
    assert "Your level is not known yet, so this counts from the lowest level." in each[EXEC].words


def test_at_target_is_nothing_to_study(learner: Learner) -> None:
    ratings = {EXEC: "expert", "strategic-thinking": "expert"}
    each, _ = estimates(learner, ratings, leave_out="strategic-thinking")
    assert (each[EXEC].minutes, each[EXEC].module_ids) == (0, ())
    assert each["strategic-thinking"].minutes == 0  # no module, but nothing is needed
    assert each[EXEC].words == "At target: nothing to study."


def test_a_completed_module_is_not_counted_again(learner: Learner) -> None:
    learner.progress.set_complete(BOARD, True)
    each, _ = estimates(learner, {EXEC: "aware"})
    assert each[EXEC].minutes == 0 and each[EXEC].module_ids == ()
    assert each[EXEC].words.startswith("You have finished the modules there are for this")


def test_overall_adds_each_module_once_over_the_weekly_hours(learner: Learner) -> None:
    framework = framework_of(learner)
    everyone = {c.id: "aware" for a in framework.areas for c in a.competencies}
    quantum = "quantum-ml-awareness"  # every competency has a module: leave one out
    each, overall = estimates(learner, everyone, hours=1.5, leave_out=quantum)
    counted = [m for m in learner.library.modules if m.level != "aware" and m.competency != quantum]
    total = sum(m.minutes for m in counted)
    assert overall.minutes == total == sum(e.minutes or 0 for e in each.values())
    assert overall.weeks == math.ceil(total / 90)
    assert overall.without_module == (each[quantum].title,)
    assert overall.words == (
        f"{duration(total)} of study: about {math.ceil(total / 90)} weeks at 1.5 hours a week."
        " Not counted: 1 competency with no module yet for the levels still to go."
    )
    _, whole = estimates(learner, everyone, hours=1.5)
    assert whole.without_module == () and "Not counted" not in whole.words


def test_zero_hours_a_week_says_so_and_divides_by_nothing(learner: Learner) -> None:
    framework = framework_of(learner)
    ratings = {c.id: "expert" for a in framework.areas for c in a.competencies}
    ratings[EXEC] = "aware"
    _, overall = estimates(learner, ratings, hours=0)
    assert overall.minutes == 30 and overall.weeks is None
    assert "With 0 hours a week there is no time to study" in overall.words
    _, unset = estimates(learner, ratings, hours=None)
    assert unset.words.endswith("Set your hours per week to see how many weeks that is.")


def test_levels_not_known_are_counted_from_the_lowest_and_the_total_says_so(
    learner: Learner,
) -> None:
    each, overall = estimates(learner, {EXEC: NOT_SURE}, hours=1)  # the rest not assessed
    counted = [e for e in each.values() if e.minutes]
    assert counted and all(e.assumed_start for e in counted)
    assert f"{len(counted)} of them are counted from the lowest level" in overall.words


def test_durations_and_weeks_in_words() -> None:
    assert [duration(m) for m in (0, 1, 45, 60, 61, 135)] == [
        "0 minutes",
        "1 minute",
        "45 minutes",
        "1 hour",
        "1 hour 1 minute",
        "2 hours 15 minutes",
    ]
    assert [weeks_for(121, h) for h in (2, 1, 0, -1, None)] == [2, 3, None, None, None]
