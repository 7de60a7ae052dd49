"""`zavmo-desktop data export|erase`, run as a person would run them: exit codes 0, 1, 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.own_data_work import folder_with_real_work
from zavmo_desktop.core.storage.instance_lock import InstanceLock


@pytest.fixture(autouse=True)
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The commands' own temp folder: erase clears this user's speech files there, and must
    not touch those of other apps (or test runs) on this machine."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "zavmo_desktop", *args]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, env=os.environ.copy()
    )


def test_export_writes_the_zip_and_says_what_is_in_it(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    out = tmp_path / "my-data.zip"
    result = run("data", "export", "--out", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Saved all your data to {out}: ")
    with zipfile.ZipFile(out) as archive:
        assert len(json.loads(archive.read("tables/reflections.json"))) == 1
        assert "README.txt" in archive.namelist()


def test_export_misuse_and_failure_have_their_own_codes(data_dir: Path, tmp_path: Path) -> None:
    wrong = run("data", "export", "--out", str(tmp_path / "data.txt"), "--data-dir", str(data_dir))
    assert wrong.returncode == 2 and "--out must name a .zip file" in wrong.stderr
    missing = run("data", "export", "--data-dir", str(data_dir))
    assert missing.returncode == 2 and "--out" in missing.stderr  # argparse: required
    empty = run("data", "export", "--out", str(tmp_path / "a.zip"), "--data-dir", str(data_dir))
    assert empty.returncode == 1 and "There is no learning data" in empty.stderr
    nowhere = tmp_path / "no-such-folder" / "a.zip"
    gone = run("data", "export", "--out", str(nowhere), "--data-dir", str(data_dir))
    assert gone.returncode == 1 and "does not exist" in gone.stderr
    assert "Traceback" not in wrong.stderr + empty.stderr + gone.stderr


def test_erase_without_yes_refuses_and_keeps_everything(
    data_dir: Path, bundled_content: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    before = sorted(p.name for p in data_dir.iterdir())
    result = run("data", "erase", "--data-dir", str(data_dir))
    assert result.returncode == 2
    assert "Nothing was erased" in result.stderr and "data erase --yes" in result.stderr
    assert sorted(p.name for p in data_dir.iterdir()) == before


def test_erase_yes_removes_every_learner_file(
    data_dir: Path, bundled_content: Path, temp_folder: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    speech = temp_folder / "zavmo-speech-k2j4"  # as a read-aloud run leaves it
    speech.mkdir()
    (speech / "speech-0.wav").write_bytes(b"RIFF....WAVE")
    assert {"zavmo.sqlite3", "backups", "content-index.sqlite3"} <= {
        p.name for p in data_dir.iterdir()
    }
    result = run("data", "erase", "--yes", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Erased all your data from {data_dir}")
    assert not data_dir.exists()  # it was only Zavmo's, so the empty folder goes too
    assert speech.is_dir() and list(speech.iterdir()) == []
    again = run("data", "erase", "--yes", "--data-dir", str(data_dir))
    assert again.returncode == 0 and "Nothing to erase" in again.stdout


def test_erase_while_the_app_has_the_data_open_refuses(
    data_dir: Path, bundled_content: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    lock = InstanceLock(data_dir)
    lock.acquire()  # as the open app holds it
    try:
        result = run("data", "erase", "--yes", "--data-dir", str(data_dir))
    finally:
        lock.release()
    assert result.returncode == 1 and "Zavmo Desktop is open with this data" in result.stderr
    assert (data_dir / "zavmo.sqlite3").exists()
