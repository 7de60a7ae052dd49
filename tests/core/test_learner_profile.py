"""The learner profile: stored in a real database, checked, and kept across restarts."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from zavmo_desktop.core.profile.how_i_work import STATEMENTS, TIE_ORDER, TOPICS, suggest
from zavmo_desktop.core.profile.model import (
    LearnerProfile,
    Onboarding,
    hours_note,
    keep_valid,
    problems,
)
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.learner_profile import InvalidProfile, ProfileRepository
from zavmo_desktop.core.storage.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data"
FULL = LearnerProfile(
    name="  Sam ",
    role="director-ml-engineering",
    hours_per_week=4.5,
    study_days=(3, 0, 3),
    start_date=date(2027, 1, 4),
    target_date=date(2027, 6, 30),
    how_i_work=("attention_breaks", "routine_next"),
    onboarding=Onboarding.IN_PROGRESS,
    onboarding_step=2,
)


def test_a_new_learner_has_an_empty_profile_and_needs_onboarding(data_dir: Path) -> None:
    store = open_store(data_dir)
    try:
        profile = ProfileRepository(store.db).load()
    finally:
        store.db.conn.close()
    assert profile == LearnerProfile()
    assert profile.needs_onboarding


def test_every_answer_is_kept_across_a_restart(data_dir: Path) -> None:
    store = open_store(data_dir)
    ProfileRepository(store.db, now=lambda: datetime(2027, 1, 1, 9)).save(FULL)
    store.db.conn.close()
    again = open_store(data_dir)
    try:
        loaded = ProfileRepository(again.db).load()
        created = again.db.execute("SELECT created_at FROM learner_profile").fetchone()[0]
    finally:
        again.db.conn.close()
    assert loaded == FULL.but(name="Sam", study_days=(0, 3))
    assert loaded.needs_onboarding  # paused at step 2: it resumes there
    assert created == "2027-01-01T09:00:00"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"hours_per_week": 61.0}, "hours_per_week", "from 0 to 60"),
        ({"hours_per_week": -1.0}, "hours_per_week", "from 0 to 60"),
        ({"target_date": date(2027, 1, 4)}, "target_date", "after the start date"),
        ({"target_date": date(2026, 12, 1)}, "target_date", "after the start date"),
        ({"name": "x" * 81}, "name", "up to 80 characters"),
        ({"study_days": (7,)}, "study_days", "seven weekdays"),
    ],
)
def test_what_does_not_make_sense_is_refused_with_a_calm_message(
    data_dir: Path, change: dict[str, object], field: str, words: str
) -> None:
    wrong = FULL.but(**change)
    assert [(p.field, words in p.message) for p in problems(wrong)] == [(field, True)]
    store = open_store(data_dir)
    try:
        repository = ProfileRepository(store.db)
        repository.save(FULL)
        with pytest.raises(InvalidProfile):
            repository.save(wrong)
        assert repository.load() == FULL.but(name="Sam", study_days=(0, 3))  # nothing changed
    finally:
        store.db.conn.close()


def test_zero_hours_is_allowed_and_said_honestly() -> None:
    zero = FULL.but(hours_per_week=0.0)
    assert problems(zero) == []
    assert "cannot plan your weeks yet" in hours_note(zero)
    assert hours_note(FULL) == "That is about 2 hours 15 minutes on each of your 2 study days."
    assert hours_note(FULL.but(hours_per_week=None)) == ""


def test_keep_valid_puts_back_only_the_fields_that_do_not_make_sense() -> None:
    saved = FULL
    draft = FULL.but(name="Alex", target_date=date(2026, 1, 1))
    assert keep_valid(draft, saved) == FULL.but(name="Alex")
    moved_start = FULL.but(start_date=date(2027, 7, 1))  # now past the saved target
    assert keep_valid(moved_start, saved) == moved_start.but(target_date=None)


def test_an_earlier_learner_is_not_sent_through_onboarding(data_dir: Path) -> None:
    shutil.copyfile(DATA / "learner-schema-0.1.0.sqlite3", data_dir / DATABASE_NAME)
    store = open_store(data_dir)
    try:
        profile = ProfileRepository(store.db).load()
    finally:
        store.db.conn.close()
    assert profile.name == "Ada Lovelace"
    assert profile.onboarding is Onboarding.SKIPPED
    assert not profile.needs_onboarding


def test_each_statement_points_to_a_preset_and_is_plain() -> None:
    assert set(TIE_ORDER) == set(PRESETS)
    for topic in TOPICS:
        for statement in topic.statements:
            assert statement.preset in PRESETS
            assert statement.text.endswith(".") and len(statement.text) <= 60


@pytest.mark.parametrize(
    ("answers", "preset", "also"),
    [
        ([], None, []),
        (["no_such_statement"], None, []),
        (["reading_long_text", "reading_listen"], "dyslexia", []),
        (["attention_drifts", "routine_reminders", "sensory_busy"], "adhd", ["autism"]),
        (["sensory_busy", "routine_next", "attention_breaks"], "autism", ["adhd"]),
        (["reading_bigger", "sensory_contrast", "reading_long_text"], "low_vision", ["dyslexia"]),
        # a tie goes to the preset first in TIE_ORDER
        (["attention_breaks", "routine_literal"], "adhd", ["autism"]),
        (["reading_bigger", "reading_listen"], "low_vision", ["dyslexia"]),
    ],
)
def test_the_answers_suggest_the_preset_most_of_them_point_to(
    answers: list[str], preset: str | None, also: list[str]
) -> None:
    suggestion = suggest(answers)
    assert (suggestion.preset.key if suggestion.preset else None) == preset
    assert [p.key for p in suggestion.also] == also
    expected = [
        STATEMENTS[a].text for a in answers if a in STATEMENTS and STATEMENTS[a].preset == preset
    ]
    assert list(suggestion.reasons) == expected
