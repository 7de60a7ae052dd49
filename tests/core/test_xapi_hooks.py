"""Each learner event queues one statement with its ADL verb, in the event's own transaction:
a write that fails leaves no statement, and without an LRS nothing is queued at all."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.records import record
from zavmo_desktop.core.xapi.statements import LEARNER_CLAIMED

LRS = LrsSettings("http://127.0.0.1:9/xAPI/", "u", "p", "https://org.example/staff", "E1234")
ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    opened.keep_learning_records(LRS, send=False)
    yield opened
    opened.close()


def queued(learner: Learner) -> list[dict[str, Any]]:
    return queue.next_batch(learner._store.db, 10_000)


def verbs(learner: Learner) -> list[tuple[str, str]]:
    """(verb, activity kind) of each queued statement, oldest first."""
    return [
        (
            s["verb"]["id"].removeprefix(ADL),
            s["object"]["id"].split("/activities/")[1].split("/")[0],
        )
        for s in queued(learner)
    ]


def test_opening_and_completing_a_module_are_experienced_and_completed(learner: Learner) -> None:
    module = learner.library.modules[0]
    learner.mark_opened(module)
    learner.set_complete(module.id, True)
    learner.set_complete(module.id, True)  # already complete: not completed twice
    assert verbs(learner) == [("experienced", "module"), ("completed", "module")]
    first = queued(learner)[0]
    assert first["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": "https://org.example/staff", "name": "E1234"},
    }
    assert first["object"]["definition"]["name"] == {"en-GB": module.title}


def test_a_finished_conversation_carries_the_rubrics_result_and_its_evidence(
    learner: Learner,
) -> None:
    module = next(m for m in learner.library.modules if any(
        c.id == "board-metrics-quiz" for c in m.conversations))  # fmt: skip
    conversation = next(c for c in module.conversations if c.id == "board-metrics-quiz")
    session = PracticeSession(learner.conversations, module, conversation)
    session.start()
    for choice in (0, 0, 1, 0):  # 3 of 4 right first time
        session.choose(choice)
    assert verbs(learner) == [("shared", "evidence"), ("completed", "conversation")]
    completed = queued(learner)[1]
    assert completed["result"] == {"success": False, "score": {"scaled": 0.75}}


def test_the_learners_claim_is_an_extension_never_the_score(learner: Learner) -> None:
    from zavmo_desktop.core.xapi.records import conversation_result

    judged = {"app_found": ["a"], "app_did_not_find": ["b"], "learner_claimed": ["a", "b"]}
    result = conversation_result(judged, met=False)
    assert (result.success, result.scaled) == (False, 0.5)
    assert result.extensions == {LEARNER_CLAIMED: ["a", "b"]}


def test_the_tick_that_finishes_a_checklist_completes_it_once(learner: Learner) -> None:
    module = next(m for m in learner.library.modules if m.checklists)
    checklist = module.checklists[0]
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    for item in checklist.items:
        deliver.tick(module.id, checklist, item, True)
    assert verbs(learner) == [("completed", "checklist")]
    deliver.tick(module.id, checklist, checklist.items[0], False)
    deliver.tick(module.id, checklist, checklist.items[0], True)  # completed again, anew
    deliver.tick(module.id, checklist, checklist.items[0], True)  # no change: nothing
    assert verbs(learner) == [("completed", "checklist")] * 2
    deliver.add_item_to_evidence(module.id, checklist, checklist.items[0])
    assert verbs(learner)[-1] == ("shared", "evidence")


def test_each_assessment_answer_is_answered_with_its_response(learner: Learner) -> None:
    pack = learner.library.packs[0]
    competency = pack.framework.areas[0].competencies[0]
    round_ = learner.assessments.start_round(pack.manifest.id)
    learner.assessments.save_rating(round_.id, competency.id, "practitioner", "Strategy (self)")
    learner.assessments.save_scenario(round_.id, competency.id, "s1", 2, "expert")
    learner.assessments.save_evidence(round_.id, competency.id, "typed words")  # not an answer
    assert verbs(learner) == [("answered", "question")] * 2
    rating, scenario = queued(learner)
    assert rating["result"] == {"response": "practitioner"}
    assert rating["object"]["definition"]["name"] == {"en-GB": "Strategy (self)"}
    assert scenario["result"] == {"response": "2"}
    assert scenario["object"]["id"].endswith(f"/{pack.manifest.id}/{competency.id}/s1")


def test_evidence_the_learner_adds_is_shared_once_not_on_each_edit(learner: Learner) -> None:
    item = add_text(learner.evidence, "Led the budget review", "I ran it.", ())
    learner.evidence.edit(item, text="I ran it end to end.")
    assert verbs(learner) == [("shared", "evidence")]
    assert json.loads(json.dumps(queued(learner)))[0]["object"]["definition"]["name"] == {
        "en-GB": "Evidence of your own"  # the learner's own words stay on the laptop
    }


def test_a_failing_write_leaves_no_statement(learner: Learner) -> None:
    module = learner.library.modules[0]
    db = learner._store.db
    # The progress table refuses writes, as a full disk or a fault would refuse them.
    db.execute(
        """CREATE TRIGGER no_progress BEFORE INSERT ON module_progress
           BEGIN SELECT RAISE(ABORT, 'disk full'); END"""
    )
    with pytest.raises(sqlite3.IntegrityError):
        learner.set_complete(module.id, True)
    learner.mark_opened(module)  # its failure is kept from the learner, and so is its record
    assert queued(learner) == []


def test_a_record_outside_a_transaction_is_refused(learner: Learner) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        record(learner._store.db, "completed", "module", ("m",), "M")


def test_without_an_lrs_nothing_is_queued(data_dir: Path, bundled_content: Path) -> None:
    learner = Learner.open(data_dir, [bundled_content])
    learner.keep_learning_records(None)
    module = learner.library.modules[0]
    learner.mark_opened(module)
    learner.set_complete(module.id, True)
    assert learner.learning_records is None and queued(learner) == []
    learner.close()


def test_without_an_account_id_the_learner_keeps_one_random_id(
    data_dir: Path, bundled_content: Path
) -> None:
    anonymous = LrsSettings(LRS.endpoint, "u", "p", LRS.account_homepage)
    learner = Learner.open(data_dir, [bundled_content])
    learner.keep_learning_records(anonymous, send=False)
    learner.mark_opened(learner.library.modules[0])
    first = queued(learner)[0]["actor"]["account"]["name"]
    learner.close()
    learner = Learner.open(data_dir, [bundled_content])
    learner.keep_learning_records(anonymous, send=False)
    learner.mark_opened(learner.library.modules[1])
    assert [s["actor"]["account"]["name"] for s in queued(learner)] == [first, first]
    assert len(first) == 32
    learner.close()
