"""The one place that tells what a failed read or write means, in the learner's words.

Not every SQLite or file error is damage: a full disk, a read-only drive, a folder the
learner's account may not use and a file another program holds each have their own
cause and their own remedy, and none of them is a reason to move a file aside.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from enum import Enum
from pathlib import Path


class Problem(Enum):
    DISK_FULL = "disk full"
    READ_ONLY = "read-only"
    PERMISSION = "permission"
    LOCKED = "locked"
    DAMAGED = "damaged"
    OTHER = "other"


# What failed, as short as fits after "Not saved yet: " where the learner typed.
SHORT = {
    Problem.DISK_FULL: "the disk is full",
    Problem.READ_ONLY: "your data folder is on a read-only drive",
    Problem.PERMISSION: "Zavmo is not allowed to write to your data folder",
    Problem.LOCKED: "another program is using your progress file",
    Problem.DAMAGED: "your progress file is damaged",
    Problem.OTHER: "Zavmo could not write to your progress file",
}

# Storage errors the UI catches around a save; anything else is a bug and is raised.
STORAGE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError)

_SQLITE_PRIMARY = {
    13: Problem.DISK_FULL,  # SQLITE_FULL
    8: Problem.PERMISSION,  # SQLITE_READONLY: refined by the folder below
    14: Problem.PERMISSION,  # SQLITE_CANTOPEN: likewise
    3: Problem.PERMISSION,  # SQLITE_PERM
    23: Problem.PERMISSION,  # SQLITE_AUTH
    5: Problem.LOCKED,  # SQLITE_BUSY
    6: Problem.LOCKED,  # SQLITE_LOCKED
    11: Problem.DAMAGED,  # SQLITE_CORRUPT
    26: Problem.DAMAGED,  # SQLITE_NOTADB
    10: Problem.OTHER,  # SQLITE_IOERR: refined by the folder below
}
_ERRNO = {
    errno.ENOSPC: Problem.DISK_FULL,
    errno.EDQUOT: Problem.DISK_FULL,
    errno.EROFS: Problem.READ_ONLY,
    errno.EACCES: Problem.PERMISSION,
    errno.EPERM: Problem.PERMISSION,
    errno.EAGAIN: Problem.LOCKED,
    errno.EBUSY: Problem.LOCKED,
}
# SQLite errors made without a code (by older builds) still carry its standard words.
_SQLITE_WORDS = (
    ("disk is full", Problem.DISK_FULL),
    ("readonly", Problem.PERMISSION),
    ("unable to open", Problem.PERMISSION),
    ("locked", Problem.LOCKED),
    ("malformed", Problem.DAMAGED),
    ("not a database", Problem.DAMAGED),
    ("disk i/o error", Problem.OTHER),
)


def classify(error: BaseException, folder: Path | None = None) -> Problem:
    """What kind of failure the error is; `folder` (the data folder) refines the cause."""
    problem = _first_guess(error)
    if problem in (Problem.PERMISSION, Problem.OTHER) and folder is not None:
        if _is_read_only(folder):
            return Problem.READ_ONLY
        if problem is Problem.OTHER and _is_full(folder):
            return Problem.DISK_FULL
    return problem


def _first_guess(error: BaseException) -> Problem:
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE_PRIMARY:
            return _SQLITE_PRIMARY[code & 0xFF]
        words = str(error).lower()
        for phrase, problem in _SQLITE_WORDS:
            if phrase in words:
                return problem
        return Problem.OTHER
    if isinstance(error, OSError) and error.errno is not None:
        return _ERRNO.get(error.errno, Problem.OTHER)
    return Problem.OTHER


def _is_read_only(folder: Path) -> bool:
    for place in (folder, *folder.parents):
        if place.exists():
            try:
                return bool(os.statvfs(place).f_flag & os.ST_RDONLY)
            except (OSError, AttributeError):  # no statvfs on Windows
                return False
    return False


def _is_full(folder: Path) -> bool:
    try:
        return os.statvfs(folder).f_bavail == 0
    except (OSError, AttributeError):
        return False


def explain(problem: Problem, folder: Path) -> str:
    """The whole message for a dialog or a start-up notice: what happened, what to do."""
    if problem is Problem.DISK_FULL:
        return "Your disk is full. Nothing was lost. Free some space and Zavmo will save again."
    if problem is Problem.READ_ONLY:
        return (
            f"Your learning data is on a read-only drive or folder ({folder}). Nothing was "
            "changed. Make it writable, or start Zavmo with --data-dir set to a folder you "
            "can write to."
        )
    if problem is Problem.PERMISSION:
        return (
            f"Zavmo is not allowed to read or write your learning data in {folder}. Nothing "
            "was moved or changed. Give your user account access to that folder and its "
            "files, then start Zavmo again."
        )
    if problem is Problem.LOCKED:
        return (
            f"Another program is using your progress file in {folder} (a sync or backup tool, "
            "perhaps). Nothing was lost. Wait for it to finish or close it, and Zavmo will "
            "save again."
        )
    if problem is Problem.DAMAGED:
        return f"Your progress file in {folder} is damaged. Start Zavmo again to restore it."
    return (
        f"Zavmo could not read or write your learning data in {folder}. Nothing was moved "
        "or deleted. Check the drive, then start Zavmo again."
    )


WORDS_KEPT = "Your words are kept here, and Zavmo keeps trying."
TRY_AGAIN = "Try again soon."
SETTINGS_KEPT = "Your choices apply now, and Zavmo keeps trying to save them."


def not_saved(problem: Problem, then: str = WORDS_KEPT) -> str:
    """What the place the learner typed in (or clicked) says while it is not saved yet."""
    return f"Not saved yet: {SHORT[problem]}. {then}"


def describe_failure(error: BaseException, folder: Path) -> str:
    """Why the learner's data could not be opened, for the dialog that says so."""
    if isinstance(error, StorageError):
        return str(error)
    if isinstance(error, STORAGE_ERRORS):
        return explain(classify(error, folder), folder)
    return f"Zavmo could not open your learning data in {folder}.\n\n{error}"


class StorageError(Exception):
    """The learner's data could not be read or written for a reason that is not damage."""

    def __init__(self, problem: Problem, folder: Path, cause: BaseException) -> None:
        super().__init__(explain(problem, folder))
        self.problem = problem
        self.folder = folder
        self.cause = cause

    @classmethod
    def from_error(cls, error: BaseException, folder: Path) -> StorageError:
        return cls(classify(error, folder), folder, error)
