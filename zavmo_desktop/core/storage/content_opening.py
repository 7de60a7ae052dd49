"""Opening a learner's content beside their store: a thread for the store, the content
index, and the packs read through the parse cache into a Library (core/learner.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.models import Library
from zavmo_desktop.core.storage.content_index import INDEX_NAME, ContentIndex, IndexEntry
from zavmo_desktop.core.storage.files import private_folder

T = TypeVar("T")


class InBackground(Generic[T]):
    """Runs `fn` on a thread of its own; `result()` waits, then returns or raises as it did."""

    def __init__(self, fn: Callable[[], T], name: str) -> None:
        self._fn = fn
        self._value: T | None = None
        self._error: BaseException | None = None
        # Not a daemon: what has begun (a restore, an index write) is always finished.
        self._thread = threading.Thread(target=self._run, name=name)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._fn()
        except BaseException as error:
            self._error = error

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value


def open_index(data_dir: Path) -> ContentIndex:
    private_folder(data_dir)  # the store's thread makes it too; whichever is first
    return ContentIndex(data_dir / INDEX_NAME)


def read_packs(index: ContentIndex, content_dirs: list[Path]) -> tuple[ContentIndex, Library]:
    try:
        parsed = index.parse_cache()
        library = load_library(content_dirs, parsed)
        parsed.save()
        index.sync(
            IndexEntry(m.id, m.content_hash, m.title, m.summary, m.body) for m in library.modules
        )
    except BaseException:
        index.close()
        raise
    return index, library
