"""The "About your learning" page the app ships (issue 12 item 12): plain to read, in the
project's own words, about each of ADHD, dyslexia and autism, and pointing to settings
that exist."""

from __future__ import annotations

import re

import textstat

from tests.content.content_text import paragraphs, sentences, words
from tests.content.test_content_quality import (
    PARAGRAPH_WORDS,
    SENTENCE_WORDS,
    SUMMARY_EASE,
    copied_runs,
    seed_fingerprints,
)
from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.paths import about_your_learning_path

CLINICAL = r"\b(disorder|deficit|symptoms?|suffer\w*|patients?|condition|cure|impair\w*|superpower)"


def page() -> str:
    return about_your_learning_path().read_text(encoding="utf-8")


def prose() -> list[str]:
    return paragraphs(page())


def test_it_is_easy_to_read_in_short_sentences_and_paragraphs() -> None:
    units = prose()
    assert textstat.flesch_reading_ease(" ".join(units)) >= SUMMARY_EASE
    long = [s for unit in units for s in sentences(unit) if len(words(s)) > SENTENCE_WORDS]
    assert long == [], f"sentences over {SENTENCE_WORDS} words"
    assert [u[:60] for u in units if len(words(u)) > PARAGRAPH_WORDS] == []
    assert 300 <= len(words(" ".join(units))) <= 1200  # short: a page, not a module


def test_it_copies_no_run_of_twelve_words_from_the_source_documents() -> None:
    assert copied_runs(page(), seed_fingerprints()) == []


def test_it_covers_each_way_of_learning_and_where_people_work() -> None:
    headings = re.findall(r"^## (.+)$", page(), re.MULTILINE)
    assert headings[:3] == ["ADHD", "Dyslexia", "Autism"]
    assert "Where and how you work" in headings
    for part in ("What people often bring", "What can be harder", "What tends to help",
                 "In Zavmo"):  # fmt: skip
        assert page().count(f"**{part}.**") == 3


def test_it_is_never_clinical() -> None:
    assert re.findall(CLINICAL, page(), re.IGNORECASE) == []


def test_the_settings_it_names_are_the_apps() -> None:
    text = " ".join(page().split())
    for key in ("adhd", "dyslexia", "autism"):
        assert PRESETS[key].name.split(" (")[0] + " preset" in text
    for section in ("Focus timer", "Reading aids", "Text", "Colours", "Read aloud"):
        assert f"in {section}" in text or f", {section}" in text or f"and {section}" in text
    for key in ("line_focus", "reading_ruler", "preview_changes"):
        assert SPECS[key].label.lower() in text.lower()
