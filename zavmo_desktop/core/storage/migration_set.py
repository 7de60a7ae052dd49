"""sqlite-utils Migrations, declared without importing sqlite-utils.

Importing sqlite-utils takes 50-100 ms (it brings click, dateutil and pluggy), more than
the whole of a returning learner's start otherwise spends opening their data. So the
migrations are declared here, `is_current` checks sqlite-utils' own record of what ran
with plain SQL, and only a database with a migration pending (a first start, an upgrade)
imports sqlite-utils, whose `Migrations` then applies them exactly as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database as UtilsDatabase
    from sqlite_utils import Migrations

    from zavmo_desktop.core.storage.database import Database

    Step = Callable[[UtilsDatabase], None]

# The table sqlite-utils keeps its record in (Migrations.migrations_table).
MIGRATIONS_TABLE = "_sqlite_migrations"


class Declared(NamedTuple):
    name: str
    fn: Step
    transactional: bool


class MigrationSet:
    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Declared] = []
        self._built: Migrations | None = None

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[Step], Step]:
        """Declares a migration, as `@Migrations()` does."""

        def declare(fn: Step) -> Step:
            self._migrations.append(Declared(name or fn.__name__, fn, transactional))
            self._built = None
            return fn

        return declare

    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def is_current(self, conn: sqlite3.Connection) -> bool:
        """True when every declared migration is recorded as applied: a read, no writes."""
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
        ).fetchone()
        if found is None:
            return not self._migrations
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [self.name]
        )
        return set(self.names()) <= {row[0] for row in rows}

    def apply(
        self, db: Database | UtilsDatabase, *, stop_before: Iterable[str] | str | None = None
    ) -> None:
        self._sqlite_utils().apply(_utils_database(db), stop_before=stop_before)

    def pending(self, db: Database | UtilsDatabase) -> list[Any]:
        return self._sqlite_utils().pending(_utils_database(db))

    def applied(self, db: Database | UtilsDatabase) -> list[Any]:
        return self._sqlite_utils().applied(_utils_database(db))

    def _sqlite_utils(self) -> Migrations:
        if self._built is None:
            from sqlite_utils import Migrations

            built = Migrations(self.name)
            for declared in self._migrations:
                built(name=declared.name, transactional=declared.transactional)(declared.fn)
            self._built = built
        return self._built


def _utils_database(db: Database | UtilsDatabase) -> UtilsDatabase:
    from sqlite_utils import Database as UtilsDatabase

    if isinstance(db, UtilsDatabase):
        return db
    return UtilsDatabase(db.conn, execute_plugins=False)
