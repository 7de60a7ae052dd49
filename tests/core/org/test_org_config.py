"""The organisation config: read from a real TOML file, every mistake reported, defaults kept."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from zavmo_desktop.core.org.accent import (
    ACCENT_BACKGROUNDS,
    DARK_BACKGROUNDS,
    accent_for,
    accent_problem,
    contrast,
)
from zavmo_desktop.core.org.config import find_config_file, load_org_config
from zavmo_desktop.ui.palettes import THEMES

EXAMPLE = Path(__file__).parents[3] / "packaging" / "org-config.example.toml"
KEY = bytes(range(32))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "org.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_config_reads_without_a_problem() -> None:
    config = load_org_config(EXAMPLE)
    assert config.problems == []
    assert config.name and config.locked["theme"].reason
    assert "focus_timer" in config.hidden_features
    assert config.lrs is not None and config.lrs.endpoint.startswith("https://")


def test_locked_theme_defaults_and_hidden_feature_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'name = "Acme"\nhide_features = ["review"]\n[defaults]\ntext_scale = 150\n'
        '[locked.theme]\nvalue = "high_contrast"\nreason = "Site policy"\n',
    )
    config = load_org_config(path)
    assert config.problems == []
    assert config.defaults == {"text_scale": 150}
    assert config.locked["theme"].value == "high_contrast"
    assert config.hidden_features == {"review"}


def test_bad_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'name = "Acme"\n\naccent_colour = \n')
    config = load_org_config(path)
    assert config.name == "" and len(config.problems) == 1
    assert config.problems[0].startswith(f"{path}:3: ")


def test_missing_file_is_a_message_not_a_crash(tmp_path: Path) -> None:
    config = load_org_config(tmp_path / "absent.toml")
    assert "cannot read" in config.problems[0] and config.locked == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour = 1", "unknown key 'colour'"),
        ("name = 3", "name must be text"),
        ("hide_features = ['kitchen']", "unknown feature 'kitchen'"),
        ("[defaults]\ntext_scale = 900", "defaults.text_scale"),
        ("[defaults]\nsparkle = true", "unknown setting 'sparkle'"),
        ("[locked]\ntheme = 'dark'", "locked.theme must be a table"),
        ("[locked.theme]\nvalue = 'neon'\nreason = 'x'", "locked.theme: Theme must be one of"),
        ("signing_keys = ['not base64!']", "neither base64 nor PEM"),
        ("signing_keys = ['AAAA']", "is 3"),
        ("logo = 'logo.gif'", "must be a PNG or SVG"),
        ("logo = 'missing.png'", "is missing or cannot be read"),
        ("[lrs]\nendpoint = 'ftp://x'", "http(s) URL"),
    ],
)
def test_each_mistake_gets_its_own_message_and_is_left_out(
    tmp_path: Path, text: str, expected: str
) -> None:
    config = load_org_config(write(tmp_path, text))
    assert any(expected in problem for problem in config.problems), config.problems
    assert config.defaults == {} and config.locked == {} and config.hidden_features == set()
    assert config.signing_keys == [] and config.logo is None and config.lrs is None


def test_signing_keys_in_base64_and_pem_give_raw_bytes(tmp_path: Path) -> None:
    der = bytes.fromhex("302a300506032b6570032100") + KEY
    pem = (
        "-----BEGIN PUBLIC KEY-----\n"
        + base64.b64encode(der).decode()
        + "\n-----END PUBLIC KEY-----"
    )
    raw = base64.b64encode(KEY).decode()
    config = load_org_config(write(tmp_path, f"signing_keys = ['{raw}', '''{pem}''']"))
    assert config.problems == [] and config.signing_keys == [KEY, KEY]


def test_a_png_logo_relative_to_the_config_is_kept(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    config = load_org_config(write(tmp_path, "logo = 'logo.png'"))
    assert config.logo == tmp_path / "logo.png"


def test_a_pale_accent_is_refused_with_the_ratio_and_background(tmp_path: Path) -> None:
    config = load_org_config(write(tmp_path, "accent_colour = '#ffd34d'"))
    assert config.accent_colour is None
    assert "against the light theme's window #f7f7f5" in config.problems[0]
    assert "needs at least 3:1" in config.problems[0]
    assert load_org_config(write(tmp_path, "accent_colour = '#0B4FC4'")).accent_colour == "#0b4fc4"
    assert accent_problem("blue") is not None


def test_accent_backgrounds_match_the_themes() -> None:
    for theme, backgrounds in ACCENT_BACKGROUNDS.items():
        for name, colour in backgrounds.items():
            assert getattr(THEMES[theme], name) == colour


def test_where_the_config_is_looked_for(tmp_path: Path) -> None:
    assert find_config_file("given.toml", {"ZAVMO_ORG_CONFIG": "env.toml"}) == Path("given.toml")
    assert find_config_file(None, {"ZAVMO_ORG_CONFIG": "env.toml"}) == Path("env.toml")
    assert load_org_config(None).problems == []


def test_locked_theme_holds_against_the_learner_and_presets(tmp_path: Path) -> None:
    from zavmo_desktop.core.settings import Settings
    from zavmo_desktop.core.settings.presets import PRESETS
    from zavmo_desktop.core.storage.repositories import SettingsRepository
    from zavmo_desktop.core.storage.store import open_store

    config = load_org_config(
        write(
            tmp_path,
            '[defaults]\ntext_scale = 150\n[locked.theme]\nvalue = "dark"\nreason = "Policy"\n',
        )
    )
    store = open_store(tmp_path / "data")
    try:
        settings = Settings(
            SettingsRepository(store.db), config.setting_values(), config.locked_keys()
        )
        assert settings.get("theme") == "dark" and settings.get("text_scale") == 150
        with pytest.raises(PermissionError, match="set by your organisation"):
            settings.set("theme", "light")
        settings.set("text_scale", 200)  # a default, not a lock: the learner may change it
        theming = next(p for p in PRESETS.values() if "theme" in p.values)
        assert "theme" in settings.apply(theming.values)
        assert settings.get("theme") == "dark" and settings.get("text_scale") != 150
    finally:
        store.db.conn.close()


def test_a_locked_setting_says_who_set_it_and_why(tmp_path: Path) -> None:
    text = (
        'name = "Acme Care"\n[locked.theme]\nvalue = "dark"\nreason = "Night shifts"\n'
        '[locked.text_scale]\nvalue = 150\nreasn = "typo"\n'
    )
    config = load_org_config(write(tmp_path, text))
    assert config.problems == [f"{tmp_path / 'org.toml'}: locked.text_scale: unknown key 'reasn' "
                               "(known: reason, value)"]  # fmt: skip
    assert config.lock_messages() == {
        "theme": "Set by Acme Care: Night shifts",
        "text_scale": "Set by Acme Care: it is the same for everyone here",
    }
    unnamed = load_org_config(write(tmp_path, '[locked.theme]\nvalue = "dark"\n'))
    assert unnamed.lock_messages()["theme"].startswith("Set by your organisation: ")


def test_hiding_the_focus_timer_locks_it_off(tmp_path: Path) -> None:
    config = load_org_config(write(tmp_path, 'hide_features = ["focus_timer", "review"]'))
    assert config.setting_values()["show_focus_timer"] is False
    assert "show_focus_timer" in config.locked_keys()
    assert not config.features.shows("focus_timer") and not config.features.shows_screen("Review")
    assert config.features.navigation(("Home", "Review", "Portfolio")) == ("Home", "Portfolio")


def test_the_first_look_has_the_locks_over_the_learners_choice(tmp_path: Path) -> None:
    text = '[defaults]\ntext_scale = 150\nfont = "lexend"\n[locked.theme]\nvalue = "dark"\n'
    config = load_org_config(write(tmp_path, text))
    look = config.first_look({"theme": "light", "font": "system"})
    assert look == {"theme": "dark", "text_scale": 150, "font": "system"}


def test_an_svg_logo_is_kept_and_a_disguised_or_huge_one_is_not(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<?xml version="1.0"?>\n<svg xmlns="x"/>', "utf-8")
    assert load_org_config(write(tmp_path, "logo = 'logo.svg'")).logo == tmp_path / "logo.svg"
    (tmp_path / "fake.png").write_bytes(b"GIF89a" + b"\0" * 10)
    fake = load_org_config(write(tmp_path, "logo = 'fake.png'"))
    assert fake.logo is None and "is not a PNG image" in fake.problems[0]
    (tmp_path / "big.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024))
    big = load_org_config(write(tmp_path, "logo = 'big.png'"))
    assert big.logo is None and "at most 1024 KiB" in big.problems[0]


def test_an_oversized_or_unreadable_config_is_a_message(tmp_path: Path) -> None:
    path = write(tmp_path, "# " + "x" * (1024 * 1024 + 10))
    assert "larger than 1024 KiB" in load_org_config(path).problems[0]
    assert "cannot read" in load_org_config(tmp_path).problems[0]  # a folder, not a file


def test_a_setting_of_the_wrong_type_is_left_out(tmp_path: Path) -> None:
    config = load_org_config(write(tmp_path, '[defaults]\ntheme = ["dark"]\ntext_scale = "big"'))
    assert config.defaults == {} and len(config.problems) == 2


def test_the_accent_shows_in_the_dark_theme_as_a_lighter_tint() -> None:
    assert accent_for("#0b4fc4", "light") == "#0b4fc4"
    dark = accent_for("#0b4fc4", "dark")
    assert dark is not None and dark != "#0b4fc4"
    assert all(contrast(dark, b) >= 3.0 for b in DARK_BACKGROUNDS.values())
    assert accent_for("#0b4fc4", "high_contrast") is None
    assert accent_for("#0b4fc4", "low_stimulation") is None
    for name, colour in DARK_BACKGROUNDS.items():
        assert getattr(THEMES["dark"], name) == colour


def test_unknown_keys_are_one_warning_that_names_them_all(tmp_path: Path) -> None:
    config = load_org_config(write(tmp_path, 'name = "Acme"\nsparkle = 1\nglitter = 2\n'))
    assert len(config.problems) == 1 and config.name == "Acme"
    assert "unknown keys 'glitter', 'sparkle', left out (known: accent_colour" in config.problems[0]
