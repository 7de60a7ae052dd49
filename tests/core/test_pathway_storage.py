"""The accepted pathway and its history of re-plans, in a real learner database file."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.core.pathway_helpers import START, request
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.codec import plan_from_json, plan_to_json
from zavmo_desktop.core.pathway.from_assessment import assessed_levels
from zavmo_desktop.core.pathway.model import monday_of
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.pathway.replan import replan
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.pathway_plans import PathwayRepository

WEEK_3 = monday_of(START) + timedelta(weeks=2)


def open_learner(data_dir: Path, bundled_content: Path) -> Learner:
    return Learner.open(data_dir, [bundled_content])


def test_a_plan_survives_json_exactly() -> None:
    pack = request()
    without_quantum = tuple(m for m in pack.modules if m.competency != "quantum-ml-awareness")
    plan = make_plan(request(target=START + timedelta(days=10), modules=without_quantum))
    assert plan.shortfall is not None and plan.uncovered and plan.notices
    assert plan_from_json(plan_to_json(plan)) == plan
    empty = make_plan(request(hours_per_week=0))
    assert plan_from_json(plan_to_json(empty)) == empty


def test_accepted_plan_ticks_and_replans_persist_across_restarts(
    data_dir: Path, bundled_content: Path
) -> None:
    learner = open_learner(data_dir, bundled_content)
    assert learner.pathway.current() is None
    first = make_plan(request())
    stored = learner.pathway.accept(first, "first")
    ticked = first.parts[0].key
    learner.pathway.set_done(stored.id, ticked, True)
    learner.pathway.set_done(stored.id, first.parts[1].key, True)
    learner.pathway.set_done(stored.id, first.parts[1].key, False)  # changed their mind
    learner.close()

    learner = open_learner(data_dir, bundled_content)  # a restart
    current = learner.pathway.current()
    assert current is not None and current.plan == first and current.reason == "first"
    done = learner.pathway.done(current.id)
    assert done == {ticked}
    second = replan(current.plan, done, request(start=WEEK_3), catch_up=True)
    accepted = learner.pathway.accept(second, "catch_up")
    assert learner.pathway.done(accepted.id) == {ticked}  # carried into the new plan
    learner.close()

    learner = open_learner(data_dir, bundled_content)
    history = learner.pathway.history()
    assert [h.reason for h in history] == ["catch_up", "first"]
    assert history[0].plan == second and history[0].superseded_at is None
    assert history[1].plan == first and history[1].superseded_at is not None
    assert history[0].replaces == history[1].id
    assert learner.pathway.done(history[1].id) == {ticked}  # the old plan's ticks stay too
    learner.close()


def test_only_one_plan_is_ever_current(tmp_path: Path) -> None:
    db = open_database(tmp_path / "learner.sqlite3")
    repository = PathwayRepository(db, lambda: datetime(2026, 12, 1, 9, 0))
    repository.accept(make_plan(request()), "first")
    repository.accept(make_plan(request(hours_per_week=3)), "new")
    assert len(repository.history()) == 2
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO pathway_plans (plan, reason, accepted_at) VALUES ('{}', 'new', 'x')"
        )
    with pytest.raises(ValueError, match="reason"):
        repository.accept(make_plan(request()), "because")
    current = repository.current()
    assert current is not None and current.plan.weekly_minutes == 180
    db.conn.close()


def test_the_plan_starts_from_the_latest_assessment(data_dir: Path, bundled_content: Path) -> None:
    learner = open_learner(data_dir, bundled_content)
    pack = learner.library.packs[0]
    first = learner.assessments.start_round(pack.manifest.id)
    learner.assessments.save_rating(first.id, "executive-communication", "aware")
    second = learner.assessments.start_round(pack.manifest.id)  # a reassessment
    learner.assessments.save_rating(second.id, "executive-communication", "expert")
    learner.assessments.save_rating(second.id, "organisational-leadership", "not_sure")
    latest = learner.assessments.latest(pack.manifest.id)
    assert latest is not None
    levels = assessed_levels(pack.framework, learner.assessments.answers(latest.id))
    assert levels == {"executive-communication": "expert"}  # not sure: not assessed
    plan = make_plan(request(levels=levels))
    assert "executive-communication" in plan.at_target
    assert "organisational-leadership" in plan.not_assessed
    learner.close()
