"""The one object the UI receives: the learner's content, progress and settings."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.content.loader import read_roles
from zavmo_desktop.core.content.models import Area, Library, Module, Problem
from zavmo_desktop.core.content.pack_source import PackSource
from zavmo_desktop.core.deliver.module_pages import ModulePages
from zavmo_desktop.core.org.features import ALL_FEATURES, Features
from zavmo_desktop.core.review.deck import DailyReview, todays_review
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.assessments import AssessmentRepository
from zavmo_desktop.core.storage.checklists import ChecklistRepository
from zavmo_desktop.core.storage.content_index import ContentIndex, SearchHit
from zavmo_desktop.core.storage.content_opening import InBackground, open_index, read_packs
from zavmo_desktop.core.storage.conversations import ConversationRepository
from zavmo_desktop.core.storage.evidence import EvidenceRepository
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.core.storage.pathway_plans import PathwayRepository
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
from zavmo_desktop.core.storage.reflections import ReflectionRepository
from zavmo_desktop.core.storage.repositories import (
    ModuleProgress,
    ProgressRepository,
    RecentRepository,
    SettingsRepository,
)
from zavmo_desktop.core.storage.review_cards import ReviewRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store

if TYPE_CHECKING:
    from zavmo_desktop.core.glossary.glossary import Glossary
    from zavmo_desktop.core.portfolio.portfolio import Portfolio
    from zavmo_desktop.core.xapi.background import RecordsSender, Timing
    from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
    from zavmo_desktop.core.xapi.queue import QueueReport
    from zavmo_desktop.core.xapi.records import LearningRecords


@dataclass(frozen=True)
class AreaModules:
    area: Area
    modules: list[Module]


@dataclass(frozen=True)
class ContinuePoint:
    module: Module
    position: float
    started: bool  # False: a first module to start with, not one to come back to


class Learner(ModulePages):
    def __init__(
        self,
        store: OpenedStore,
        library: Library,
        index: ContentIndex | None,
        roles: list[tuple[str, str]] | None = None,
    ) -> None:
        self._store = store
        self.library = library
        self._index = index  # None while the content is still being read (see open)
        self._roles = roles
        self._pending: tuple[ContentIndex, list[Path]] | None = None  # to read, see open
        self._html: dict[str, str] = {}
        self._glossary: tuple[Library, Glossary] | None = None
        self._sources: dict[Path, PackSource | None] = {}
        self._sources_lock = threading.Lock()  # the reader renders off the GUI thread
        self._closed = False
        self._backing_up = threading.Lock()  # closing waits for today's backup to finish
        self.profile = ProfileRepository(store.db)
        self.progress = ProgressRepository(store.db)
        self.recent = RecentRepository(store.db)
        self.settings = Settings(SettingsRepository(store.db))
        self.features = ALL_FEATURES  # what the organisation left in: everything, by default
        self.focus_sessions = FocusSessionRepository(store.db)
        self.evidence = EvidenceRepository(store.db)
        self.conversations = ConversationRepository(store.db)
        self.checklists = ChecklistRepository(store.db)
        self.reflections = ReflectionRepository(store.db)
        self.assessments = AssessmentRepository(store.db)
        self.pathway = PathwayRepository(store.db)
        self.review = ReviewRepository(store.db)
        self._portfolio: Portfolio | None = None
        self.records_sender: RecordsSender | None = None  # only with an LRS, see keep_records

    @property
    def portfolio(self) -> Portfolio:
        """Items, sign-offs, criterion states and readiness; imported when first asked for,
        off the start path."""
        if self._portfolio is None:
            from zavmo_desktop.core.portfolio.portfolio import Portfolio

            self._portfolio = Portfolio(self._store.db)
        return self._portfolio

    def follow_organisation(
        self,
        values: Mapping[str, Any],
        locked: frozenset[str],
        lock_messages: Mapping[str, str] | None = None,
        features: Features = ALL_FEATURES,
    ) -> None:
        """The organisation's defaults, locks (and why) and the features it left in; call
        before anything listens to settings."""
        repository = SettingsRepository(self._store.db)
        self.settings = Settings(repository, values, locked, lock_messages)
        self.features = features

    def keep_learning_records(
        self, lrs: LrsSettings | None, send: bool = True, timing: Timing | None = None
    ) -> None:
        """With the organisation's LRS, each event queues its statement and (with `send`) a
        thread of its own sends them; without one nothing is kept for sending."""
        if lrs is None:
            return
        from zavmo_desktop.core.xapi.records import keep_records

        keep_records(self._store.db, lrs)
        if send:
            from zavmo_desktop.core.xapi.background import RecordsSender

            self.records_sender = RecordsSender(self._store.path, lrs, timing)
            self.records_sender.start()

    @property
    def learning_records(self) -> LearningRecords | None:
        """Where records go and who they name; None when nothing leaves this laptop."""
        return self._store.db.records

    def records_report(self) -> QueueReport:
        """What waits and what was sent last: reads of the local queue, no network."""
        from zavmo_desktop.core.xapi.queue import report

        return report(self._store.db)

    @classmethod
    def open(
        cls, data_dir: Path, content_dirs: Iterable[Path], quick_start: bool = False
    ) -> Learner:
        """The store is opened on a thread of its own (checked, perhaps restored, migrated:
        mostly waiting for the disk to sync) while this one reads the content. A storage
        problem is the one raised, even when the content failed too.

        `quick_start`, the window's start: today's backup is left to back_up_at_start; and
        on a first start (no database yet), if the new profile asks for the onboarding,
        this returns once the packs' roles are read, without parsing the modules:
        `read_content` does that (off the GUI thread), `finish_loading` takes it in."""
        content_dirs = list(content_dirs)
        first_start = quick_start and not (data_dir / DATABASE_NAME).exists()
        opening = InBackground(lambda: open_store(data_dir, back_up=not quick_start), "store")
        try:
            index = open_index(data_dir)
            if first_start:
                roles = read_roles(content_dirs, index.parse_cache())
            else:
                index, library = read_packs(index, content_dirs)
        except BaseException:
            opening.result().db.conn.close()
            raise
        try:
            store = opening.result()
            if first_start and ProfileRepository(store.db).load().needs_onboarding:
                learner = cls(store, Library(), None, roles)
                learner._pending = (index, content_dirs)
                return learner
            if first_start:
                index, library = read_packs(index, content_dirs)
        except BaseException:
            index.close()
            raise
        return cls(store, library, index)

    @property
    def content_loaded(self) -> bool:
        return self._index is not None

    def read_content(self) -> tuple[ContentIndex, Library]:
        """Parses and indexes the modules that open left (see open): call it off the GUI thread."""
        assert self._pending is not None, "the content was loaded with the store"
        return read_packs(*self._pending)

    def _loaded_index(self) -> ContentIndex:
        assert self._index is not None, "no module is shown before the content is loaded"
        return self._index

    def finish_loading(self, content: tuple[ContentIndex, Library]) -> None:
        """Takes in what read_content returned, on the thread that uses the learner."""
        self._index, self.library = content
        self._pending = None

    def take_in_pack(self, folder: Path, pack_id: str) -> None:
        """Reads the library again with a newly installed pack in place of any older version
        of it (the learner's records are keyed by ids, so none of them change)."""
        roots = [p.root for p in self.library.packs if p.manifest.id != pack_id]
        self._read_again([*roots, folder])

    def remove_installed_pack(self, pack_id: str) -> bool:
        """Uninstalls an imported pack and reads the library again without it; False when it
        is not installed (the bundled pack never is). The database is not touched: the
        learner's evidence, reflections and progress from its modules stay."""
        from zavmo_desktop.core.packs.install import remove_pack
        from zavmo_desktop.core.packs.registry import packs_dir, read_registry

        installed = read_registry(self.data_dir).get(pack_id)
        if installed is None:
            return False
        folder = (packs_dir(self.data_dir) / installed.folder).resolve()
        self._close_sources()  # no file of the pack is held open while its folder goes
        removed = remove_pack(self.data_dir, pack_id)
        self._read_again([p.root for p in self.library.packs if p.root.resolve() != folder])
        return removed

    def _read_again(self, roots: list[Path]) -> None:
        self.finish_loading(read_packs(self._loaded_index(), roots))
        self._html.clear()
        self._glossary = None
        self._close_sources()

    def _close_sources(self) -> None:
        with self._sources_lock:
            for source in self._sources.values():
                if source is not None:
                    source.close()
            self._sources.clear()

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

    def roles(self) -> list[tuple[str, str]]:
        """The roles a learner can work towards: (pack id, title) of each installed pack."""
        if not self.content_loaded and self._roles is not None:
            return list(self._roles)
        return [(pack.manifest.id, pack.manifest.title) for pack in self.library.packs]

    def module(self, module_id: str) -> Module | None:
        return self.library.module(module_id)

    @property
    def glossary(self) -> Glossary:
        """Every key term of the modules loaded now (made again once they change)."""
        if self._glossary is None or self._glossary[0] is not self.library:
            # Imported here: the stemmer and the term lists are not needed to start.
            from zavmo_desktop.core.glossary.glossary import build_glossary

            self._glossary = (self.library, build_glossary(self.library))
        return self._glossary[1]

    def search(self, text: str) -> list[SearchHit]:
        known = {m.id for m in self.library.modules}
        return [hit for hit in self._loaded_index().search(text) if hit.module_id in known]

    def mark_opened(self, module: Module) -> None:
        # Noting that it was opened must never stop the learner reading it (a full disk).
        # One transaction: each is a sync of the disk (5-10 ms) while the GUI thread waits.
        from zavmo_desktop.core.xapi.records import record

        with contextlib.suppress(*STORAGE_ERRORS), self._store.db.atomic() as db:
            self.recent.touch(module.id)
            self.progress.mark_started(module.id)
            record(db, "experienced", "module", (module.id,), module.title)

    def open_module(self, module: Module) -> str:
        self.mark_opened(module)
        return self.module_html(module)

    def module_progress(self, module_id: str) -> ModuleProgress | None:
        return self.progress.get(module_id)

    def set_complete(self, module_id: str, complete: bool) -> None:
        from zavmo_desktop.core.xapi.records import record

        with self._store.db.atomic() as db:
            before = self.progress.get(module_id)
            self.progress.set_complete(module_id, complete)
            if complete and not (before is not None and before.complete):
                module = self.module(module_id)
                title = module.title if module is not None else module_id
                record(db, "completed", "module", (module_id,), title)

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

    def todays_review(self, now: datetime | None = None) -> DailyReview:
        """The retrieval questions due today, capped (core.review.deck)."""
        moment = now or datetime.now().astimezone()
        return todays_review(self.library, self.progress.all(), self.review, moment)

    def completed_count(self) -> int:
        known = {m.id for m in self.library.modules}
        return sum(1 for mid, p in self.progress.all().items() if p.complete and mid in known)

    def back_up(self) -> None:
        with self._backing_up:  # after the start's backup, if that is still being made
            self._store.back_up(datetime.now())

    def back_up_at_start(self) -> list[str]:
        """Today's backup, once the learner can act (36 ms or more of waiting for the disk,
        which ready no longer waits for). May run off the GUI thread: it reads through a
        connection of its own. Returns the notices it added (why it could not be made)."""
        with self._backing_up:
            if self._closed:
                return []
            before = len(self._store.notices)
            self._store.back_up_or_say_why(datetime.now())
            return self._store.notices[before:]

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        if self.records_sender is not None:  # it may be waiting on the network: not for long
            self.records_sender.stop()
        with self._backing_up:
            self._closed = True
        for source in self._sources.values():
            if source is not None:
                source.close()
        if self._pending is not None:  # closed before the modules were read (or failed)
            self._pending[0].close()
        if self._index is not None:
            self._index.close()
        self._store.db.conn.close()
