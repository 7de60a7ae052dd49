"""Presets, the accessibility profile file, and sections for one-at-a-time reading."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from zavmo_desktop.core.content.sections import split_sections, without_title
from zavmo_desktop.core.settings import SPECS, Settings, resolve
from zavmo_desktop.core.settings.presets import (
    PRESETS,
    apply_preset,
    matching_presets,
    preset_changes,
    uses_defaults,
)
from zavmo_desktop.core.settings.profile_file import ProfileError, read_profile, write_profile
from zavmo_desktop.core.storage.repositories import SettingsRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store


@pytest.fixture
def store(data_dir: Path) -> Iterator[OpenedStore]:
    opened = open_store(data_dir)
    yield opened
    opened.db.conn.close()


@pytest.mark.parametrize("key", PRESETS)
def test_every_preset_value_is_valid(key: str) -> None:
    for setting, value in PRESETS[key].values.items():
        assert SPECS[setting].validate(value) == value


def test_presets_meet_the_targets_they_promise() -> None:
    adhd, autism = PRESETS["adhd"].values, PRESETS["autism"].values
    low_vision, dyslexia = PRESETS["low_vision"].values, PRESETS["dyslexia"].values
    assert (adhd["timer_focus_minutes"], adhd["timer_short_break_minutes"]) == (25, 5)
    assert (adhd["timer_long_break_minutes"], adhd["timer_long_break_after"]) == (15, 4)
    assert adhd["hyperfocus_minutes"] == 90 and adhd["one_section"]
    assert autism["theme"] == "low_stimulation" and not autism["timer_sound"]
    assert autism["reduce_motion"] and autism["preview_changes"] and autism["literal_labels"]
    assert low_vision["theme"] == "high_contrast" and low_vision["text_scale"] == 150
    assert low_vision["focus_ring"] > SPECS["focus_ring"].default
    assert dyslexia["line_spacing"] == 150 and dyslexia["bold_emphasis"]
    assert dyslexia["theme"] == "cream" and dyslexia["line_focus"] == 3


def test_applying_a_preset_is_a_starting_point_the_learner_can_change(
    store: OpenedStore,
) -> None:
    settings = Settings(SettingsRepository(store.db))
    assert matching_presets(settings.snapshot(), settings.defaults()) == []
    apply_preset(settings, PRESETS["dyslexia"])
    assert matching_presets(settings.snapshot(), settings.defaults()) == ["dyslexia"]
    settings.set("theme", "light")
    assert settings.get("font") == "lexend"
    assert matching_presets(settings.snapshot(), settings.defaults()) == []


def test_a_preset_starts_from_the_defaults_so_presets_never_pile_up(store: OpenedStore) -> None:
    settings = Settings(SettingsRepository(store.db))
    settings.set("voice", "en-gb")  # the installed voice is the learner's, not a preset's
    settings.set("timer_focus_minutes", 50)
    apply_preset(settings, PRESETS["dyslexia"])
    apply_preset(settings, PRESETS["low_vision"])
    expected = {**resolve({}), **PRESETS["low_vision"].values, "voice": "en-gb"}
    assert settings.snapshot() == expected  # no Lexend, wide spacing or line focus left over
    assert matching_presets(settings.snapshot(), settings.defaults()) == ["low_vision"]
    apply_preset(settings, None)
    assert settings.snapshot() == {**resolve({}), "voice": "en-gb"}
    assert uses_defaults(settings.snapshot(), settings.defaults())
    assert matching_presets(settings.snapshot(), settings.defaults()) == []


def test_a_preset_says_what_it_would_change_before_it_is_applied(store: OpenedStore) -> None:
    settings = Settings(SettingsRepository(store.db))
    apply_preset(settings, PRESETS["dyslexia"])
    before = settings.snapshot()
    low_vision = preset_changes(settings, PRESETS["low_vision"])
    assert settings.snapshot() == before  # only described
    assert low_vision["font"] == "system" and low_vision["line_focus"] == 0
    assert low_vision["theme"] == "high_contrast" and "overlay" not in low_vision  # unchanged
    apply_preset(settings, PRESETS["low_vision"])
    assert preset_changes(settings, PRESETS["low_vision"]) == {}


def test_defaults_are_the_organisations_values_where_it_set_them(store: OpenedStore) -> None:
    settings = Settings(SettingsRepository(store.db), organisation={"theme": "cream"})
    apply_preset(settings, PRESETS["low_vision"])
    apply_preset(settings, None)
    assert settings.get("theme") == "cream"


def test_a_preset_skips_what_the_organisation_locked(store: OpenedStore) -> None:
    settings = Settings(SettingsRepository(store.db), locked=frozenset({"theme"}))
    skipped = apply_preset(settings, PRESETS["low_vision"])
    assert skipped == ["theme"]
    assert settings.get("theme") == "light" and settings.get("text_scale") == 150
    assert matching_presets(settings.snapshot(), settings.defaults(), settings.locked) == [
        "low_vision"
    ]


def test_apply_checks_every_value_before_keeping_any(store: OpenedStore) -> None:
    settings = Settings(SettingsRepository(store.db))
    with pytest.raises(ValueError, match="Letter spacing must be between 0 and 35"):
        settings.apply({"theme": "dark", "letter_spacing": 90})
    assert settings.get("theme") == "light"


def test_profile_round_trip(tmp_path: Path) -> None:
    values = {**resolve({}), **PRESETS["autism"].values}
    path = tmp_path / "mine.zavmo-profile.json"
    write_profile(path, values)
    profile = read_profile(path)
    assert profile.values == values and profile.skipped == []
    assert not list(tmp_path.glob("*.partial"))


def test_profile_keeps_good_values_and_names_the_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    document = {
        "format": "zavmo-accessibility-profile",
        "version": 1,
        "settings": {"theme": "cream", "text_scale": 900, "sparkles": True},
    }
    path.write_text(json.dumps(document))
    profile = read_profile(path)
    assert profile.values == {"theme": "cream"}
    assert profile.skipped == [
        "Text size must be between 75 and 250",
        "sparkles: not a setting this version knows",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{\n\n  oops", r":3: not valid JSON"),
        ('{"format": "something-else"}', "not a Zavmo accessibility profile"),
        ("[1, 2]", "not a Zavmo accessibility profile"),
        ('{"format": "zavmo-accessibility-profile", "version": 9}', "different version"),
        ('{"format": "zavmo-accessibility-profile", "version": 1}', 'no "settings" section'),
    ],
)
def test_unreadable_profiles_say_why(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ProfileError, match=message):
        read_profile(path)


def test_huge_or_binary_files_are_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    huge.write_text(" " * 70_000)
    with pytest.raises(ProfileError, match="too large"):
        read_profile(huge)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ProfileError, match="could not be read"):
        read_profile(binary)


HTML = (
    '<h1 id="t">Title</h1>\n<p>Intro text.</p>\n<h2 id="a">First &amp; best</h2>\n'
    '<p>One.</p>\n<h2 id="b"><em>Second</em></h2>\n<p>Two.</p>\n'
)


def test_sections_split_at_second_level_headings() -> None:
    sections = split_sections(HTML, "Introduction")
    assert [s.title for s in sections] == ["Introduction", "First & best", "Second"]
    assert sections[1].html.startswith('<h2 id="a">') and "One." in sections[1].html
    assert "Title" not in "".join(s.html for s in sections)
    assert "".join(s.html for s in sections) == without_title(HTML)


def test_a_module_without_headings_is_one_section() -> None:
    assert [s.title for s in split_sections("<p>Only text.</p>", "Introduction")] == [
        "Introduction"
    ]
    assert split_sections("<h1>T</h1><h2>A</h2><p>x</p>", "Intro")[0].title == "A"


def test_a_preset_is_written_in_one_transaction(store: OpenedStore) -> None:
    """Each transaction is an fsync under synchronous=FULL (~2.5 ms): a preset is one."""
    settings = Settings(SettingsRepository(store.db))
    transactions: list[str] = []
    store.db.conn.set_trace_callback(
        lambda sql: transactions.append(sql) if sql.strip().upper() == "BEGIN" else None
    )
    changed = preset_changes(settings, PRESETS["dyslexia"])
    apply_preset(settings, PRESETS["dyslexia"])
    store.db.conn.set_trace_callback(None)
    assert len(changed) >= 5 and len(transactions) == 1
    again = Settings(SettingsRepository(store.db))
    assert {key: again.get(key) for key in changed} == changed
