"""Files in the learner's data folder: private, and replaced whole or not at all.

A file is written to `<name>.partial` beside its target, fsynced, then renamed over
it, and the folder is fsynced so the rename itself survives a power cut. A `.partial`
left by a kill is only ever a copy and is removed at the next start.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

PARTIAL = ".partial"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
_POSIX = sys.platform != "win32"


def private_folder(folder: Path) -> Path:
    """Create the folder (and parents) for this learner only; an existing one is left as is."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        if _POSIX:
            os.chmod(folder, PRIVATE_FOLDER)  # mkdir's mode is narrowed by umask, not set
    return folder


def make_private(path: Path) -> None:
    if _POSIX and path.exists():
        # Some media (a FAT USB stick) have no modes to set; that is not a reason to stop.
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE)


def partial_of(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL)


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    if not _POSIX:
        return  # Windows cannot open a folder to fsync it; its rename is already durable
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def settle(partial: Path, target: Path) -> None:
    """Make a fully written partial file private and durable, then put it in place."""
    make_private(partial)
    fsync_file(partial)
    os.replace(partial, target)
    fsync_folder(target.parent)


def write_text_whole(path: Path, text: str) -> None:
    """A text file that is either whole or not there (for the learner's unsaved words)."""
    partial = partial_of(path)
    try:
        partial.write_text(text, encoding="utf-8")
        fsync_file(partial)
        os.replace(partial, path)
        fsync_folder(path.parent)
    finally:
        partial.unlink(missing_ok=True)


def remove_partials(*folders: Path) -> None:
    """What a kill left half-written: never the learner's only copy of anything."""
    for folder in folders:
        if folder.is_dir():
            for leftover in folder.glob(f"*{PARTIAL}*"):  # with its -journal, if any
                leftover.unlink(missing_ok=True)
