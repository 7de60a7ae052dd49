"""Assessment rounds in the learner's real database: pause, restart, resume at the exact
question, change an answer, and reassess with every earlier round kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.core.assessment_packs import EXEC, scenario_pack
from zavmo_desktop.core.assessment.model import NOT_SURE, CompetencyAnswer, rate
from zavmo_desktop.core.assessment.steps import Step, resume_at
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.assessments import AssessmentRepository
from zavmo_desktop.core.storage.database import holds_learner_data, open_database

PACK = "director-ml-engineering"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return scenario_pack(tmp_path)


def reopen(data_dir: Path, pack: Path) -> Learner:
    learner = Learner.open(data_dir, [pack])
    assert learner.problems == []
    return learner


@pytest.fixture
def learner(data_dir: Path, pack: Path) -> Iterator[Learner]:
    opened = reopen(data_dir, pack)
    yield opened
    opened.close()


def test_pause_restart_and_resume_at_the_exact_question(data_dir: Path, pack: Path) -> None:
    first = reopen(data_dir, pack)
    started = first.assessments.start_round(PACK)
    first.assessments.save_rating(started.id, EXEC, "advanced")
    first.assessments.save_evidence(started.id, EXEC, "Presented the Q3 ML plan\nto the board.")
    first.assessments.save_scenario(started.id, EXEC, "cfo-asks-value", 1, "expert")
    first.assessments.set_resume(started.id, Step(EXEC, "board-pushback"))
    first.close()  # the app is closed mid-assessment

    again = reopen(data_dir, pack)
    try:
        latest = again.assessments.latest(PACK)
        assert latest is not None and latest.id == started.id and not latest.finished
        assert latest.resume == Step(EXEC, "board-pushback")
        framework = again.library.packs[0].framework
        answers = again.assessments.answers(latest.id)
        assert resume_at(framework, latest.resume, answers) == Step(EXEC, "board-pushback")
        assert answers[EXEC] == CompetencyAnswer(
            EXEC, "advanced", {"cfo-asks-value": "expert"}, "Presented the Q3 ML plan to the board."
        )
        assert again.assessments.scenario_choice(latest.id, EXEC, "cfo-asks-value") == 1
        assert again.assessments.scenario_choice(latest.id, EXEC, "board-pushback") is None
    finally:
        again.close()


def test_an_answer_changed_later_replaces_only_itself(learner: Learner) -> None:
    repo = learner.assessments
    round_ = repo.start_round(PACK)
    repo.save_evidence(round_.id, EXEC, "Ran the board update.")  # evidence before a rating
    assert repo.answers(round_.id)[EXEC].self_rating is None
    repo.save_rating(round_.id, EXEC, "expert")
    repo.save_scenario(round_.id, EXEC, "board-pushback", 0, "advanced")
    repo.save_rating(round_.id, EXEC, NOT_SURE)
    repo.save_scenario(round_.id, EXEC, "board-pushback", 2, "practising")
    saved = repo.answers(round_.id)[EXEC]
    assert saved == CompetencyAnswer(
        EXEC, NOT_SURE, {"board-pushback": "practising"}, "Ran the board update."
    )
    assert repo.scenario_choice(round_.id, EXEC, "board-pushback") == 2
    with pytest.raises(ValueError):
        repo.save_evidence(round_.id, EXEC, "x" * 501)
    assert repo.answers(round_.id)[EXEC].evidence == "Ran the board update."  # nothing lost


def test_reassessment_is_a_new_dated_round_and_the_old_one_stays(
    data_dir: Path, pack: Path
) -> None:
    learner = reopen(data_dir, pack)
    clock = iter(datetime(2026, 3, 1, 9) + timedelta(days=30 * n) for n in range(20))
    repo = AssessmentRepository(learner.assessments.db, now=lambda: next(clock))
    framework = learner.library.packs[0].framework
    exec_comp = framework.competency(EXEC)
    assert exec_comp is not None
    march = repo.start_round(PACK)
    repo.save_rating(march.id, EXEC, "practising")
    repo.finish(march.id)
    may = repo.start_round(PACK)
    repo.save_rating(may.id, EXEC, "advanced")
    learner.close()

    learner = reopen(data_dir, pack)
    try:
        history = learner.assessments.rounds(PACK)
        assert [r.id for r in history] == [march.id, may.id]
        assert history[0].finished and history[0].started_at.startswith("2026-03-01")
        assert not history[1].finished and history[1].started_at > history[0].finished_at  # type: ignore[operator]
        levels = [
            rate(framework, exec_comp, learner.assessments.answers(r.id).get(EXEC)).result
            for r in history
        ]
        assert levels == [2, 4]  # the progress Demonstrate will show
        assert learner.assessments.rounds("another-pack") == []
    finally:
        learner.close()


def test_finishing_twice_keeps_the_first_date(learner: Learner) -> None:
    clock = iter(datetime(2026, 3, 1, 9) + timedelta(hours=n) for n in range(5))
    repo = AssessmentRepository(learner.assessments.db, now=lambda: next(clock))
    round_ = repo.start_round(PACK)
    repo.finish(round_.id)
    repo.finish(round_.id)
    finished = repo.round(round_.id)
    assert finished is not None
    assert (finished.finished_at, finished.updated_at) == (
        "2026-03-01T10:00:00",
        "2026-03-01T11:00:00",
    )


def test_an_assessment_alone_is_learner_data_worth_a_backup(data_dir: Path) -> None:
    db = open_database(data_dir / DATABASE_NAME)
    try:
        assert not holds_learner_data(db.conn)
        AssessmentRepository(db).start_round(PACK)
        assert holds_learner_data(db.conn)
    finally:
        db.conn.close()


def test_deleting_a_round_takes_its_answers_with_it(learner: Learner, data_dir: Path) -> None:
    repo = learner.assessments
    round_ = repo.start_round(PACK)
    repo.save_rating(round_.id, EXEC, "aware")
    repo.save_scenario(round_.id, EXEC, "cfo-asks-value", 0, "aware")
    repo.db.execute("DELETE FROM assessment_rounds WHERE id = ?", [round_.id])
    assert repo.answers(round_.id) == {}
    with pytest.raises(sqlite3.IntegrityError):  # no answer without its round
        repo.save_rating(999, EXEC, "aware")
