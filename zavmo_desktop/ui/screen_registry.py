"""The window's screens by name (MainWindow's part): each is built, from the table in
ui/screen_table.py, the first time it is asked for, so start-up does not grow with them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zavmo_desktop.ui.screen_table import CONVERSATION, HELP, ONBOARDING, READER, SCREENS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.ui.read_aloud import ReadAloud


def screen_named(name: str) -> Any:
    """A window attribute for the named screen, built the first time it is read."""
    return property(lambda window: window.screen(name), doc=f"The {name} screen.")


class ScreenRegistry:
    """Mixed into MainWindow: uses its learner, stack and restyler."""

    learner: Learner | None
    onboarding: bool
    stack: Any
    features: Any
    _built: dict[str, QWidget]
    _read_aloud: ReadAloud | None
    _restyler: Any

    def screen(self, name: str) -> QWidget:
        """The named screen, built (and added to the stack) the first time it is asked for."""
        built = self._built.get(name)
        if built is None:
            assert self.learner is not None, "screens exist once the learner's data is open"
            built = SCREENS[name](self, self.learner)
            self._built[name] = built
            self._restyler.add(built)
            self.stack.addWidget(built)
            self._screen_made(name, built)
            if name == READER:
                built.apply_settings(self.learner.settings.snapshot())
        return built

    def built_screens(self) -> list[str]:
        return list(self._built)

    def built(self, name: str) -> Any:
        """The named screen if it has been built, else None (closing must not build one)."""
        return self._built.get(name)

    def _in_place_of(self, name: str) -> str:
        return ONBOARDING if name == "Home" and self.onboarding else name

    # The screens tests and other parts reach by name; each is built when first read.
    home = screen_named("Home")
    onboarding_screen = screen_named(ONBOARDING)
    library = screen_named("Library")
    settings_screen = screen_named("Settings")
    shortcuts_screen = screen_named(HELP)
    reader = screen_named(READER)
    conversation_screen = screen_named(CONVERSATION)

    @property
    def read_aloud(self) -> ReadAloud:
        """One speech player for every screen, made when a screen that speaks is built."""
        if self._read_aloud is None:
            from zavmo_desktop.ui.read_aloud import ReadAloud

            assert self.learner is not None
            self._read_aloud = ReadAloud.for_this_machine(self.learner.settings)
            self._read_aloud.offered = self.features.shows("read_aloud")
        return self._read_aloud
