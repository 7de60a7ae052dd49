"""Full-text search and the parsed-module and rendered-HTML caches, in a disposable database.

It holds nothing of the learner's: when it is damaged or its layout changes it is
simply rebuilt, so it lives outside the backed-up learner database.
"""

from __future__ import annotations

import pickle
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from zavmo_desktop.core.content.parse_cache import FileStamp, Parsed

INDEX_NAME = "content-index.sqlite3"
SCHEMA_VERSION = 4  # 2: a 3-letter prefix index; 3: HTML whose references are checked;
# 4: parsed pack files (the parse cache)
RESULT_LIMIT = 30
MATCH_START, MATCH_END = "\x02", "\x03"  # where a snippet matched; the UI strips them
_WORD = re.compile(r"\w+", re.UNICODE)
# Neither part scans past a bracket it did not start at, so "[[[[..." stays linear.
_MARKUP = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)|[#*_>`|~-]+")


@dataclass(frozen=True)
class IndexEntry:
    module_id: str
    content_hash: str
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class SearchHit:
    module_id: str
    title: str
    snippet: str


class ContentIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            conn = self._connect()
            if _is_current_and_whole(conn):
                return conn
            conn.close()
        except sqlite3.DatabaseError:
            pass
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        conn = self._connect()
        _create_schema(conn)
        return conn

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # a cache: speed over durability
        return conn

    def sync(self, entries: Iterable[IndexEntry]) -> int:
        """Bring the index in step with the content; returns how many modules were (re)indexed."""
        wanted = {entry.module_id: entry for entry in entries}
        indexed = dict(self.conn.execute("SELECT module_id, content_hash FROM indexed"))
        stale = [
            mid
            for mid, digest in indexed.items()
            if mid not in wanted or wanted[mid].content_hash != digest
        ]
        fresh = [e for e in wanted.values() if indexed.get(e.module_id) != e.content_hash]
        if not stale and not fresh:
            return 0
        with _transaction(self.conn):
            for module_id in stale:
                self.conn.execute("DELETE FROM module_fts WHERE module_id = ?", [module_id])
                self.conn.execute("DELETE FROM indexed WHERE module_id = ?", [module_id])
                self.conn.execute("DELETE FROM rendered WHERE module_id = ?", [module_id])
            self.conn.executemany(
                "INSERT INTO module_fts (module_id, title, summary, body) VALUES (?, ?, ?, ?)",
                [(e.module_id, e.title, e.summary, plain_text(e.body)) for e in fresh],
            )
            self.conn.executemany(
                "INSERT INTO indexed (module_id, content_hash) VALUES (?, ?)",
                [(e.module_id, e.content_hash) for e in fresh],
            )
        return len(fresh)

    def search(self, text: str, limit: int = RESULT_LIMIT) -> list[SearchHit]:
        query = fts_query(text)
        if not query:
            return []
        rows = self.conn.execute(
            f"""SELECT module_id, title,
                   snippet(module_fts, 3, '{MATCH_START}', '{MATCH_END}', '…', 14)
               FROM module_fts WHERE module_fts MATCH ?
               ORDER BY bm25(module_fts, 0.0, 10.0, 4.0, 1.0) LIMIT ?""",
            [query, limit],
        ).fetchall()
        return [SearchHit(*row) for row in rows]

    def cached_html(self, module_id: str, content_hash: str) -> str | None:
        row = self.conn.execute(
            "SELECT html FROM rendered WHERE module_id = ? AND content_hash = ?",
            [module_id, content_hash],
        ).fetchone()
        return str(row[0]) if row else None

    def store_html(self, module_id: str, content_hash: str, html: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO rendered (module_id, content_hash, html) VALUES (?, ?, ?)",
            [module_id, content_hash, html],
        )

    def parse_cache(self) -> StoredParseCache:
        return StoredParseCache(self.conn)

    def close(self) -> None:
        self.conn.close()


class StoredParseCache:
    """Parsed modules by file path; `save` writes what was parsed anew and forgets files that
    were not seen, in one transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._rows = {
            path: (FileStamp(size, mtime, sha, context), data)
            for path, size, mtime, sha, context, data in conn.execute("SELECT * FROM parsed")
        }
        self._seen: set[str] = set()
        self._fresh: list[tuple[str, FileStamp, bytes]] = []

    def get(self, path: Path, stamp: FileStamp) -> Parsed | None:
        self._seen.add(str(path))
        row = self._rows.get(str(path))
        if row is None or row[0] != stamp:
            return None
        try:
            parsed: Parsed = pickle.loads(row[1])  # our own rows, in the learner's 0700 folder
        except Exception:  # written by another version of the models: parse again
            return None
        return parsed

    def put(self, path: Path, stamp: FileStamp, parsed: Parsed) -> None:
        self._fresh.append((str(path), stamp, pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL)))

    def save(self) -> None:
        gone = [path for path in self._rows if path not in self._seen]
        if not self._fresh and not gone:
            return
        with _transaction(self.conn):
            self.conn.executemany("DELETE FROM parsed WHERE path = ?", [[p] for p in gone])
            self.conn.executemany(
                "INSERT OR REPLACE INTO parsed VALUES (?, ?, ?, ?, ?, ?)",
                [(p, s.size, s.mtime_ns, s.sha256, s.context, d) for p, s, d in self._fresh],
            )
        self._fresh = []


def fts_query(text: str) -> str:
    """Every typed word must appear, also as a prefix ('stake' finds 'stakeholder').

    Words of one or two letters ("AI", "ML") are matched whole: as prefixes they
    would match nearly every module and make typing slow for nothing.
    """
    words = _WORD.findall(text.lower())
    return " ".join(f'"{word}"*' if len(word) > 2 else f'"{word}"' for word in words)


def plain_text(markdown_text: str) -> str:
    return _MARKUP.sub(lambda m: m.group(1) or " ", markdown_text)


class _transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")


def _is_current_and_whole(conn: sqlite3.Connection) -> bool:
    """Our layout, and undamaged (quick_check: ~50 ms on a 70 MB index)."""
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    return bool(conn.execute("PRAGMA quick_check").fetchall() == [("ok",)])


def _create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(
        f"""
        CREATE TABLE indexed (module_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
        CREATE TABLE rendered (module_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
                               html TEXT NOT NULL);
        CREATE TABLE parsed (path TEXT PRIMARY KEY, size INTEGER NOT NULL,
                             mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL,
                             context TEXT NOT NULL, data BLOB NOT NULL);
        CREATE VIRTUAL TABLE module_fts USING fts5(
            module_id UNINDEXED, title, summary, body,
            tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3');
        PRAGMA user_version = {SCHEMA_VERSION};
        """
    )
