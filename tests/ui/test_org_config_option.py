"""--org-config is a global option; its mistakes are told at start and the app goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from zavmo_desktop.app import _read_org_config, parse_options


def test_the_option_is_read_and_its_mistakes_reach_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "org.toml"
    config.write_text('name = "Acme"\nsparkle = 1\n', encoding="utf-8")
    options = parse_options(["--org-config", str(config)])
    assert options.org_config == str(config)
    _read_org_config(options.org_config)
    assert f"{config}: unknown key 'sparkle'" in capsys.readouterr().err


def test_a_locked_theme_takes_effect_on_first_start(tmp_path: Path) -> None:
    from zavmo_desktop.app import build_window

    config = tmp_path / "org.toml"
    config.write_text(
        '[locked.theme]\nvalue = "high_contrast"\nreason = "Shared screens"\n', encoding="utf-8"
    )
    window = build_window(["--data-dir", str(tmp_path / "data"), "--org-config", str(config)])
    try:
        settings = window.learner.settings  # type: ignore[attr-defined]
        assert settings.get("theme") == "high_contrast" and settings.is_locked("theme")
        with pytest.raises(PermissionError):
            settings.set("theme", "light")
    finally:
        window.close()
