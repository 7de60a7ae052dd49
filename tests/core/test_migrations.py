"""Schema changes: every released database upgrades with nothing lost.

tests/data/learner-schema-<version>.sqlite3 are learner databases saved by each release
(made by tests/data/make_schema_fixture.py). Every one of them is opened here with the
current code.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.database import open_database
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.core.storage.migrations import migrations
from zavmo_desktop.core.storage.repositories import (
    ProgressRepository,
    RecentRepository,
    SettingsRepository,
)
from zavmo_desktop.core.storage.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data"
SAVED = sorted(DATA.glob("learner-schema-*.sqlite3"))
FIRST_RELEASE = DATA / "learner-schema-0.1.0.sqlite3"


def columns_of(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [n for n in table_rows(path)]
        return {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        conn.close()


def table_rows(
    path: Path, columns: dict[str, list[str]] | None = None
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every learner table (not the migrations log), in rowid order; with
    `columns`, only those tables and columns (the ones an older schema had)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
            )
        ]
        if columns is not None:
            return {
                name: conn.execute(f'SELECT {", ".join(columns[name])} FROM "{name}"').fetchall()
                for name in names
                if name in columns
            }
        return {name: conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}
    finally:
        conn.close()


def schema(db: Database) -> set[tuple[str, str, str]]:
    rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
    return {(kind, name, " ".join(sql.split())) for kind, name, sql in rows}


def test_the_first_release_schema_is_saved() -> None:
    assert FIRST_RELEASE in SAVED


@pytest.mark.parametrize("saved", SAVED, ids=[p.name for p in SAVED])
def test_saved_database_opens_with_every_row_intact(saved: Path, data_dir: Path) -> None:
    before = table_rows(saved)
    assert sum(len(rows) for rows in before.values()) > 0, "the saved database has no learner"
    shutil.copyfile(saved, data_dir / DATABASE_NAME)

    store = open_store(data_dir, now=lambda: datetime(2030, 1, 1))
    try:
        assert store.notices == []  # an old database is not mistaken for a damaged one
        assert migrations.pending(store.db) == []
        # Later migrations add columns; every value the saved database had is still there.
        assert table_rows(store.path, columns_of(saved)) == before
        assert {"focus_sessions", "focus_timer_state"} <= set(store.db.table_names())
    finally:
        store.db.conn.close()


def test_first_release_learner_is_read_by_the_current_repositories(data_dir: Path) -> None:
    shutil.copyfile(FIRST_RELEASE, data_dir / DATABASE_NAME)
    store = open_store(data_dir, now=lambda: datetime(2030, 1, 1))
    try:
        assert ProfileRepository(store.db).display_name() == "Ada Lovelace"
        assert SettingsRepository(store.db).all() == {"theme": "dark", "text_scale": 150}
        progress = ProgressRepository(store.db).all()
        assert progress["board-storytelling"].complete
        assert progress["mlops-platform-strategy"].position == pytest.approx(0.4)
        assert not progress["responsible-ai-leadership"].complete
        assert RecentRepository(store.db).recent() == [
            "mlops-platform-strategy",
            "responsible-ai-leadership",
            "board-storytelling",
        ]
    finally:
        store.db.conn.close()


@pytest.mark.parametrize("saved", SAVED, ids=[p.name for p in SAVED])
def test_upgraded_database_has_the_same_schema_as_a_new_one(saved: Path, tmp_path: Path) -> None:
    upgraded_path = tmp_path / "upgraded.sqlite3"
    shutil.copyfile(saved, upgraded_path)
    upgraded = open_database(upgraded_path)
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        assert schema(upgraded) == schema(fresh)
    finally:
        upgraded.conn.close()
        fresh.conn.close()


def test_migration_names_are_unique_numbered_and_applied_in_order(tmp_path: Path) -> None:
    declared = [m.name for m in migrations.pending(Database(memory=True))]
    assert declared, "no migrations declared"
    assert len(set(declared)) == len(declared)
    numbers = [int(re.match(r"^m(\d{3})_\w+$", name).group(1)) for name in declared]  # type: ignore[union-attr]
    assert numbers == list(range(1, len(declared) + 1))

    db = open_database(tmp_path / "fresh.sqlite3")
    try:
        applied = [m.name for m in migrations.applied(db)]
        assert applied == declared
        assert migrations.pending(db) == []
    finally:
        db.conn.close()
