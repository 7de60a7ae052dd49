"""Retrieval reviews and finished assessment rounds appear as evidence, through their real
code paths, as "some evidence" only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.activity_evidence import competency_criteria, module_criteria
from zavmo_desktop.core.portfolio.status import Status
from zavmo_desktop.core.review.scheduling import record_rating

MONDAY = datetime(2026, 11, 30, 10)


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def rate_first_card(learner: Learner, rating: Rating, answer: str, now: datetime) -> None:
    card = learner.todays_review(now).cards[0]
    stored = learner.review.get(card.key)
    assert stored is not None
    criteria = module_criteria(learner.library, card.key.module_id)
    record_rating(learner.review, stored, rating, answer, now,
                  evidence=learner.evidence, criteria=criteria)  # fmt: skip


def test_a_reviewed_card_is_one_item_kept_up_to_date(learner: Learner) -> None:
    module = learner.library.modules[0]
    learner.set_complete(module.id, True)
    rate_first_card(learner, Rating.Again, "not sure", MONDAY)
    rate_first_card(learner, Rating.Good, "the result first", MONDAY + timedelta(days=1))
    (item,) = learner.evidence.all()
    assert (item.kind, item.module_id, item.text) == ("retrieval", module.id, "the result first")
    assert item.met is None and item.outcome["ratings"] == [Rating.Again, Rating.Good]
    assert item.criteria and set(item.criteria) == set(module_criteria(learner.library, module.id))
    assert [e.action for e in learner.evidence.history(item.id)] == ["added", "edited"]
    framework = learner.library.pack_of(module).framework
    states = learner.portfolio.states(framework)
    assert {states[c].status for c in item.criteria} == {Status.SOME}


def test_a_finished_round_gives_one_item_per_competency_answered(learner: Learner) -> None:
    pack = learner.library.packs[0]
    competencies = [c for a in pack.framework.areas for c in a.competencies]
    assessment = learner.assessments.start_round(pack.manifest.id)
    learner.assessments.save_rating(assessment.id, competencies[0].id, "developing")
    learner.assessments.save_rating(assessment.id, competencies[1].id, "developing")
    learner.assessments.finish(assessment.id, competency_criteria(pack.framework))
    items = learner.evidence.all()
    assert [i.activity_id for i in items] == sorted([competencies[0].id, competencies[1].id])
    assert {i.kind for i in items} == {"assessment"} and {i.met for i in items} == {None}
    first = next(i for i in items if i.activity_id == competencies[0].id)
    assert first.criteria == tuple(sorted(c.id for c in competencies[0].criteria))
    assert first.outcome["self_rating"] == "developing"
    learner.assessments.finish(assessment.id, competency_criteria(pack.framework))  # again
    assert len(learner.evidence.all()) == 2


def test_a_round_finished_without_criteria_adds_nothing(learner: Learner) -> None:
    pack = learner.library.packs[0]
    assessment = learner.assessments.start_round(pack.manifest.id)
    learner.assessments.finish(assessment.id)
    assert learner.evidence.all() == []


def test_an_unknown_module_maps_to_no_criteria(learner: Learner) -> None:
    assert module_criteria(learner.library, "no-such-module") == ()
