"""A module's page: its safe HTML (rendered once, then cached) and the images it shows,
read only from inside its own pack. Mixed into Learner."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from zavmo_desktop.core.content.pack_source import PackReadError, PackSource, open_source
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS

if TYPE_CHECKING:
    from zavmo_desktop.core.content.models import Library, Module
    from zavmo_desktop.core.storage.content_index import ContentIndex


class ModulePages:
    library: Library
    _html: dict[str, str]
    _sources: dict[Path, PackSource | None]
    _sources_lock: threading.Lock

    @property
    def closed(self) -> bool:
        raise NotImplementedError  # Learner's

    def _loaded_index(self) -> ContentIndex:
        raise NotImplementedError  # Learner's

    def module_html(self, module: Module) -> str:
        html = self.cached_module_html(module)
        if html is None:
            html = self.render_module_html(module)
            self.keep_module_html(module, html)
        return html

    def cached_module_html(self, module: Module) -> str | None:
        html = self._html.get(module.id) or self._loaded_index().cached_html(
            module.id, module.content_hash
        )
        if html is not None:
            self._html[module.id] = html
        return html

    def render_module_html(self, module: Module) -> str:
        """The module's safe HTML, its references checked against its pack. Touches no
        database, so it may run off the GUI thread."""
        from zavmo_desktop.core.content.render import render_markdown  # not needed to start

        return render_markdown(module.body, self._source_of(module), self._file_of(module))

    def keep_module_html(self, module: Module, html: str) -> None:
        self._html[module.id] = html
        if self.closed:  # a page finished rendering after the window closed
            return
        with contextlib.suppress(*STORAGE_ERRORS):  # only a cache: rendered again next time
            self._loaded_index().store_html(module.id, module.content_hash, html)

    def module_image(self, module: Module, src: str) -> bytes | None:
        """An image the module shows, if it is a usable file inside its own pack."""
        from zavmo_desktop.core.content.references import Refused, read_image

        source = self._source_of(module)
        if source is None:
            return None
        try:
            return read_image(source, self._file_of(module), src)
        except Refused:
            return None

    def _source_of(self, module: Module) -> PackSource | None:
        root = self.library.pack_of(module).root
        with self._sources_lock:
            if root not in self._sources:
                try:
                    self._sources[root] = open_source(root)
                except PackReadError:
                    self._sources[root] = None
            return self._sources[root]

    def _file_of(self, module: Module) -> str:
        return module.path.relative_to(self.library.pack_of(module).root).as_posix()
