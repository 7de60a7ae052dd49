"""Settings: declared once, validated, stored in the learner's database, organisation presets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from zavmo_desktop.core.settings import SPECS, Settings, resolve
from zavmo_desktop.core.storage.repositories import SettingsRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store


@pytest.fixture
def store(data_dir: Path) -> Iterator[OpenedStore]:
    opened = open_store(data_dir, now=lambda: datetime(2025, 3, 14, 9, 26))
    yield opened
    opened.db.conn.close()


@pytest.fixture
def repo(store: OpenedStore) -> SettingsRepository:
    return SettingsRepository(store.db)


# --- declarations and validation -------------------------------------------------------------


def test_every_default_is_valid() -> None:
    for key, spec in SPECS.items():
        assert spec.key == key
        assert spec.validate(spec.default) == spec.default
        assert spec.label


def test_defaults_on_a_fresh_database(repo: SettingsRepository) -> None:
    settings = Settings(repo)
    assert settings.snapshot() == {key: spec.default for key, spec in SPECS.items()}
    assert settings.get("theme") == "light"
    assert settings.get("text_scale") == 100
    assert repo.all() == {}  # defaults are not written down


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("text_scale", 74, "Text size must be between 75 and 250"),
        ("text_scale", 251, "Text size must be between 75 and 250"),
        ("text_scale", "120", "Text size must be a whole number"),
        ("text_scale", 120.5, "Text size must be a whole number"),
        ("text_scale", True, "Text size must be a whole number"),
        ("theme", "purple", "Theme must be one of light, dark"),
        ("theme", None, "Theme must be one of light, dark"),
    ],
)
def test_invalid_values_are_refused_with_a_message(
    repo: SettingsRepository, key: str, value: Any, message: str
) -> None:
    settings = Settings(repo)
    with pytest.raises(ValueError, match=message):
        settings.set(key, value)
    assert repo.all() == {}
    assert settings.get(key) == SPECS[key].default


@pytest.mark.parametrize(("key", "value"), [("text_scale", 75), ("text_scale", 250)])
def test_limits_are_inclusive(repo: SettingsRepository, key: str, value: int) -> None:
    Settings(repo).set(key, value)
    assert repo.all() == {key: value}


def test_unknown_key_is_a_programming_error(repo: SettingsRepository) -> None:
    with pytest.raises(KeyError):
        Settings(repo).set("no_such_setting", 1)


# --- the learner's own choices ----------------------------------------------------------------


def test_choice_is_stored_and_read_back_by_a_new_settings(repo: SettingsRepository) -> None:
    Settings(repo).set("theme", "dark")
    Settings(repo).set("text_scale", 150)
    again = Settings(repo)
    assert again.get("theme") == "dark"
    assert again.get("text_scale") == 150
    assert repo.all() == {"theme": "dark", "text_scale": 150}


def test_choice_survives_reopening_the_database(data_dir: Path) -> None:
    first = open_store(data_dir, now=lambda: datetime(2025, 3, 14))
    Settings(SettingsRepository(first.db)).set("theme", "dark")
    first.db.conn.close()
    second = open_store(data_dir, now=lambda: datetime(2025, 3, 15))
    try:
        assert Settings(SettingsRepository(second.db)).get("theme") == "dark"
    finally:
        second.db.conn.close()


def test_stored_values_that_are_no_longer_valid_fall_back_to_defaults(
    repo: SettingsRepository,
) -> None:
    repo.set("text_scale", 9000)  # written by hand, or by a release with other limits
    repo.set("theme", "sepia")
    repo.set("retired_setting", True)
    settings = Settings(repo)
    assert settings.get("text_scale") == 100
    assert settings.get("theme") == "light"
    assert "retired_setting" not in settings.snapshot()


def test_resolve_gives_every_setting_from_raw_values() -> None:
    resolved = resolve({"theme": "dark", "text_scale": "huge", "other": 1})
    assert resolved == {**{k: s.default for k, s in SPECS.items()}, "theme": "dark"}


def test_listeners_hear_changes_only(repo: SettingsRepository) -> None:
    settings = Settings(repo)
    heard: list[tuple[str, Any]] = []

    def listener(key: str, value: Any) -> None:
        heard.append((key, value))

    settings.subscribe(listener)
    settings.set("theme", "dark")
    settings.set("theme", "dark")  # no change, no call
    settings.set("text_scale", 125)
    assert heard == [("theme", "dark"), ("text_scale", 125)]
    settings.unsubscribe(listener)
    settings.unsubscribe(listener)  # twice is harmless
    settings.set("theme", "light")
    assert len(heard) == 2


def test_a_refused_value_is_not_announced(repo: SettingsRepository) -> None:
    settings = Settings(repo)
    heard: list[str] = []
    settings.subscribe(lambda key, value: heard.append(key))
    with pytest.raises(ValueError):
        settings.set("theme", "neon")
    assert heard == []


def _pick(values: dict[str, Any]) -> dict[str, Any]:
    return {key: values[key] for key in ("theme", "text_scale")}


# --- the organisation ------------------------------------------------------------------------


def test_organisation_value_replaces_the_default(repo: SettingsRepository) -> None:
    settings = Settings(repo, organisation={"theme": "dark", "text_scale": 140})
    assert _pick(settings.snapshot()) == {"theme": "dark", "text_scale": 140}
    assert not settings.is_locked("theme")


def test_learner_choice_beats_an_unlocked_organisation_value(repo: SettingsRepository) -> None:
    settings = Settings(repo, organisation={"theme": "dark"})
    settings.set("theme", "light")
    assert settings.get("theme") == "light"
    assert Settings(repo, organisation={"theme": "dark"}).get("theme") == "light"


def test_invalid_organisation_values_are_ignored(repo: SettingsRepository) -> None:
    settings = Settings(repo, organisation={"theme": "corporate-blue", "text_scale": 10})
    assert _pick(settings.snapshot()) == {"theme": "light", "text_scale": 100}


def test_locked_setting_uses_the_organisation_value_and_cannot_be_changed(
    repo: SettingsRepository,
) -> None:
    repo.set("text_scale", 200)  # chosen before the organisation locked it
    settings = Settings(repo, organisation={"text_scale": 150}, locked=frozenset({"text_scale"}))
    assert settings.is_locked("text_scale")
    assert settings.get("text_scale") == 150
    with pytest.raises(PermissionError, match="Text size is set by your organisation"):
        settings.set("text_scale", 175)
    assert repo.all() == {"text_scale": 200}  # the learner's own choice is not thrown away
    assert Settings(repo).get("text_scale") == 200  # and returns if the lock is lifted


def test_locked_without_an_organisation_value_keeps_the_default(repo: SettingsRepository) -> None:
    repo.set("theme", "dark")
    settings = Settings(repo, locked=frozenset({"theme"}))
    assert settings.get("theme") == "light"
    assert settings.snapshot()["theme"] == "light"
