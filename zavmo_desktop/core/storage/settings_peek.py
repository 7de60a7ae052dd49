"""A quick read-only look at stored settings, so the first window already has the
learner's theme and size (no flash of the wrong colours) before the store is opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zavmo_desktop.core.storage import DATABASE_NAME


def peek_settings(data_dir: Path) -> dict[str, Any]:
    path = data_dir / DATABASE_NAME
    if not path.exists():
        return {}  # a first start: nothing to read, and sqlite3 and json (~7 ms) stay unloaded
    import json
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT key, value FROM settings").fetchall()
        finally:
            conn.close()
        return {key: json.loads(value) for key, value in rows}
    except (sqlite3.Error, ValueError):
        return {}  # missing table or damage: start-up will deal with it properly
