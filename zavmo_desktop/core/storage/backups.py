"""Rotating backups of the learner's database, and restoring from them.

Only good backups (they pass quick_check and hold learner data) count towards what is
kept: a backup of an empty or unhealthy database never thins a good one away.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from zavmo_desktop.core.storage.database import is_good_backup
from zavmo_desktop.core.storage.files import (
    fsync_folder,
    make_private,
    partial_of,
    private_folder,
    settle,
)

STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
DAILY_KEPT = 7
WEEKLY_KEPT = 4


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime


def list_backups(folder: Path) -> list[Backup]:
    """Backups in the folder, newest first."""
    found = []
    for path in folder.glob("zavmo-*.sqlite3"):
        try:
            taken = datetime.strptime(path.stem.removeprefix("zavmo-"), STAMP_FORMAT)
        except ValueError:
            continue
        found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(conn: sqlite3.Connection, folder: Path, now: datetime) -> Path:
    """A whole copy or none: written beside its name, fsynced, then renamed."""
    private_folder(folder)
    target = folder / f"zavmo-{now.strftime(STAMP_FORMAT)}.sqlite3"
    partial = partial_of(target)
    try:
        destination = sqlite3.connect(str(partial))
        try:
            conn.backup(destination)
            # A backup is a single file: no WAL, so checking it later leaves nothing beside it.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        settle(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    return target


def backups_to_keep(stamps: list[datetime]) -> set[datetime]:
    """The newest backup of each of the last 7 days that have one, then of 4 earlier weeks."""
    newest_first = sorted(stamps, reverse=True)
    daily: dict[date, datetime] = {}
    for stamp in newest_first:
        if stamp.date() not in daily and len(daily) < DAILY_KEPT:
            daily[stamp.date()] = stamp
    oldest_daily = min(daily) if daily else date.max
    weekly: dict[tuple[int, int], datetime] = {}
    for stamp in newest_first:
        week = stamp.isocalendar()[:2]
        if stamp.date() < oldest_daily and week not in weekly and len(weekly) < WEEKLY_KEPT:
            weekly[week] = stamp
    return set(daily.values()) | set(weekly.values())


def thin_backups(folder: Path) -> None:
    """Keep the rotation of good backups; others go once a good one exists."""
    backups = list_backups(folder)
    good = [b for b in backups if is_good_backup(b.path)]
    counted = good or backups  # with nothing good yet, empty ones rotate among themselves
    keep = backups_to_keep([b.taken_at for b in counted])
    for backup in backups:
        if backup.taken_at not in keep or (good and backup not in good):
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{backup.path}{suffix}").unlink(missing_ok=True)


def set_aside(database: Path, damaged_folder: Path, now: datetime) -> Path:
    """Move a bad database (and its WAL files) aside by renaming: kept, never deleted."""
    private_folder(damaged_folder)
    target = damaged_folder / f"{database.stem}-{now.strftime(STAMP_FORMAT)}{database.suffix}"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            os.replace(source, f"{target}{suffix}")  # same folder tree: a rename
            make_private(Path(f"{target}{suffix}"))
    fsync_folder(damaged_folder)
    fsync_folder(database.parent)
    return target


def newest_good(backup_folder: Path) -> Backup | None:
    for backup in list_backups(backup_folder):
        if is_good_backup(backup.path):
            return backup
    return None


def restore(backup: Backup, database: Path, damaged_folder: Path, now: datetime) -> Path | None:
    """Put the backup in the database's place; what was there is set aside first.

    The copy is made in full beside the database before anything is moved, so a full
    disk or a kill leaves either the old file or the restored one, never half of one.
    Returns where the old file was kept, if there was one.
    """
    partial = partial_of(database)
    try:
        shutil.copyfile(backup.path, partial)
        leftovers = [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm")]
        there = any(path.exists() for path in leftovers)
        kept = set_aside(database, damaged_folder, now) if there else None
        settle(partial, database)
    finally:
        partial.unlink(missing_ok=True)
    return kept
