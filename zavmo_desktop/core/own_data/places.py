"""Every file and folder the app writes in the learner's data folder, named once.

Erase removes exactly these (never whatever else a learner keeps in a folder they gave
with --data-dir); export reads the database and the learner's own files among them.
"""

from __future__ import annotations

from pathlib import Path

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.content_index import INDEX_NAME
from zavmo_desktop.core.storage.files import PARTIAL
from zavmo_desktop.core.storage.instance_lock import LOCK_NAME

SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")
BACKUPS = "backups"
DAMAGED = "damaged"  # databases set aside at start, kept until now
EVIDENCE = "evidence"  # files the learner adds to their portfolio, copied in
SPEECH_PREFIX = "zavmo-speech-"  # this run's synthesised speech, in the system temp folder


def database_files(data_dir: Path) -> list[Path]:
    return [data_dir / f"{name}{suffix}" for name in (DATABASE_NAME, INDEX_NAME)
            for suffix in SQLITE_SUFFIXES]  # fmt: skip


def app_folders(data_dir: Path) -> list[Path]:
    return [data_dir / BACKUPS, data_dir / DAMAGED, data_dir / EVIDENCE]


def partial_files(data_dir: Path) -> list[Path]:
    """What a write that was cut short left beside its target."""
    return sorted(data_dir.glob(f"*{PARTIAL}*")) if data_dir.is_dir() else []


def learner_files(data_dir: Path, include_lock: bool = True) -> list[Path]:
    """Every path the app may have written here that exists now."""
    candidates = [*database_files(data_dir), *app_folders(data_dir), *partial_files(data_dir)]
    if include_lock:
        candidates.append(data_dir / LOCK_NAME)
    return [path for path in candidates if path.exists() or path.is_symlink()]
