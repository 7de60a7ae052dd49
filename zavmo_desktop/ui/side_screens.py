"""Screens outside the navigation: the glossary and About your learning (MainWindow's part).

Each opens from a button on another screen, and the navigation keeps showing where the
learner came from: Library for the glossary; Settings or Home (the onboarding) for About
your learning, whose Back returns there, to the button that opened it.
"""

from __future__ import annotations

from typing import Any

from zavmo_desktop.ui.screen_table import ABOUT, GLOSSARY, ONBOARDING

ABOUT_BUTTON = "About your learning"


class SideScreens:
    """Mixed into MainWindow: uses its screens, stack and navigation."""

    _built: dict[str, Any]
    _about_from = "Settings"

    def open_glossary(self, term: str = "") -> None:
        """The glossary, with `term` chosen (from the reader), else with its search box."""
        if not self.features.shows("glossary"):  # type: ignore[attr-defined]
            return
        self.show_screen(GLOSSARY)
        self._mark_current("Library")
        if self.content_loaded:  # else it opens, searchable, once the modules are read
            glossary = self.screen(GLOSSARY)
            glossary.show_term(term) if term else glossary.focus_search()

    def open_about(self) -> None:
        showing = self.stack.currentWidget()
        here = next((name for name, w in self._built.items() if w is showing), "Settings")
        self._about_from = "Home" if here == ONBOARDING else here  # Home shows the onboarding
        self.show_screen(ABOUT)
        self._mark_current(self._about_from)
        self.screen(ABOUT).text.setFocus(self._focus_reason())

    def back_from_about(self) -> None:
        self.show_screen(self._about_from)
        screen = self.stack.currentWidget()
        button = next(
            (b for b in screen.findChildren(self._button_class())
             if b.accessibleName() == ABOUT_BUTTON and b.isVisible()), None)  # fmt: skip
        if button is not None:
            button.setFocus(self._focus_reason())

    @staticmethod
    def _focus_reason() -> Any:
        from PySide6.QtCore import Qt

        return Qt.FocusReason.OtherFocusReason

    @staticmethod
    def _button_class() -> Any:
        from PySide6.QtWidgets import QPushButton

        return QPushButton
