"""What comes after ready: a first start's modules, then today's backup (MainWindow's part).

A first start shows the onboarding while the modules are still being read; a screen that
shows content waits for them in plain words, never showing a library that looks empty.
"""

from __future__ import annotations

from typing import Any

from zavmo_desktop.ui.tasks import run_in_background
from zavmo_desktop.ui.widgets.labels import heading

# What a first start can show while its modules are still being read.
WITHOUT_CONTENT = frozenset({"Onboarding", "Settings", "Keyboard shortcuts", "About your learning"})
STILL_LOADING = "Still reading the modules: this screen opens in a moment…"


class ContentArrival:
    """Mixed into MainWindow: uses its learner, stack, restyler and navigation."""

    learner: Any
    _waiting: Any

    def _content_loaded(self, content: Any) -> None:
        assert self.learner is not None
        self.learner.finish_loading(content)
        self._loading = False
        if self._close_when_loaded:
            self.close()
            return
        if self._waiting is not None:
            placeholder, name = self._waiting
            self._waiting = None
            if self.stack.currentWidget() is placeholder:
                self._go_to(name)
            self._restyler.forget(placeholder)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self._all_loaded()

    def _all_loaded(self) -> None:
        self.loaded.emit()
        if self.learner is None:  # closed by whoever heard `ready` or `loaded`
            return
        failed = "Zavmo could not make today's backup of your progress ({})."
        run_in_background(self.learner.back_up_at_start, self._backed_up,
                          lambda error: self._backed_up([failed.format(error)]))  # fmt: skip
        # Markdown is first needed when a module opens: load it now, off the GUI thread
        # (after the content: two threads never import the same modules at once).
        from zavmo_desktop.core.content.render import warm_up

        run_in_background(warm_up, lambda _none: None, lambda _error: None)

    def _backed_up(self, notices: list[str]) -> None:
        if self.learner is None:  # closed meanwhile (closing waited for the backup)
            return
        home = self.built("Home")
        for notice in notices if home is not None else []:  # else Home shows them when built
            home.add_notice(notice)

    @property
    def content_loaded(self) -> bool:
        return self.learner is not None and self.learner.content_loaded

    def _read_content(self, name: str) -> bool:
        """True if the screen must wait for the modules: a plain "still loading" is shown
        in its place, never a library that looks empty, and it opens once they are read."""
        if self.content_loaded or self._in_place_of(name) in WITHOUT_CONTENT:
            return False
        if self._waiting is None:
            placeholder = heading(STILL_LOADING)
            placeholder.setAccessibleName("Still loading screen")
            self._restyler.add(placeholder)
            self.stack.addWidget(placeholder)
            self._waiting = (placeholder, name)
        self._waiting = (self._waiting[0], name)
        self.stack.setCurrentWidget(self._waiting[0])
        self._mark_current(name)
        from zavmo_desktop.ui.announce import announce

        announce(self._waiting[0], STILL_LOADING)
        return True
