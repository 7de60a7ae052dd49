"""Opening the learner's store at start-up: check, restore if needed, migrate, back up.

A missing, empty or table-less database is not a new learner while a good backup
exists: it is restored and the learner is told, as for a damaged one. A failure that
is not damage (permission, read-only drive, locked file, full disk) moves nothing and
raises StorageError with words for the learner.
"""

from __future__ import annotations

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
        if not holds_learner_data(self.db.conn):
            return  # nothing to lose yet, and an empty copy must never crowd out a good one
        self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        make_backup(self.db.conn, self.backup_folder, now)
        thin_backups(self.backup_folder)


def open_store(data_dir: Path, now: Callable[[], datetime] = datetime.now) -> OpenedStore:
    try:
        return _open_store(data_dir, now)
    except StorageError:
        raise
    except STORAGE_ERRORS as error:
        raise StorageError.from_error(error, data_dir) from error


def _open_store(data_dir: Path, now: Callable[[], datetime]) -> OpenedStore:
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
    try:
        store.back_up(now())
    except STORAGE_ERRORS as error:
        problem = explain(classify(error, data_dir), data_dir)
        notices.append(f"Zavmo could not make today's backup of your progress. {problem}")
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
