"""Opening the learner's store at start-up: check, restore if needed, migrate, back up.

A missing, empty or table-less database is not a new learner while a good backup
exists: it is restored and the learner is told, as for a damaged one. A failure that
is not damage (permission, read-only drive, locked file, full disk) moves nothing and
raises StorageError with words for the learner.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.backups import (
    list_backups,
    make_backup,
    newest_good,
    restore,
    set_aside,
    thin_backups,
)
from zavmo_desktop.core.storage.database import (
    Database,
    Health,
    holds_learner_data,
    inspect,
    open_database,
)
from zavmo_desktop.core.storage.files import private_folder, remove_partials
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, StorageError, classify, explain

_FOUND = {
    Health.MISSING: "was missing",
    Health.EMPTY: "was empty",
    Health.NO_TABLES: "held none of your learning records",
    Health.DAMAGED: "was damaged",
}


@dataclass
class OpenedStore:
    db: Database
    path: Path
    backup_folder: Path
    notices: list[str] = field(default_factory=list)

    def back_up(self, now: datetime) -> None:
        # A connection of its own: it sees only what is committed, so a backup taken on a
        # worker while the learner's connection is inside a transaction holds none of it.
        conn = sqlite3.connect(str(self.path), timeout=5, isolation_level=None)
        try:
            if not holds_learner_data(conn):
                return  # nothing to lose yet, and an empty copy must never crowd out a good one
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            make_backup(conn, self.backup_folder, now)
        finally:
            conn.close()
        thin_backups(self.backup_folder)

    def back_up_or_say_why(self, now: datetime) -> None:
        """Today's backup at start; if it cannot be made, a notice says why (never raises
        for storage: the learner can still work)."""
        try:
            self.back_up(now)
        except STORAGE_ERRORS as error:
            data_dir = self.path.parent
            problem = explain(classify(error, data_dir), data_dir)
            self.notices.append(f"Zavmo could not make today's backup of your progress. {problem}")


def open_store(
    data_dir: Path, now: Callable[[], datetime] = datetime.now, back_up: bool = True
) -> OpenedStore:
    """`back_up=False`: the caller makes today's backup later (back_up_or_say_why), once
    the learner can act; the database is the one checked here either way."""
    try:
        return _open_store(data_dir, now, back_up)
    except StorageError:
        raise
    except STORAGE_ERRORS as error:
        raise StorageError.from_error(error, data_dir) from error


def _open_store(data_dir: Path, now: Callable[[], datetime], back_up: bool) -> OpenedStore:
    private_folder(data_dir)
    path = data_dir / DATABASE_NAME
    backup_folder = data_dir / "backups"
    remove_partials(data_dir, backup_folder)
    notices = []
    health = inspect(path)
    if health is not Health.GOOD:
        notice = _recover(health, path, backup_folder, data_dir / "damaged", now())
        if notice:
            notices.append(notice)
    store = OpenedStore(open_database(path), path, backup_folder, notices)
    if back_up:
        store.back_up_or_say_why(now())
    return store


def _recover(
    health: Health, path: Path, backup_folder: Path, damaged_folder: Path, now: datetime
) -> str | None:
    backup = newest_good(backup_folder)
    if backup is not None:
        kept = restore(backup, path, damaged_folder, now)
        when = backup.taken_at.strftime("%d %B %Y at %H:%M")
        notice = (
            f"Your progress file {_FOUND[health]}, so Zavmo restored the backup from {when}. "
            "Anything you did after that may be missing."
        )
        return notice + (f" The file that was there is kept at {kept}." if kept else "")
    leftovers = [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]
    kept = set_aside(path, damaged_folder, now) if any(p.exists() for p in leftovers) else None
    if health is Health.DAMAGED or health is Health.NO_TABLES or list_backups(backup_folder):
        return (
            f"Your progress file {_FOUND[health]} and there was no good backup to restore, "
            "so Zavmo started a fresh one."
            + (f" The file that was there is kept at {kept}." if kept else "")
        )
    return None  # a first start: nothing was ever saved here
