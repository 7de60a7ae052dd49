"""The one object the UI receives: the learner's content, progress and settings."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.models import Area, Library, Module, Problem
from zavmo_desktop.core.content.render import render_markdown
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.core.storage.checklists import ChecklistRepository
from zavmo_desktop.core.storage.content_index import INDEX_NAME, ContentIndex, IndexEntry, SearchHit
from zavmo_desktop.core.storage.conversations import ConversationRepository
from zavmo_desktop.core.storage.evidence import EvidenceRepository
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
from zavmo_desktop.core.storage.reflections import ReflectionRepository
from zavmo_desktop.core.storage.repositories import (
    ModuleProgress,
    ProfileRepository,
    ProgressRepository,
    RecentRepository,
    SettingsRepository,
)
from zavmo_desktop.core.storage.store import OpenedStore, open_store


@dataclass(frozen=True)
class AreaModules:
    area: Area
    modules: list[Module]


@dataclass(frozen=True)
class ContinuePoint:
    module: Module
    position: float
    started: bool  # False: a first module to start with, not one to come back to


class Learner:
    def __init__(self, store: OpenedStore, library: Library, index: ContentIndex) -> None:
        self._store = store
        self.library = library
        self._index = index
        self._html: dict[str, str] = {}
        self.profile = ProfileRepository(store.db)
        self.progress = ProgressRepository(store.db)
        self.recent = RecentRepository(store.db)
        self.settings = Settings(SettingsRepository(store.db))
        self.focus_sessions = FocusSessionRepository(store.db)
        self.evidence = EvidenceRepository(store.db)
        self.conversations = ConversationRepository(store.db)
        self.checklists = ChecklistRepository(store.db)
        self.reflections = ReflectionRepository(store.db)

    @classmethod
    def open(cls, data_dir: Path, content_dirs: Iterable[Path]) -> Learner:
        store = open_store(data_dir)
        library = load_library(content_dirs)
        index = ContentIndex(data_dir / INDEX_NAME)
        index.sync(
            IndexEntry(m.id, m.content_hash, m.title, m.summary, m.body) for m in library.modules
        )
        return cls(store, library, index)

    @property
    def data_dir(self) -> Path:
        return self._store.path.parent

    @property
    def notices(self) -> list[str]:
        """Things the learner must be told at start, such as a restored backup."""
        return list(self._store.notices)

    @property
    def problems(self) -> list[Problem]:
        return list(self.library.problems)

    def modules_by_area(self) -> list[AreaModules]:
        grouped = []
        for pack in self.library.packs:
            for area in pack.framework.areas:
                ids = {c.id for c in area.competencies}
                modules = [m for m in pack.modules if m.competency in ids]
                if modules:
                    grouped.append(AreaModules(area, modules))
        return grouped

    def module(self, module_id: str) -> Module | None:
        return self.library.module(module_id)

    def search(self, text: str) -> list[SearchHit]:
        known = {m.id for m in self.library.modules}
        return [hit for hit in self._index.search(text) if hit.module_id in known]

    def module_html(self, module: Module) -> str:
        html = self._html.get(module.id) or self._index.cached_html(module.id, module.content_hash)
        if html is None:
            html = render_markdown(module.body)
            with contextlib.suppress(*STORAGE_ERRORS):  # only a cache: rendered again next time
                self._index.store_html(module.id, module.content_hash, html)
        self._html[module.id] = html
        return html

    def open_module(self, module: Module) -> str:
        # Noting that it was opened must never stop the learner reading it (a full disk).
        with contextlib.suppress(*STORAGE_ERRORS):
            self.recent.touch(module.id)
            self.progress.mark_started(module.id)
        return self.module_html(module)

    def module_progress(self, module_id: str) -> ModuleProgress | None:
        return self.progress.get(module_id)

    def set_complete(self, module_id: str, complete: bool) -> None:
        self.progress.set_complete(module_id, complete)

    def save_position(self, module_id: str, position: float, place: int | None = None) -> None:
        """`position`: how far through (0.0-1.0); `place`: the character the first visible
        line begins at, counted from the start of the module's body text."""
        self.progress.set_position(module_id, position, place)

    def continue_point(self) -> ContinuePoint | None:
        """The module to offer on Home: the last one left unfinished, else the first to start."""
        progress = self.progress.all()
        for module_id in self.recent.recent():
            module = self.module(module_id)
            state = progress.get(module_id)
            if module is not None and state is not None and not state.complete:
                return ContinuePoint(module, state.position, started=True)
        for area in self.modules_by_area():
            for module in area.modules:
                if module.id not in progress:
                    return ContinuePoint(module, 0.0, started=False)
        return None

    def completed_count(self) -> int:
        known = {m.id for m in self.library.modules}
        return sum(1 for mid, p in self.progress.all().items() if p.complete and mid in known)

    def back_up(self) -> None:
        self._store.back_up(datetime.now())

    def close(self) -> None:
        self._index.close()
        self._store.db.conn.close()
