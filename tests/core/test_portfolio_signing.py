"""Sign-offs recorded and withdrawn as the sign-off dialog does it, on the real framework."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.evidence_words import log_words
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.core.portfolio.signing import (
    SignOffRefused,
    record_sign_offs,
    withdraw_sign_off,
)
from zavmo_desktop.core.portfolio.status import Status


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def test_signing_two_criteria_verifies_both_and_withdrawing_one_keeps_its_row(
    learner: Learner,
) -> None:
    framework = learner.library.packs[0].framework
    first, second = (c.id for c in framework.areas[0].competencies[0].criteria[:2])
    item = add_text(learner.evidence, "Led the review", "I chaired it.", [first])
    portfolio = learner.portfolio
    recorded = record_sign_offs(
        portfolio.sign_offs, [first, second, first], " Sam  Patel ", "Internal verifier, Acme",
        date(2026, 11, 30), "Seen at work.",
    )  # fmt: skip
    assert [s.criterion_id for s in recorded] == [first, second]  # once each
    assert (recorded[0].assessor, recorded[0].role) == ("Sam Patel", "Internal verifier, Acme")
    assert recorded[0].label == "Sam Patel (Internal verifier, Acme)"
    states = portfolio.states(framework)
    assert (states[first].status, states[second].status) == (Status.VERIFIED, Status.VERIFIED)
    signed = learner.evidence.history(item)[-1]
    assert signed.who == "assessor: Sam Patel"
    assert log_words(signed, "learner_text") == "Signed off by Sam Patel (Internal verifier, Acme)"

    withdraw_sign_off(portfolio.sign_offs, recorded[0].id, "Signed  the wrong criterion")
    states = portfolio.states(framework)
    assert (states[first].status, states[second].status) == (Status.SOME, Status.VERIFIED)
    kept = portfolio.sign_offs.all()[0]
    assert kept.withdrawn_at is not None
    assert (kept.comment, kept.withdrawal_reason) == ("Seen at work.", "Signed the wrong criterion")
    withdrawn = learner.evidence.history(item)[-1]
    assert (withdrawn.action, withdrawn.who) == ("sign_off_withdrawn", "learner")
    assert log_words(withdrawn, "learner_text") == (
        "Sign-off withdrawn by you, because: Signed the wrong criterion"
    )


@pytest.mark.parametrize(
    ("criteria", "name", "signed_on", "message"),
    [(["X"], "  ", date(2026, 1, 1), "name"), ([], "Sam", date(2026, 1, 1), "at least one"),
     (["X"], "Sam", date.today() + timedelta(days=1), "later than today"),
     (["X"], "S" * 121, date(2026, 1, 1), "under 120")],
)  # fmt: skip
def test_a_refused_sign_off_records_nothing(
    learner: Learner, criteria: list[str], name: str, signed_on: date, message: str
) -> None:
    with pytest.raises(SignOffRefused, match=message):
        record_sign_offs(learner.portfolio.sign_offs, criteria, name, "", signed_on)
    assert learner.portfolio.sign_offs.all() == []


def test_a_withdrawal_needs_a_reason(learner: Learner) -> None:
    (sign_off,) = record_sign_offs(learner.portfolio.sign_offs, ["X"], "Sam", "", date.today())
    with pytest.raises(SignOffRefused, match="why"):
        withdraw_sign_off(learner.portfolio.sign_offs, sign_off.id, "  ")
    assert learner.portfolio.sign_offs.active() == [sign_off]
