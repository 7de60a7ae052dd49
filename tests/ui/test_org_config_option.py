"""--org-config is a global option; its mistakes are told at start and the app goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from zavmo_desktop.app import _report_org_config_problems, parse_options


def test_the_option_is_read_and_its_mistakes_reach_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "org.toml"
    config.write_text('name = "Acme"\nsparkle = 1\n', encoding="utf-8")
    options = parse_options(["--org-config", str(config)])
    assert options.org_config == str(config)
    _report_org_config_problems(options.org_config)
    assert f"{config}: unknown key 'sparkle'" in capsys.readouterr().err
