"""Opening the learner's store at start-up: check, restore if damaged, migrate, back up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.backups import (
    make_backup,
    restore_newest_good,
    set_aside_damaged,
    thin_backups,
)
from zavmo_desktop.core.storage.database import is_healthy, open_database


@dataclass
class OpenedStore:
    db: Database
    path: Path
    backup_folder: Path
    notices: list[str] = field(default_factory=list)

    def back_up(self, now: datetime) -> None:
        self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        make_backup(self.db.conn, self.backup_folder, now)
        thin_backups(self.backup_folder)


def open_store(data_dir: Path, now: Callable[[], datetime] = datetime.now) -> OpenedStore:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_NAME
    backup_folder = data_dir / "backups"
    notices = []
    if path.exists() and not is_healthy(path):
        notices.append(_recover(path, backup_folder, data_dir / "damaged", now()))
    store = OpenedStore(open_database(path), path, backup_folder, notices)
    store.back_up(now())
    return store


def _recover(path: Path, backup_folder: Path, damaged_folder: Path, now: datetime) -> str:
    kept = set_aside_damaged(path, damaged_folder, now)
    restored = restore_newest_good(backup_folder, path)
    if restored is None:
        return (
            "Your progress file was damaged and there was no good backup to restore, "
            f"so Zavmo started a fresh one. The damaged file is kept at {kept}."
        )
    when = restored.taken_at.strftime("%d %B %Y at %H:%M")
    return (
        f"Your progress file was damaged, so Zavmo restored the backup from {when}. "
        f"Anything you did after that may be missing. The damaged file is kept at {kept}."
    )
