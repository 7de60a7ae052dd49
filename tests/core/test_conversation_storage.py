"""Conversation runs and turns on a real SQLite file; a practice session saved at every move."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.core.conversation.session import (
    CHANGED_NOTICE,
    PracticeSession,
    PracticeStatus,
    practice_status,
)
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.conversations import (
    ConversationRepository,
    StoredTurn,
    evidence_source,
)
from zavmo_desktop.core.storage.store import OpenedStore, open_store


@pytest.fixture
def store(data_dir: Path) -> Iterator[OpenedStore]:
    opened = open_store(data_dir)
    yield opened
    opened.db.conn.close()


@pytest.fixture
def repo(store: OpenedStore) -> ConversationRepository:
    return ConversationRepository(store.db)


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def reopen(learner: Learner, data_dir: Path, bundled_content: Path) -> Learner:
    learner.close()
    return Learner.open(data_dir, [bundled_content])


def find(learner: Learner, conversation_id: str) -> tuple[Module, Conversation]:
    for module in learner.library.modules:
        for conversation in module.conversations:
            if conversation.id == conversation_id:
                return module, conversation
    raise LookupError(conversation_id)


HELLO = StoredTurn("tutor", "CFO", "Hello", {"kind": "say", "node": "opening"})
REPLY = StoredTurn("learner", "You", "Hi", {"kind": "choice", "node": "opening", "reply": 0})


# --- the repository --------------------------------------------------------------------------


def test_a_run_keeps_its_state_and_turns_in_order(repo: ConversationRepository) -> None:
    run_id = repo.start("m", "c", {"node": "opening"}, [HELLO])
    repo.save(run_id, {"node": "figures", "draft": "half"}, [REPLY])
    repo.save(run_id, {"node": "figures", "draft": "half typed"})
    run = repo.active("m", "c")
    assert run is not None and run.id == run_id and run.status == "active"
    assert run.state == {"node": "figures", "draft": "half typed"}
    assert run.turns == (HELLO, REPLY) and run.learner_turns == 1
    assert repo.active("m", "other") is None and repo.active("other", "c") is None


def test_the_last_unfinished_run_is_found_across_conversations(
    repo: ConversationRepository,
) -> None:
    assert repo.last_unfinished() is None
    left = repo.start("m", "c", {"node": "opening"}, [HELLO, REPLY])
    done = repo.start("m", "other", {"node": "opening"}, [HELLO])
    repo.finish(done, {"phase": "finished"}, [REPLY], title="t", text="x", details={}, criteria=[])
    run = repo.last_unfinished()
    assert run is not None and run.id == left and run.learner_turns == 1
    newer = repo.start("n", "c", {"node": "opening"}, [HELLO])
    found = repo.last_unfinished()
    assert found is not None and found.id == newer  # a later start, or the same second and id


def test_saving_turns_and_state_is_all_or_nothing(
    repo: ConversationRepository, store: OpenedStore
) -> None:
    run_id = repo.start("m", "c", {"node": "opening"}, [HELLO])
    bad = StoredTurn("narrator", "?", "not a role the table allows", {})
    with pytest.raises(sqlite3.IntegrityError):
        repo.save(run_id, {"node": "elsewhere"}, [REPLY, bad])
    run = repo.active("m", "c")
    assert run is not None and run.turns == (HELLO,) and run.state == {"node": "opening"}


def test_finishing_marks_the_run_and_writes_its_evidence(
    repo: ConversationRepository, store: OpenedStore
) -> None:
    run_id = repo.start("m", "c", {}, [HELLO])
    evidence_id = repo.finish(
        run_id,
        {"phase": "finished"},
        [REPLY],
        title="Talking to the CFO",
        text="CFO: Hello\n\nYou: Hi",
        details={"outcome": "1 choice made"},
        criteria=["EC1", "EC2", "EC1"],
    )
    assert repo.active("m", "c") is None
    [finished] = repo.finished("m", "c")
    assert finished.status == "finished" and finished.finished_at is not None
    assert repo.turns(run_id) == [HELLO, REPLY]
    from zavmo_desktop.core.storage.evidence import EvidenceRepository

    item = EvidenceRepository(store.db).by_source(evidence_source("m", "c", run_id))
    assert item is not None and item.id == evidence_id
    assert item.source == f"conversation:m/c#run{run_id}"
    assert (item.kind, item.module_id, item.activity_id) == ("conversation", "m", "c")
    assert item.title == "Talking to the CFO" and item.text.endswith("You: Hi")
    assert item.criteria == ("EC1", "EC2")
    assert item.details["outcome"] == "1 choice made" and item.details["run_id"] == run_id


def test_restart_keeps_the_old_run_and_begins_a_fresh_one(repo: ConversationRepository) -> None:
    first = repo.start("m", "c", {"node": "figures"}, [HELLO, REPLY])
    second = repo.restart(first, {"node": "opening"}, [HELLO])
    assert second != first
    run = repo.active("m", "c")
    assert run is not None and run.id == second and run.turns == (HELLO,)
    old = repo.get(first)
    assert old is not None and old.status == "restarted" and len(old.turns) == 2
    assert repo.finished("m", "c") == []


def test_starting_again_never_leaves_two_active_runs(repo: ConversationRepository) -> None:
    repo.start("m", "c", {}, [])
    newest = repo.start("m", "c", {}, [])
    rows = repo.db.execute("SELECT id FROM conversation_runs WHERE status = 'active'").fetchall()
    assert rows == [(newest,)]


# --- a practice session through the Learner ------------------------------------------------


def test_the_learner_offers_the_conversation_repository(learner: Learner) -> None:
    assert isinstance(learner.conversations, ConversationRepository)


def test_a_session_resumes_at_the_exact_turn_after_reopening(
    learner: Learner, data_dir: Path, bundled_content: Path
) -> None:
    module, conversation = find(learner, "cfo-platform-value")
    session = PracticeSession(learner.conversations, module, conversation)
    assert not session.started
    assert practice_status(learner.conversations, module.id, conversation.id).describe() == (
        "Not started"
    )
    session.start()
    session.choose(0)
    session.save_draft("We will report the rev")
    shown = session.transcript

    learner = reopen(learner, data_dir, bundled_content)
    module, conversation = find(learner, "cfo-platform-value")
    again = PracticeSession(learner.conversations, module, conversation)
    assert again.started and again.notice == ""
    assert again.engine.node_id == "figures" and again.engine.draft == "We will report the rev"
    assert again.transcript == shown
    status = practice_status(learner.conversations, module.id, conversation.id)
    assert status == PracticeStatus("in_progress", 2, None)
    assert status.describe() == "In progress at turn 2"
    learner.close()


def test_finishing_a_session_writes_evidence_with_transcript_and_outcome(
    learner: Learner,
) -> None:
    module, conversation = find(learner, "board-metrics-quiz")
    session = PracticeSession(learner.conversations, module, conversation)
    session.start()
    for choice in (0, 0, 1, 0):
        session.choose(choice)
    assert session.finished and session.evidence_id is not None
    [item] = learner.evidence.for_module(module.id)
    assert item.kind == "conversation" and item.title == conversation.title
    assert item.source == f"conversation:{module.id}/{conversation.id}#run{session.run_id}"
    assert item.criteria == conversation.evidences
    assert item.text.startswith("Tutor: The board asks") and "You: We moved our" in item.text
    assert item.details["outcome"] == "3 of 4 right first time"
    assert item.details["type"] == "quiz"
    assert item.details["date"] == date.today().isoformat()
    assert item.details["results"]["right_first_time"] == 3
    status = practice_status(learner.conversations, module.id, conversation.id)
    assert status.state == "finished" and status.finished_on == date.today()
    assert status.describe().startswith("Finished on ")
    # a finished conversation opens as not started, ready for another go
    assert not PracticeSession(learner.conversations, module, conversation).started


def test_restart_from_the_middle_begins_again(learner: Learner) -> None:
    module, conversation = find(learner, "build-or-buy-scenario")
    session = PracticeSession(learner.conversations, module, conversation)
    session.start()
    session.choose(0)
    old = session.run_id
    opening = session.restart()
    assert session.run_id != old and session.engine.node_id == "brief"
    assert session.transcript == opening and len(opening) == 1
    run = learner.conversations.get(old)  # type: ignore[arg-type]
    assert run is not None and run.status == "restarted"


def test_a_run_the_content_no_longer_fits_starts_again_and_says_so(learner: Learner) -> None:
    module, conversation = find(learner, "cfo-platform-value")
    session = PracticeSession(learner.conversations, module, conversation)
    session.start()
    session.choose(0)
    edited = replace(
        conversation,
        nodes=tuple(
            replace(n, id="numbers") if n.id == "figures" else n for n in conversation.nodes
        ),
    )
    changed = PracticeSession(learner.conversations, module, edited)
    assert not changed.started and changed.notice == CHANGED_NOTICE
    changed.start()
    assert changed.run_id != session.run_id
    run = learner.conversations.get(session.run_id)  # type: ignore[arg-type]
    assert run is not None and run.status == "restarted"


def test_database_file_holds_the_turns(learner: Learner, data_dir: Path) -> None:
    module, conversation = find(learner, "loan-model-bias-case")
    session = PracticeSession(learner.conversations, module, conversation)
    session.start()
    with sqlite3.connect(data_dir / DATABASE_NAME) as other:
        count = other.execute("SELECT COUNT(*) FROM conversation_turns").fetchone()[0]
    assert count == 2
