"""The portfolio's storage (m009): wider kinds, outcomes, the append-only log, sign-offs."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database as UtilsDatabase

from tests.core.test_migrations import DATA
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.storage.signoffs import SignOffRepository


@pytest.fixture
def evidence(tmp_path: Path) -> EvidenceRepository:
    return EvidenceRepository(open_database(tmp_path / "learner.sqlite3"))


def learner_text(text: str = "I ran the quarterly review with the board.") -> NewEvidence:
    return NewEvidence(
        "learner_text", "learner:1", "board", "", "Quarterly review", text, ("EC1",),
        outcome={"claimed": ["EC1"]},
    )  # fmt: skip


# What m003's EvidenceRepository.save wrote, before m009 added outcome and met: the
# current code cannot write to the old layout, so the old statement is kept here.
OLD_SAVE = """INSERT INTO evidence (kind, source, module_id, activity_id, title, text, details,
    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def m008_database(path: Path) -> None:
    db = UtilsDatabase(path)
    migrations.apply(db, stop_before="m009_portfolio")
    rows = [
        ("conversation", "conversation:board/quiz/1", "board", "quiz", "Quiz", "t1",
         '{"run_id": 1}', "2026-11-01T10:00:00", "2026-11-01T10:00:00"),
        ("reflection", "reflection:board/goal", "board", "goal", "Goal", "t2",
         '{"prompt": "p"}', "2026-11-02T10:00:00", "2026-11-03T10:00:00"),
        ("checklist_item", "checklist:board/c/1", "board", "c", "Item", "t3",
         "{}", "2026-11-04T10:00:00", "2026-11-04T10:00:00"),
    ]  # fmt: skip
    for row in rows:
        db.execute(OLD_SAVE, row)
    for evidence_id, criterion in ((1, "EC1"), (1, "EC2"), (2, "EC2"), (3, "EC9")):
        db.execute("INSERT INTO evidence_criteria VALUES (?, ?)", [evidence_id, criterion])
    db.conn.commit()
    db.conn.close()


def test_an_upgrade_from_m008_keeps_every_item_and_mapping(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite3"
    m008_database(path)
    evidence = EvidenceRepository(open_database(path))  # runs m009, foreign keys on
    items = evidence.all()
    assert [(i.id, i.kind, i.text) for i in items] == [
        (1, "conversation", "t1"), (2, "reflection", "t2"), (3, "checklist_item", "t3"),
    ]  # fmt: skip
    assert [i.criteria for i in items] == [("EC1", "EC2"), ("EC2",), ("EC9",)]
    assert items[1].details == {"prompt": "p"} and items[1].updated_at == "2026-11-03T10:00:00"
    assert [(e.action, e.at, e.who) for e in evidence.history(1)] == [
        ("added", "2026-11-01T10:00:00", "app")
    ]
    assert evidence.history(1)[0].after["criteria"] == ["EC1", "EC2"]
    # the rebuilt table keeps the cascade from items to their mappings
    evidence.remove("conversation:board/quiz/1")
    count = evidence.db.execute("SELECT count(*) FROM evidence_criteria WHERE evidence_id = 1")
    assert count.fetchone()[0] == 0


def test_the_saved_release_with_evidence_upgrades_whole(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite3"
    shutil.copy(DATA / "learner-schema-0.3.0.sqlite3", path)
    old = sqlite3.connect(path)
    before = old.execute("SELECT e.source, c.criterion_id FROM evidence e JOIN "
                         "evidence_criteria c ON c.evidence_id = e.id").fetchall()  # fmt: skip
    old.close()
    evidence = EvidenceRepository(open_database(path))
    assert before and [(i.source, c) for i in evidence.all() for c in i.criteria] == before


def test_every_write_is_logged_with_who_and_what_changed(evidence: EvidenceRepository) -> None:
    item_id = evidence.save(learner_text(), who="learner")
    evidence.save(learner_text(), who="learner")  # no change: nothing logged
    evidence.edit(item_id, text="I chaired the quarterly review.")
    evidence.map(item_id, "EC2")
    evidence.map(item_id, "EC2")
    evidence.unmap(item_id, "EC1")
    evidence.remove("learner:1", who="learner")
    history = evidence.history(item_id)
    assert [(e.action, e.who) for e in history] == [
        ("added", "learner"), ("edited", "learner"), ("mapped", "learner"),
        ("unmapped", "learner"), ("removed", "learner"),
    ]  # fmt: skip
    assert history[1].before["text"].startswith("I ran") and "chaired" in history[1].after["text"]
    assert history[3].after["criteria"] == ["EC2"] and history[4].after == {}
    assert evidence.by_id(item_id) is None  # gone, but its history stays


def test_the_log_cannot_be_changed_or_deleted(evidence: EvidenceRepository) -> None:
    evidence.save(learner_text())
    for sql in ("UPDATE evidence_log SET who = 'app'", "DELETE FROM evidence_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            evidence.db.execute(sql)
    assert len(evidence.history(1)) == 1


def test_a_failed_write_logs_nothing(evidence: EvidenceRepository) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        evidence.save(learner_text(), who="someone")  # not a recognised actor
    assert evidence.all() == [] and evidence.history(1) == []


def test_outcome_and_met_are_kept_apart_and_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite3"
    first = EvidenceRepository(open_database(path))
    first.save(NewEvidence(
        "conversation", "c:1", "m", "a", "t", "x", ("EC1",),
        outcome={"rubric": {"found": ["k1"]}, "claimed": ["EC1"]}, met=False,
    ))  # fmt: skip
    first.save(learner_text())
    first.db.conn.close()
    again = EvidenceRepository(open_database(path))
    conversation, text = again.all()
    assert conversation.outcome == {"rubric": {"found": ["k1"]}, "claimed": ["EC1"]}
    assert conversation.met is False and text.met is None


def test_new_kinds_are_stored_and_unknown_ones_refused(evidence: EvidenceRepository) -> None:
    for n, kind in enumerate(("retrieval", "assessment", "learner_link", "learner_file")):
        evidence.save(NewEvidence(kind, f"s:{n}", "m", "a", "t", "x", ()))
    assert len(evidence.all()) == 4
    with pytest.raises(sqlite3.IntegrityError):
        evidence.db.execute("UPDATE evidence SET kind = 'badge' WHERE id = 1")
    with pytest.raises(ValueError, match="blank"):
        evidence.map(1, "  ")
    with pytest.raises(KeyError):
        evidence.map(99, "EC1")


def test_sign_offs_are_recorded_withdrawn_and_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "learner.sqlite3"
    sign_offs = SignOffRepository(open_database(path))
    first = sign_offs.record("EC1", "  Grace   Hopper ", "2026-12-01", "Seen in the meeting")
    second = sign_offs.record("EC2", "Alan Turing", "2026-12-02")
    assert (first.assessor, first.signed_on, first.withdrawn_at) == (
        "Grace Hopper", "2026-12-01", None,
    )  # fmt: skip
    sign_offs.withdraw(first.id)
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        sign_offs.db.execute("DELETE FROM sign_offs")
    sign_offs.db.conn.close()
    again = SignOffRepository(open_database(path))
    assert [s.id for s in again.active()] == [second.id]
    assert [s.withdrawn_at is not None for s in again.all()] == [True, False]
    with pytest.raises(KeyError):
        again.withdraw(99)


@pytest.mark.parametrize(
    ("criterion", "assessor", "signed_on", "message"),
    [
        ("EC1", "   ", "2026-12-01", "name of the person"),
        ("", "Grace", "2026-12-01", "criterion"),
        ("EC1", "Grace", "1 December", "date like"),
        ("EC1", "Grace", "2026-02-30", "date like"),
    ],
)
def test_a_sign_off_without_a_name_criterion_or_real_date_is_refused(
    evidence: EvidenceRepository, criterion: str, assessor: str, signed_on: str, message: str
) -> None:
    sign_offs = SignOffRepository(evidence.db)
    with pytest.raises(ValueError, match=message):
        sign_offs.record(criterion, assessor, signed_on)
    assert sign_offs.all() == []
