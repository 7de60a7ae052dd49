"""Erase all my data: the data folder listed before and after; no learner file remains."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.core.own_data_work import folder_with_real_work
from tests.faults import read_only
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.own_data.erase import EraseError, erase_all
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.backups import set_aside
from zavmo_desktop.core.storage.instance_lock import LOCK_NAME, InstanceLock


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def everything_the_app_writes(data_dir: Path, content: Path) -> None:
    """Real work, a backup, a damaged file set aside, a cut-short write, an evidence file."""
    folder_with_real_work(data_dir, content)
    spare = data_dir / "old.sqlite3"
    spare.write_bytes((data_dir / DATABASE_NAME).read_bytes())
    set_aside(spare, data_dir / "damaged", datetime(2026, 11, 1, 9, 0))
    (data_dir / "zavmo.sqlite3.partial").write_bytes(b"half a restore")
    (data_dir / "evidence").mkdir()
    (data_dir / "evidence" / "deck.pdf").write_bytes(b"%PDF-1.7")


def test_erase_leaves_no_learner_file(data_dir: Path, bundled_content: Path) -> None:
    everything_the_app_writes(data_dir, bundled_content)
    lock = InstanceLock(data_dir)
    lock.acquire()
    before = listing(data_dir)
    for expected in (DATABASE_NAME, "content-index.sqlite3", "backups", "damaged",
                     "evidence/deck.pdf", "zavmo.sqlite3.partial", LOCK_NAME):  # fmt: skip
        assert expected in before
    assert any(name.startswith("backups/zavmo-") for name in before)
    assert any(name.startswith("damaged/old-") for name in before)

    erase_all(data_dir, include_lock=False, speech_folders=[])
    lock.release()

    assert listing(data_dir) == [LOCK_NAME]  # held by the running app; it holds only a pid
    assert (data_dir / LOCK_NAME).read_text().isdigit()
    learner = Learner.open(data_dir, [bundled_content])  # a first start again
    try:
        assert learner.profile.load().needs_onboarding
        assert learner.evidence.for_module("board-storytelling") == []
    finally:
        learner.close()


def test_erase_removes_the_lock_too_when_asked_and_nothing_it_did_not_write(
    data_dir: Path, bundled_content: Path
) -> None:
    everything_the_app_writes(data_dir, bundled_content)
    (data_dir / "my-own-notes.txt").write_text("not Zavmo's")  # a folder given with --data-dir
    InstanceLock(data_dir).path.write_text("123")
    erase_all(data_dir, speech_folders=[])
    assert listing(data_dir) == ["my-own-notes.txt"]


def test_speech_files_go_and_their_folder_stays_for_a_running_app(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    speech = tmp_path / "zavmo-speech-abc"
    speech.mkdir()
    (speech / "speech-0.wav").write_bytes(b"RIFF")
    erase_all(data_dir, speech_folders=[speech])
    assert speech.is_dir() and listing(speech) == []


def test_what_cannot_be_removed_is_named_with_the_reason(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    folder_with_real_work(data_dir, bundled_content)
    with read_only(data_dir, tmp_path) as seen, pytest.raises(EraseError) as raised:
        erase_all(seen, speech_folders=[])
    assert "Zavmo could not remove" in str(raised.value)
    assert DATABASE_NAME in str(raised.value) and "read-only drive" in str(raised.value)
    assert (data_dir / DATABASE_NAME).exists()  # nothing was half-erased behind its back
