"""Erase all my data: every file the app wrote about the learner, and nothing else.

The caller closes the learner's database first (Learner.close). The instance lock is
kept while the app that holds it keeps running, so a second start still sees it; the
CLI, which takes the lock itself, removes it too.
"""

from __future__ import annotations

import getpass
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from zavmo_desktop.core.own_data.places import SPEECH_PREFIX, learner_files
from zavmo_desktop.core.storage.files import fsync_folder
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, classify, explain

CONFIRM_WORD = "ERASE"


class EraseError(Exception):
    """Something could not be removed; the message lists what is left and why."""


def erase_all(
    data_dir: Path, include_lock: bool = True, speech_folders: Iterable[Path] | None = None
) -> list[Path]:
    """Remove the learner's files; returns what was removed. Raises EraseError after
    trying every file, so one that will not go never keeps the others.

    `speech_folders` (default: this user's): their files go, the folders stay, because a
    running app (perhaps with another data folder) writes its next sentence there."""
    removed: list[Path] = []
    failures: list[tuple[Path, BaseException]] = []
    folders = speech_folders_of_this_user() if speech_folders is None else speech_folders
    speech = [path for folder in folders if folder.is_dir() for path in folder.iterdir()]
    targets = [*learner_files(data_dir, include_lock), *speech]
    for path in targets:
        try:
            _remove(path)
            removed.append(path)
        except STORAGE_ERRORS as error:
            failures.append((path, error))
    if data_dir.is_dir():
        fsync_folder(data_dir)
    if failures:
        left = ", ".join(str(path) for path, _ in failures)
        reason = explain(classify(failures[0][1], data_dir), data_dir)
        raise EraseError(f"Zavmo could not remove {left}. {reason}")
    return removed


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def speech_folders_of_this_user() -> list[Path]:
    """Each run's synthesised speech, in the system temp folder (a run removes its own
    folder when it ends; a crash leaves it behind)."""
    folder = Path(tempfile.gettempdir())
    user = getpass.getuser()
    found = []
    for path in folder.glob(f"{SPEECH_PREFIX}*"):
        try:
            if path.is_dir() and _owner(path) == user:
                found.append(path)
        except OSError:
            continue
    return found


def _owner(path: Path) -> str:
    if os.name != "posix":
        return getpass.getuser()  # Windows: the temp folder is the user's own already
    return path.owner()
