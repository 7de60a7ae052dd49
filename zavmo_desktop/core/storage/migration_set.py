"""sqlite-utils Migrations, declared without importing sqlite-utils.

Importing sqlite-utils takes 50-100 ms (it brings click, dateutil and pluggy), more than
the whole of a returning learner's start otherwise spends opening their data. So the
migrations are declared here, `is_current` checks sqlite-utils' own record of what ran
with plain SQL, and only a database with a migration pending (a first start, an upgrade)
imports sqlite-utils, whose `Migrations` then applies them exactly as before.

A new database (a first start, no table in it) is the exception: its migrations run with
plain SQL in one transaction, and their record is written as sqlite-utils writes it (the
same table, index and rows: tests/core/test_migration_set.py compares them), so a first
start does not pay for sqlite-utils either. A migration is therefore given something with
`execute` only (core/storage/database.Database on a new database); one that needs
sqlite-utils' table methods (transform ...) must make `_plain_sql_will_do` say no.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database as UtilsDatabase
    from sqlite_utils import Migrations

    from zavmo_desktop.core.storage.database import Database

    Step = Callable[[UtilsDatabase], None]

# The table sqlite-utils keeps its record in (Migrations.migrations_table), as it makes it.
MIGRATIONS_TABLE = "_sqlite_migrations"
RECORD_SCHEMA = (
    f'''CREATE TABLE "{MIGRATIONS_TABLE}" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
)''',
    f'''CREATE UNIQUE INDEX "idx_{MIGRATIONS_TABLE}_migration_set_name"
    ON "{MIGRATIONS_TABLE}" ("migration_set", "name")''',
)


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
        if stop_before is None and self._plain_sql_will_do(db):
            self._apply_to_new(db)
        else:
            self.as_sqlite_utils().apply(_utils_database(db), stop_before=stop_before)

    def _plain_sql_will_do(self, db: Database | UtilsDatabase) -> bool:
        """A new database, and migrations that may all run in one transaction."""
        empty = db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        return empty and all(declared.transactional for declared in self._migrations)

    def _apply_to_new(self, db: Database | UtilsDatabase) -> None:
        # One transaction: all or nothing (the next start tries again), and one sync to disk.
        with db.atomic():
            for sql in RECORD_SCHEMA:
                db.execute(sql)
            for declared in self._migrations:
                declared.fn(db)  # type: ignore[arg-type]  # given `execute`: see the top
                db.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) "
                    "VALUES (?, ?, ?)",
                    [self.name, declared.name, str(datetime.now(UTC))],
                )

    def pending(self, db: Database | UtilsDatabase) -> list[Any]:
        return self.as_sqlite_utils().pending(_utils_database(db))

    def applied(self, db: Database | UtilsDatabase) -> list[Any]:
        return self.as_sqlite_utils().applied(_utils_database(db))

    def as_sqlite_utils(self) -> Migrations:
        """These migrations as sqlite-utils' own Migrations (built once, when first asked)."""
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
