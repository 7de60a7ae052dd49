"""The installed commands, run as a person would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import BUNDLED_CONTENT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "zavmo_desktop", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_self_test_checks_everything_and_passes(data_dir: Path) -> None:
    result = run("self-test", "--data-dir", str(data_dir))
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout
    assert [line.split(":")[0].split(maxsplit=1)[1] for line in lines] == [
        "Qt platform", "Fonts", "Speech engine", "Data folder writable",
        "Full-text search", "Bundled content",
    ]  # fmt: skip
    assert all(line.startswith("OK") for line in lines)


def test_self_test_fails_when_the_data_folder_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("self-test", "--data-dir", str(blocker / "data"))
    assert result.returncode == 1
    assert any(line.startswith("FAIL  Data folder writable") for line in result.stdout.splitlines())


def test_validate_bundled_content_is_clean() -> None:
    result = run("validate", str(BUNDLED_CONTENT))
    assert (result.returncode, result.stdout) == (0, "")
    assert "Traceback" not in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("Zavmo Desktop ")


def test_the_build_check_start_opens_the_first_module_and_quits(data_dir: Path) -> None:
    """The hidden start the bundle test runs the built executable with (tests/packaging)."""
    result = run("--smoke-open-first-module", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("opened "), result.stdout
    assert "--smoke" not in run("--help").stdout  # not offered to learners
