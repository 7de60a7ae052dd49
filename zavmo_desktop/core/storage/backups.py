"""Rotating backups of the learner's database, and restoring from them."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from zavmo_desktop.core.storage.database import is_healthy

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
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"zavmo-{now.strftime(STAMP_FORMAT)}.sqlite3"
    partial = target.with_suffix(".partial")
    destination = sqlite3.connect(str(partial))
    try:
        conn.backup(destination)
        # A backup is a single file: no WAL, so checking it later leaves nothing beside it.
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()
    partial.replace(target)  # a backup is either whole or absent
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
    backups = list_backups(folder)
    keep = backups_to_keep([b.taken_at for b in backups])
    for backup in backups:
        if backup.taken_at not in keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{backup.path}{suffix}").unlink(missing_ok=True)


def set_aside_damaged(database: Path, damaged_folder: Path, now: datetime) -> Path:
    """Move a damaged database (and its WAL files) aside; it is kept, never deleted."""
    damaged_folder.mkdir(parents=True, exist_ok=True)
    target = damaged_folder / f"{database.stem}-{now.strftime(STAMP_FORMAT)}{database.suffix}"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            shutil.move(str(source), f"{target}{suffix}")
    return target


def restore_newest_good(backup_folder: Path, database: Path) -> Backup | None:
    for backup in list_backups(backup_folder):
        if is_healthy(backup.path):
            shutil.copyfile(backup.path, database)
            return backup
    return None
