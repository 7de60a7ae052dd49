"""The evidence list's From and To dates, the draft mark, and how a sign-off reads under an
item and in the matrix: over items and sign-offs written by the real repositories."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.evidence_filter import (
    EvidenceFilter,
    crossed_dates_words,
    filtered,
)
from zavmo_desktop.core.portfolio.evidence_words import drafts_words, summary_line
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.portfolio.signing import record_sign_offs, withdraw_sign_off
from zavmo_desktop.core.portfolio.signoff_words import (
    NONE_SIGNED,
    NOT_A_CERTIFICATE,
    sign_offs_text,
    signed_off_line,
    signed_on_line,
)

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture
def learner(tmp_path: Path) -> Iterator[Learner]:
    opened = Learner.open(tmp_path, [CONTENT])
    yield opened
    opened.close()


def test_from_and_to_keep_the_days_between_both_included(learner: Learner) -> None:
    add_text(learner.evidence, "Paper", "Words.", ["EC1"])
    (made,) = learner.evidence.all()
    days = ["2026-11-01T09:00:00", "2026-11-15T23:59:00", "2026-11-16T00:00:00",
            "2026-11-30T12:00:00", "2026-12-01T08:00:00"]  # fmt: skip
    items = [replace(made, id=n, title=day[:10], created_at=day) for n, day in enumerate(days)]

    def shown(since: date | None, until: date | None) -> list[str]:
        chosen = EvidenceFilter(since=since, until=until)
        return [i.title for i in filtered(items, chosen, {}, date(2026, 12, 2))]

    assert shown(date(2026, 11, 15), date(2026, 11, 30)) == [
        "2026-11-15", "2026-11-16", "2026-11-30",
    ]  # fmt: skip
    assert shown(date(2026, 11, 16), date(2026, 11, 16)) == ["2026-11-16"]  # one day
    assert shown(date(2026, 11, 30), None) == ["2026-11-30", "2026-12-01"]
    assert shown(None, date(2026, 11, 1)) == ["2026-11-01"]
    assert shown(date(2026, 12, 1), date(2026, 11, 1)) == []  # From after To
    assert EvidenceFilter(since=date(2026, 11, 1)).narrows


def test_a_from_after_to_is_said_calmly_with_both_days() -> None:
    crossed = EvidenceFilter(since=date(2026, 12, 5), until=date(2026, 12, 1))
    assert crossed.dates_crossed
    assert crossed_dates_words(crossed) == (
        "The From date (5 December 2026) is after the To date (1 December 2026), so no day "
        "is in between. Choose a From date on or before the To date."
    )
    same_day = EvidenceFilter(since=date(2026, 12, 1), until=date(2026, 12, 1))
    assert not same_day.dates_crossed and crossed_dates_words(same_day) == ""


def test_an_item_with_a_draft_says_so_first(learner: Learner) -> None:
    add_text(learner.evidence, "Board paper", "I wrote it.", ["EC1"])
    (item,) = learner.evidence.all()
    assert summary_line(item, draft=True) == f"Draft waiting: {summary_line(item)}"
    assert (drafts_words(0), drafts_words(2)) == ("", "2 with a draft waiting")


def test_an_item_reads_the_active_sign_offs_of_its_criteria(learner: Learner) -> None:
    sign_offs = learner.portfolio.sign_offs
    comment = "Led the board\nreview well"
    record_sign_offs(sign_offs, ["EC2", "EC1"], "Priya Shah", "Head of Data, Acme",
                     date(2026, 12, 2), comment, today=date(2026, 12, 2))  # fmt: skip
    (gone,) = record_sign_offs(sign_offs, ["EC1"], "Sam Patel", "", date(2026, 11, 30))
    withdraw_sign_off(sign_offs, gone.id, "Signed the wrong criterion")
    record_sign_offs(sign_offs, ["ST1"], "Alan Turing", "", date(2026, 11, 30))  # not mapped
    active = learner.portfolio.active_sign_offs()
    assert sign_offs_text(["EC1", "EC2"], active) == "\n".join([
        "EC1 signed off by Priya Shah (Head of Data, Acme) on 2 December 2026: Led the "
        "board review well.",
        "EC2 signed off by Priya Shah (Head of Data, Acme) on 2 December 2026: Led the "
        "board review well.",
        NOT_A_CERTIFICATE,
    ])  # fmt: skip
    assert "a record of a person's sign-off, not a certificate" in NOT_A_CERTIFICATE
    assert sign_offs_text(["EC3"], active) == NONE_SIGNED
    assert sign_offs_text([], active) == NONE_SIGNED
    no_comment = next(s for s in active if s.criterion_id == "ST1")
    assert signed_off_line(no_comment) == "ST1 signed off by Alan Turing on 30 November 2026."


def test_the_matrix_line_cuts_a_long_comment_at_a_word(learner: Learner) -> None:
    long = "Presented the paper to the board, " * 10
    (sign_off,) = record_sign_offs(learner.portfolio.sign_offs, ["EC1"], "Priya Shah", "",
                                   date(2026, 12, 2), long, today=date(2026, 12, 2))  # fmt: skip
    line = signed_on_line(sign_off)
    assert line.startswith("Signed off on 2 December 2026: Presented the paper to the board")
    assert line.endswith("board, Presented…") and len(line) < 130  # cut at a word
    assert signed_off_line(sign_off).endswith("to the board.")  # the item shows it whole
    assert sign_offs_text(["EC1"], [sign_off]).endswith("It is a record of a person's sign-off, "
                                                        "not a certificate.")  # fmt: skip
