"""How the portfolio screen words evidence and which items its filters let through, over
items and history written by the real repository in a real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.evidence_filter import EvidenceFilter, count_words, filtered
from zavmo_desktop.core.portfolio.evidence_words import (
    app_result_lines,
    day_words,
    history_line,
    log_words,
    summary_line,
    time_words,
)
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.storage.signoffs import SignOffRepository

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture
def learner(tmp_path: Path) -> Iterator[Learner]:
    opened = Learner.open(tmp_path, [CONTENT])
    yield opened
    opened.close()


def test_each_change_in_the_log_reads_as_words(learner: Learner) -> None:
    evidence = learner.evidence
    own = add_text(evidence, "Board paper", "I wrote it.", ["EC1"])
    evidence.map(own, "EC2")
    evidence.unmap(own, "EC1")
    evidence.edit(own, text="I wrote it and presented it.")
    evidence.edit(own, title="Board paper on costs", who="app")
    signoffs = SignOffRepository(learner.evidence.db)
    signoffs.record("EC2", "Sam Patel", date.today(), "Seen at the board")
    entries = evidence.history(own)
    words = [log_words(entry, "learner_text") for entry in entries]
    assert words == [
        "Created by you", "Mapped to EC2 by you", "No longer mapped to EC1 by you",
        "Text edited by you", "Title edited by the app", "Signed off by Sam Patel",
    ]  # fmt: skip
    line = history_line(entries[0], "learner_text")
    assert line.startswith(f"{date.today().day} ") and " at " in line


def test_times_read_in_local_time_and_a_bad_stamp_is_shown_as_it_is() -> None:
    assert day_words("2026-03-14T09:05:00") == "14 March 2026"
    assert time_words("2026-03-14T09:05:00") == "14 March 2026 at 09:05"
    assert time_words("not a time") == "not a time"
    zoned = time_words("2026-03-14T09:05:00+00:00")  # turned into this machine's time
    assert zoned.startswith(("13 March", "14 March", "15 March")) and " at " in zoned


def test_the_list_line_and_result_say_what_the_item_is_in_words(learner: Learner) -> None:
    own = add_text(learner.evidence, "Board paper", "I wrote it.", [])
    item = learner.evidence.by_id(own)
    assert item is not None
    assert summary_line(item).endswith("Not judged. Criteria: no criteria yet.")
    assert summary_line(item).startswith("Board paper — Your own writing, ")
    assert app_result_lines(item)[0].startswith("Not judged: the learner's own evidence")


def test_the_filters_narrow_by_each_choice(learner: Learner) -> None:
    add_text(learner.evidence, "One", "Words.", ["EC1"])
    add_text(learner.evidence, "Two", "Words.", ["ST1"])
    items = learner.evidence.all()
    of = {"executive-communication": ["EC1", "EC2"]}
    today = date.today()
    assert len(filtered(items, EvidenceFilter(), of, today)) == 2
    by_competency = filtered(items, EvidenceFilter(competency="executive-communication"), of, today)
    assert [i.title for i in by_competency] == ["One"]
    assert [i.title for i in filtered(items, EvidenceFilter(criterion="ST1"), of, today)] == ["Two"]
    assert filtered(items, EvidenceFilter(kind="reflection"), of, today) == []
    assert len(filtered(items, EvidenceFilter(outcome="Not judged"), of, today)) == 2
    assert filtered(items, EvidenceFilter(outcome="Met the threshold"), of, today) == []
    assert len(filtered(items, EvidenceFilter(days=1), of, today)) == 2  # today counts
    assert filtered(items, EvidenceFilter(days=1), of, today + timedelta(days=1)) == []
    assert len(filtered(items, EvidenceFilter(days=7), of, today + timedelta(days=6))) == 2
    assert count_words(1, 1) == "Showing 1 of 1 item"
    assert count_words(12, 40) == "Showing 12 of 40 items"
