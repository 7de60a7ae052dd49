"""Issue 13 item 5, Done when: a data folder with work in every phase, made through the app's
own code paths, exports as PDF, HTML and JSON with the command the app's dialog runs; the
PDF's pages render and are not blank, it is tagged with its language and real text, the
JSON validates against its schema, and the HTML refers to nothing outside itself.

Set ZAVMO_EXPORT_PAGES=DIR to keep the rendered pages for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pypdf
import pytest
from PIL import Image

from tests.core.pathway_helpers import request
from tests.core.portfolio_export_work import ASSESSOR, LEVELS, add_portfolio_extras
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.portfolio.activity_evidence import competency_criteria, module_criteria
from zavmo_desktop.core.profile.model import LearnerProfile, Onboarding
from zavmo_desktop.core.review.scheduling import record_rating
from zavmo_desktop.paths import bundled_content_dir

SCHEMA = Path(__file__).parents[2] / "docs" / "schema" / "portfolio.schema.json"
REFLECTION = "I told the CFO the payback first and the architecture last, and she asked for more."
TIMEOUT_S = 300


def onboard(learner: Learner) -> None:
    pack = learner.library.packs[0]
    learner.profile.save(LearnerProfile(
        name="Ada Lovelace", role=pack.manifest.id, hours_per_week=4.0, study_days=(0, 2),
        onboarding=Onboarding.FINISHED,
    ))  # fmt: skip


def assess(learner: Learner) -> None:
    framework = learner.library.packs[0].framework
    assessment = learner.assessments.start_round(learner.library.packs[0].manifest.id)
    competencies = [c for area in framework.areas for c in area.competencies]
    for n, competency in enumerate(competencies):
        learner.assessments.save_rating(assessment.id, competency.id, LEVELS[n % len(LEVELS)])
    first = competencies[0]
    scenario = first.scenarios[0]
    chosen = scenario.answers[0]
    learner.assessments.save_scenario(assessment.id, first.id, scenario.id, 0, chosen.level)
    learner.assessments.finish(assessment.id, competency_criteria(framework))


def deliver(learner: Learner) -> None:
    modules = learner.library.modules
    module, quiz = next((m, c) for m in modules for c in m.conversations if c.type == "quiz")
    learner.mark_opened(module)
    session = PracticeSession(learner.conversations, module, quiz)
    session.start()
    while not session.finished:
        session.choose(0)
    evidence = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    with_checklist = next(m for m in modules if m.checklists)
    checklist = with_checklist.checklists[0]
    evidence.tick(with_checklist.id, checklist, checklist.items[0], True)
    evidence.add_item_to_evidence(with_checklist.id, checklist, checklist.items[0])
    with_reflection = next(m for m in modules if m.reflections)
    reflection = with_reflection.reflections[0]
    evidence.save_reflection(with_reflection.id, reflection, REFLECTION, reflection.evidences)


def review(learner: Learner) -> None:
    from fsrs import Rating

    read = next(m for m in learner.library.modules if m.retrieval)
    learner.mark_opened(read)
    learner.set_complete(read.id, True)
    card = learner.todays_review(datetime.now().astimezone()).cards[0]
    record_rating(
        learner.review, card.stored, Rating.Good, "Lead with the business number.",
        datetime.now().astimezone(), evidence=learner.evidence,
        criteria=module_criteria(learner.library, card.key.module_id),
    )  # fmt: skip


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    learner = Learner.open(folder, [bundled_content_dir()])
    try:
        onboard(learner)
        assess(learner)
        learner.pathway.accept(make_plan(request(learner.library.packs[0])), "first")
        deliver(learner)
        review(learner)
        add_portfolio_extras(learner, folder, tmp_path_factory.mktemp("files"))
        kinds = {item.kind for item in learner.evidence.all()}
        assert {"assessment", "conversation", "checklist_item", "reflection", "retrieval",
                "learner_file"} <= kinds  # fmt: skip
    finally:
        learner.close()
    return folder


def export(data_dir: Path, out: Path) -> str:
    """The command the Export portfolio dialog runs, as a separate process."""
    fmt = out.suffix.lstrip(".")
    done = subprocess.run(
        [sys.executable, "-m", "zavmo_desktop", "export", "--format", fmt, "--out", str(out),
         "--data-dir", str(data_dir), "--include", "name,role", "--progress"],
        capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_pdf_renders_is_tagged_and_holds_the_work(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.pdf"
    said = export(data_dir, out)
    assert "progress 100 Saved" in said and "portfolio-attachments.zip" in said
    reader = pypdf.PdfReader(out)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and str(root["/Lang"]) == "en-GB"
    assert root["/MarkInfo"]["/Marked"] == pypdf.generic.BooleanObject(True)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for words in ("Portfolio: Director of Machine Learning Engineering", "Ada Lovelace",
                  "Skills-gap heat map", "Competency matrix", "not a certificate", ASSESSOR,
                  "Retrieval review", "Self-assessment: Executive communication and influence",
                  "Practice conversation",
                  "What the app found", "portfolio-attachments.zip"):  # fmt: skip
        assert words in text, words
    pages = render_pages(out, tmp_path / "pages")
    assert len(pages) == len(reader.pages) >= 10
    for page in pages:
        assert not blank(page), page.name
    keep = os.environ.get("ZAVMO_EXPORT_PAGES")
    if keep:
        shutil.copytree(tmp_path / "pages", keep, dirs_exist_ok=True)


def render_pages(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(folder / "page")],
                   check=True, timeout=TIMEOUT_S)  # fmt: skip
    return sorted(folder.glob("page-*.png"))


def blank(png: Path) -> bool:
    """True when fewer than 1 in 200 pixels are darker than near-white."""
    with Image.open(png) as image:
        grey = image.convert("L")
        dark = sum(grey.histogram()[:200])
        return dark < grey.width * grey.height / 200


def test_the_json_validates_and_the_zip_holds_the_file(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.json"
    export(data_dir, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text())).validate(document)
    assert document["learner"]["name"] == "Ada Lovelace"
    assert document["heat_map"]["areas"] and document["sign_offs"]
    files = [item["attachment"] for item in document["items"] if item["attachment"]]
    included = [f["file_in_zip"] for f in files if f["included"]]
    with zipfile.ZipFile(tmp_path / document["attachments_zip"]) as archive:
        assert archive.namelist() == included
    assert any(not f["included"] and f["note"] for f in files)  # the lost copy is noted


class References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [str(v) for k, v in attrs if k in ("src", "href", "data", "action")]


def test_the_html_is_one_file_with_nothing_from_outside(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.html"
    export(data_dir, out)
    html = out.read_text(encoding="utf-8")
    parser = References()
    parser.feed(html)
    outside = [ref for ref in parser.found if ref.startswith(("http:", "https:", "//"))]
    assert outside == [] and parser.found  # internal links only
    assert all(ref.startswith("#") for ref in parser.found)
    assert "<svg" in html and 'role="img"' in html and "Ada Lovelace" in html
