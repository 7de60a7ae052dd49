"""Evidence items: saved once per source, updated in place, found by module and criterion."""

from __future__ import annotations

from pathlib import Path

import pytest

from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence


@pytest.fixture
def evidence(tmp_path: Path) -> EvidenceRepository:
    return EvidenceRepository(open_database(tmp_path / "learner.sqlite3"))


def reflection(text: str, criteria: tuple[str, ...] = ("EC1", "EC4")) -> NewEvidence:
    return NewEvidence(
        "reflection", "reflection:board/shared-goal", "board", "shared-goal",
        "A goal all three groups share", text, criteria, {"words": len(text.split())},
    )  # fmt: skip


def test_an_item_keeps_everything_the_portfolio_needs(evidence: EvidenceRepository) -> None:
    item_id = evidence.save(reflection("We all want fewer failed launches."))
    item = evidence.by_source("reflection:board/shared-goal")
    assert item is not None and item.id == item_id
    assert (item.kind, item.module_id, item.activity_id) == ("reflection", "board", "shared-goal")
    assert item.text == "We all want fewer failed launches."
    assert item.criteria == ("EC1", "EC4")
    assert item.details == {"words": 6}
    assert item.created_at == item.updated_at


def test_saving_the_same_source_again_updates_it(evidence: EvidenceRepository) -> None:
    first = evidence.save(reflection("Draft"))
    second = evidence.save(reflection("Final words", criteria=("EC4",)))
    assert first == second
    assert [i.text for i in evidence.all()] == ["Final words"]
    assert evidence.for_criterion("EC1") == []
    assert [i.id for i in evidence.for_criterion("EC4")] == [first]


def test_items_are_found_by_module_and_removed_by_source(evidence: EvidenceRepository) -> None:
    evidence.save(reflection("Text"))
    assert len(evidence.for_module("board")) == 1
    evidence.remove("reflection:board/shared-goal")
    assert evidence.all() == []
    assert evidence.db.execute("SELECT COUNT(*) FROM evidence_criteria").fetchone()[0] == 0


def test_an_unknown_kind_is_refused(evidence: EvidenceRepository) -> None:
    with pytest.raises(ValueError, match="unknown evidence kind"):
        evidence.save(NewEvidence("badge", "x", "m", "a", "t", "text", ()))
