"""Export all my data: one zip with every table as JSON and CSV, the learner's own files,
their settings and a README that says what each file is.

The zip is written to `<name>.partial` beside the chosen path, fsynced, then renamed, so
a full disk or a kill never leaves a half zip under the name the learner chose.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.core.own_data.readme import readme_text
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.files import partial_of, settle
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, Problem, classify

SETTINGS_FILE = "settings.json"


class ExportError(Exception):
    """The export could not be made; the message says why and what to do, in plain words."""


@dataclass(frozen=True)
class TableExport:
    name: str
    rows: int


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    tables: list[TableExport]
    files: int  # the learner's own files copied in (portfolio evidence)


def export_all(data_dir: Path, target: Path, now: datetime | None = None) -> ExportSummary:
    """Write the zip at `target`, whole or not at all; raises ExportError."""
    database = data_dir / DATABASE_NAME
    if not database.exists():
        raise ExportError(f"There is no learning data in {data_dir} yet, so nothing was saved.")
    partial = partial_of(target)
    try:
        summary = _write_zip(database, data_dir / EVIDENCE, partial, now or datetime.now())
        settle(partial, target)
    except STORAGE_ERRORS as error:
        raise ExportError(_why(error, target)) from error
    finally:
        partial.unlink(missing_ok=True)
    return ExportSummary(target, *summary)


def _why(error: BaseException, target: Path) -> str:
    problem = classify(error, target.parent)
    start = f"Your data could not be saved to {target}"
    if problem is Problem.DISK_FULL:
        return (
            f"{start}: the disk is full. Nothing was saved. "
            "Free some space or choose another drive."
        )
    if problem in (Problem.READ_ONLY, Problem.PERMISSION):
        return f"{start}: Zavmo may not write there. Nothing was saved. Choose another folder."
    detail = getattr(error, "strerror", None) or str(error)
    return f"{start} ({detail}). Nothing was saved."


def _write_zip(
    database: Path, evidence: Path, partial: Path, now: datetime
) -> tuple[list[TableExport], int]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            tables = [_write_table(archive, conn, name) for name in table_names(conn)]
            archive.writestr(SETTINGS_FILE, _settings_json(conn))
            files = _write_files(archive, evidence)
            archive.writestr("README.txt", readme_text(tables, files, now))
    finally:
        conn.close()
    return tables, files


def table_names(conn: sqlite3.Connection) -> list[str]:
    """Every table, read from the database itself: a table added later is exported too."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in rows]


def _write_table(archive: zipfile.ZipFile, conn: sqlite3.Connection, name: str) -> TableExport:
    cursor = conn.execute(f'SELECT * FROM "{name}"')
    columns = [column[0] for column in cursor.description]
    rows = [[_plain(value) for value in row] for row in cursor]
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    archive.writestr(f"tables/{name}.json", json.dumps(records, indent=2, ensure_ascii=False))
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(columns)
    writer.writerows(rows)
    # With a byte-order mark: spreadsheet programs then read the accents right.
    archive.writestr(f"tables/{name}.csv", "\ufeff" + text.getvalue())
    return TableExport(name, len(rows))


def _plain(value: Any) -> Any:
    """A value JSON and CSV can hold: bytes become base64 text."""
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _settings_json(conn: sqlite3.Connection) -> str:
    """The learner's own choices as name: value (the settings table holds them as JSON)."""
    try:
        rows = conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
    except sqlite3.OperationalError:
        rows = []
    values = {}
    for key, value in rows:
        try:
            values[key] = json.loads(value)
        except (TypeError, ValueError):
            values[key] = value
    return json.dumps(values, indent=2, ensure_ascii=False)


def _write_files(archive: zipfile.ZipFile, folder: Path) -> int:
    if not folder.is_dir():
        return 0
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():  # a link could point anywhere
            archive.write(path, f"{EVIDENCE}/{path.relative_to(folder).as_posix()}")
            count += 1
    return count
