"""The Pathway screen's words about a plan (core.pathway.view)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from tests.core.pathway_helpers import START, request
from zavmo_desktop.core.pathway.compare import compare
from zavmo_desktop.core.pathway.model import monday_of
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.pathway.replan import replan
from zavmo_desktop.core.pathway.view import (
    coming_next,
    minutes_text,
    move_line,
    next_milestone,
    part_text,
    serves_text,
    week_rows,
)


def test_a_week_in_words_title_then_one_row_a_step() -> None:
    plan = make_plan(request(hours_per_week=1))
    week = plan.weeks[1]
    rows = week_rows(week, frozenset({week.parts[0].key}), START)
    assert rows[0] == (
        f"Week 2 (7 Dec to Sun 13 Dec): {minutes_text(week.minutes)}, "
        f"{week.parts[0].minutes} min of it done",
        True,
    )
    assert rows[1][0].endswith("(done)") and not rows[1][1]
    assert len(rows) == 1 + len(week.parts)
    split = next(p for p in plan.parts if p.of > 1)
    assert f"(part {split.number} of {split.of})" in part_text(split)


def test_a_missed_week_says_nothing_was_done_without_blame() -> None:
    old = make_plan(request())
    later = monday_of(START) + timedelta(weeks=2)
    new = replan(old, frozenset(), request(start=later))
    missed = new.weeks[1]
    assert week_rows(missed, frozenset(), later) == [
        ("Week 2 (7 Dec to Sun 13 Dec): nothing done this week.", True)
    ]
    lines = [move_line(m) for m in compare(old, new).moved()]
    assert any("moves from week 1 to week 3" in line for line in lines)
    assert not any("overdue" in line for line in lines)


def test_what_comes_next_and_the_next_milestone() -> None:
    plan = make_plan(request())
    steps = coming_next(plan, frozenset(), START)
    assert len(steps) == 3 and steps[0].startswith("Mon 7 Dec: ")
    assert next_milestone(plan, START).startswith("Next milestone: Executive communication")
    assert next_milestone(plan, START + timedelta(weeks=50)) == "No milestone is left in this plan."


def test_a_step_says_which_responsibilities_it_serves_in_the_packs_words() -> None:
    req = request()
    plan = make_plan(req)
    board = next(p for p in plan.parts if p.module_id == "board-storytelling")
    assert board.responsibilities  # the bundled framework links every competency
    text = serves_text(board, req.framework)
    for responsibility_id in board.responsibilities:
        responsibility = req.framework.responsibility(responsibility_id)
        assert responsibility is not None and responsibility.title in text
    alone = serves_text(replace(board, responsibilities=()), req.framework)
    assert not alone.startswith("Serves:")


def test_a_step_names_the_measures_of_the_role_its_competency_moves() -> None:
    req = request()
    board = next(p for p in make_plan(req).parts if p.module_id == "board-storytelling")
    metrics = req.framework.metrics_of(board.competency)
    assert [m.id for m in metrics] == [
        "business-value",
        "strategic-influence",
        "external-representation",
    ]
    moves = serves_text(board, req.framework).splitlines()[-1]
    assert moves == (
        "Moves: Business value from ML; Influence on company strategy; "
        "Standing outside the company."
    )
    assert serves_text(replace(board, responsibilities=(), competency=""), req.framework) == ""
