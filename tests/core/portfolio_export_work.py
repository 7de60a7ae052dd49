"""A data folder whose portfolio has every part an export shows: real work from each phase
(tests/core/own_data_work.py), real self-ratings, a sign-off, a withdrawn sign-off, a
learner's note, link and file, and a file whose copy has gone missing."""

from __future__ import annotations

from pathlib import Path

from tests.core.own_data_work import do_real_work
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.learner_evidence import add_file, add_link, add_text, file_of

LEVELS = ("aware", "practising", "proficient", "advanced")
ASSESSOR = "Sam Okafor"
ASSESSOR_ROLE = "Internal verifier, Acme"


def rate_every_competency(learner: Learner) -> None:
    pack = learner.library.packs[0]
    assessment = learner.assessments.start_round(pack.manifest.id)
    competencies = [c for area in pack.framework.areas for c in area.competencies]
    for n, competency in enumerate(competencies):
        learner.assessments.save_rating(assessment.id, competency.id, LEVELS[n % len(LEVELS)])
    learner.assessments.finish(assessment.id)


def add_portfolio_extras(learner: Learner, data_dir: Path, scratch: Path) -> dict[str, int]:
    """Adds the learner's own items and the sign-offs; returns their item ids by name."""
    criteria = [c.id for c in learner.library.packs[0].framework.areas[0].competencies[0].criteria]
    scratch.mkdir(parents=True, exist_ok=True)
    notes = scratch / "board notes.txt"
    notes.write_text("Notes from the November board meeting.\n", encoding="utf-8")
    gone = scratch / "old slides.txt"
    gone.write_text("Slides I later lost.\n", encoding="utf-8")
    evidence = learner.evidence
    ids = {
        "note": add_text(evidence, "What I said to the board", "I led with payback.", criteria),
        "link": add_link(evidence, "The board pack", "https://example.org/board", criteria[:1]),
        "file": add_file(evidence, data_dir, notes, "Board notes", criteria[:1]),
        "missing": add_file(evidence, data_dir, gone, "Old slides", criteria[:1]),
    }
    missing = evidence.by_id(ids["missing"])
    assert missing is not None
    kept = file_of(data_dir, missing.details)
    assert kept is not None
    kept.unlink()  # as if the copy were lost: the export must say so, not fail
    sign_offs = learner.portfolio.sign_offs
    sign_offs.record(
        criteria[0], ASSESSOR, "2026-11-30", "Seen at the board meeting.", role=ASSESSOR_ROLE
    )
    withdrawn = sign_offs.record(criteria[1], "Pat Withdrawn", "2026-11-29")
    sign_offs.withdraw(withdrawn.id)
    return ids


def full_portfolio(learner: Learner, data_dir: Path, scratch: Path) -> dict[str, int]:
    do_real_work(learner)
    rate_every_competency(learner)
    learner.profile.set_display_name("Ada Lovelace")
    return add_portfolio_extras(learner, data_dir, scratch)
