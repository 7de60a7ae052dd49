"""What one export gathers (core/portfolio/export.py): the programme's name, only the
details the learner chose, the heat map, sign-offs, outcomes in words, and the files."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import BUNDLED_CONTENT
from tests.core.portfolio_export_work import ASSESSOR, ASSESSOR_ROLE, full_portfolio
from zavmo_desktop.core.content.models import Library
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.attachment_zip import MISSING_NOTE, write_attachments
from zavmo_desktop.core.portfolio.document import SIGN_OFF_NOTE, day_words, to_json
from zavmo_desktop.core.portfolio.export import (
    ExportOptions,
    ProgrammeNotChosen,
    choose_pack,
    portfolio_document,
)
from zavmo_desktop.core.portfolio.outcome_words import app_result, learner_claim
from zavmo_desktop.core.portfolio.outcomes import conversation_outcome

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "docs" / "schema" / "portfolio.schema.json").read_text()
)


@pytest.fixture(scope="module")
def worked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Learner, Path, dict]]:
    data_dir = tmp_path_factory.mktemp("data")
    learner = Learner.open(data_dir, [BUNDLED_CONTENT])
    ids = full_portfolio(learner, data_dir, tmp_path_factory.mktemp("files"))
    yield learner, data_dir, ids
    learner.close()


def export(worked: tuple[Learner, Path, dict], out: Path, *include: str) -> tuple[dict, dict]:
    learner, data_dir, _ = worked
    options = ExportOptions(frozenset(include), "Northwind Health")
    return portfolio_document(learner, learner.library.packs[0], options, data_dir, out)


def by_id(document: dict[str, Any], item_id: int) -> dict[str, Any]:
    return next(item for item in document["items"] if item["id"] == item_id)


def test_the_title_is_the_programmes_name_and_nothing_personal_by_default(
    worked: tuple, tmp_path: Path
) -> None:
    document, _ = export(worked, tmp_path / "p.pdf")
    assert document["programme"] == "Director of Machine Learning Engineering"
    assert document["programme_id"] == "director-ml-engineering"
    assert document["learner"] == {}
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(to_json(document)))


def test_chosen_details_are_included(worked: tuple, tmp_path: Path) -> None:
    document, _ = export(worked, tmp_path / "p.pdf", "name", "role", "organisation")
    assert document["learner"] == {
        "name": "Ada Lovelace",
        "role": "Director of Machine Learning Engineering",
        "organisation": "Northwind Health",
    }
    only_name, _ = export(worked, tmp_path / "p.pdf", "name")
    assert only_name["learner"] == {"name": "Ada Lovelace"}


def test_heat_map_has_every_competency_with_the_numbers_of_the_ratings(
    worked: tuple, tmp_path: Path
) -> None:
    document, _ = export(worked, tmp_path / "p.pdf")
    framework = worked[0].library.packs[0].framework
    cells = [cell for area in document["heat_map"]["areas"] for cell in area["competencies"]]
    assert [c["competency"] for c in cells] == [
        c.title for area in framework.areas for c in area.competencies
    ]
    first = cells[0]  # rated "aware" (1); its target is Expert (5)
    assert (first["current"], first["target"], first["gap"]) == (1, 5, 4)
    assert first["gap_words"] == "large" and document["heat_map"]["assessed_on"]


def test_only_active_sign_offs_with_the_not_a_certificate_words(
    worked: tuple, tmp_path: Path
) -> None:
    document, _ = export(worked, tmp_path / "p.pdf")
    assert [s["assessor"] for s in document["sign_offs"]] == [ASSESSOR]
    (shown,) = document["sign_offs"]  # the role has its own field (m012) and joins the name
    assert shown["assessor_role"] == ASSESSOR_ROLE
    assert shown["signed_by"] == f"{ASSESSOR} ({ASSESSOR_ROLE})"
    assert document["sign_off_note"] == SIGN_OFF_NOTE and "not a certificate" in SIGN_OFF_NOTE
    verified = [row for row in document["matrix"] if row["status"] == "verified"]
    assert [row["criterion"] for row in verified] == [document["sign_offs"][0]["criterion"]]


def test_every_item_has_dates_criteria_and_its_outcome_in_words(
    worked: tuple, tmp_path: Path
) -> None:
    document, _ = export(worked, tmp_path / "p.pdf")
    learner = worked[0]
    assert [item["id"] for item in document["items"]] == [i.id for i in learner.evidence.all()]
    for item in document["items"]:
        assert item["added_on"] == day_words(item["created_at"]) != ""
        assert item["criteria"] == list(learner.evidence.by_id(item["id"]).criteria)
        assert item["app_result"][0].startswith(("Threshold", "No threshold"))
    reflection = next(item for item in document["items"] if item["kind"] == "reflection")
    assert any("words written" in line for line in reflection["app_result"])
    assert by_id(document, worked[2]["link"])["link"] == "https://example.org/board"


def test_what_the_app_found_and_what_the_learner_claims_stay_apart() -> None:
    answers = {"answers": [{"found_by_app": [{"point": "payback period"}],
                            "not_found_by_app": ["risk"],
                            "learner_says_covered": ["risk"]}]}  # fmt: skip
    outcome, met = conversation_outcome("written", answers)
    found = app_result(outcome)
    assert met is False
    assert "The app found: payback period." in found
    assert "The app did not find: risk." in found
    assert not any("says" in line for line in found)
    assert learner_claim(outcome) == ["The learner says they covered: risk."]


def test_files_are_named_in_the_zip_and_a_missing_one_is_noted(
    worked: tuple, tmp_path: Path
) -> None:
    out = tmp_path / "portfolio.pdf"
    document, attachments = export(worked, out)
    assert document["attachments_zip"] == "portfolio-attachments.zip"
    kept = by_id(document, worked[2]["file"])["attachment"]
    assert kept["included"] and kept["original_name"] == "board notes.txt"
    lost = by_id(document, worked[2]["missing"])["attachment"]
    assert not lost["included"] and lost["note"] == MISSING_NOTE
    zip_path = tmp_path / document["attachments_zip"]
    assert write_attachments(attachments.values(), zip_path)
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.namelist() == [kept["file_in_zip"]]
        assert archive.read(kept["file_in_zip"]).startswith(b"Notes from the November")


def test_the_programme_is_chosen_by_id_by_role_or_as_the_only_one(worked: tuple) -> None:
    library = worked[0].library
    only = library.packs[0]
    assert choose_pack(library, None) is only
    assert choose_pack(library, only.manifest.id) is only
    with pytest.raises(ProgrammeNotChosen, match="no programme 'nope'"):
        choose_pack(library, "nope")
    with pytest.raises(ProgrammeNotChosen, match="No programme is loaded"):
        choose_pack(Library(), None)
    two = Library(packs=[only, only.__class__(only.manifest.__class__(
        "second", "Second role", "1", "en-GB", "CC0"), only.framework, only.root)])  # fmt: skip
    with pytest.raises(ProgrammeNotChosen, match="choose one with --programme"):
        choose_pack(two, None)
    assert choose_pack(two, None, profile_role="second").manifest.title == "Second role"
