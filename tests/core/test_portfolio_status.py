"""Criterion states and readiness on the real bundled framework, from stored evidence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.readiness import Readiness, readiness
from zavmo_desktop.core.portfolio.status import Status, criterion_ids, criterion_states
from zavmo_desktop.core.storage.evidence import NewEvidence


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def framework_of(learner: Learner) -> Framework:
    return learner.library.packs[0].framework


def save(learner: Learner, source: str, criteria: tuple[str, ...], met: bool | None) -> int:
    return learner.evidence.save(
        NewEvidence("learner_text", source, "", "", source, "text", criteria, met=met),
        who="learner",
    )


def first_competency_criteria(framework: Framework) -> list[str]:
    return [c.id for c in framework.areas[0].competencies[0].criteria]


def test_with_nothing_stored_every_criterion_has_no_evidence(learner: Learner) -> None:
    framework = framework_of(learner)
    states = learner.portfolio.states(framework)
    assert list(states) == criterion_ids(framework) and len(states) > 3
    assert {s.status for s in states.values()} == {Status.NONE}
    per_competency, overall = learner.portfolio.readiness(framework)
    assert overall == Readiness(0, len(states)) and overall.share == 0
    assert set(per_competency) == {c.id for a in framework.areas for c in a.competencies}


def test_each_rule_gives_its_status(learner: Learner) -> None:
    framework = framework_of(learner)
    first, second, third, fourth = criterion_ids(framework)[:4]
    unmet = save(learner, "unmet", (first, second), met=False)
    no_threshold = save(learner, "recall", (second,), met=None)
    met = save(learner, "met", (third,), met=True)
    learner.portfolio.sign_offs.record(fourth, "Grace Hopper", "2026-12-01", "Seen it")
    states = learner.portfolio.states(framework)
    assert states[first].status is Status.SOME and states[first].items == (unmet,)
    assert states[second].items == (unmet, no_threshold) and states[second].met_items == ()
    assert states[second].status is Status.SOME
    assert states[third].status is Status.EVIDENCED and states[third].met_items == (met,)
    assert states[fourth].status is Status.VERIFIED and states[fourth].items == ()
    assert states[fourth].sign_off is not None
    assert states[fourth].sign_off.assessor == "Grace Hopper"
    assert str(Status.SOME) == "some evidence"


def test_a_withdrawn_sign_off_no_longer_verifies(learner: Learner) -> None:
    framework = framework_of(learner)
    criterion = criterion_ids(framework)[0]
    sign_off = learner.portfolio.sign_offs.record(criterion, "Grace", "2026-12-01")
    learner.portfolio.sign_offs.withdraw(sign_off.id)
    assert learner.portfolio.states(framework)[criterion].status is Status.NONE


def test_unmapping_the_met_item_takes_the_criterion_back(learner: Learner) -> None:
    framework = framework_of(learner)
    criterion = criterion_ids(framework)[0]
    item = save(learner, "met", (criterion,), met=True)
    assert learner.portfolio.states(framework)[criterion].status is Status.EVIDENCED
    learner.evidence.unmap(item, criterion)
    assert learner.portfolio.states(framework)[criterion].status is Status.NONE


def test_readiness_counts_evidenced_and_verified_per_competency(learner: Learner) -> None:
    framework = framework_of(learner)
    competency = framework.areas[0].competencies[0]
    criteria = first_competency_criteria(framework)
    save(learner, "met", (criteria[0], "NOT-A-CRITERION"), met=True)
    save(learner, "some", tuple(criteria), met=False)
    learner.portfolio.sign_offs.record(criteria[-1], "Grace", "2026-12-01")
    per_competency, overall = learner.portfolio.readiness(framework)
    assert per_competency[competency.id] == Readiness(2, len(criteria))
    assert overall == Readiness(2, len(criterion_ids(framework)))
    assert 0 < overall.share < per_competency[competency.id].share <= 1


def test_states_ignore_items_and_sign_offs_for_other_criteria(learner: Learner) -> None:
    framework = framework_of(learner)
    save(learner, "elsewhere", ("NOT-A-CRITERION",), met=True)
    learner.portfolio.sign_offs.record("NOT-A-CRITERION", "Grace", "2026-12-01")
    states = criterion_states(
        framework, learner.evidence.all(), learner.portfolio.active_sign_offs()
    )
    assert "NOT-A-CRITERION" not in states
    assert readiness(framework, states)[1].evidenced == 0


def test_everything_is_still_there_after_a_restart(data_dir: Path, bundled_content: Path) -> None:
    first = Learner.open(data_dir, [bundled_content])
    framework = framework_of(first)
    criterion = criterion_ids(framework)[0]
    save(first, "met", (criterion,), met=True)
    first.portfolio.sign_offs.record(criterion_ids(framework)[1], "Grace", "2026-12-01")
    first.close()
    again = Learner.open(data_dir, [bundled_content])
    try:
        states = again.portfolio.states(framework_of(again))
        assert states[criterion].status is Status.EVIDENCED
        assert states[criterion_ids(framework)[1]].status is Status.VERIFIED
    finally:
        again.close()
