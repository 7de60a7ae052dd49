"""The window's keyboard (MainWindow's part): a shortcut for each screen, F1, Find, the
focus timer and the reading settings; and Enter on a focused button, as promised."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from zavmo_desktop.ui.screen_table import HELP
from zavmo_desktop.ui.setting_shortcuts import add_setting_shortcuts
from zavmo_desktop.ui.shortcuts import keys_for

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent

    from zavmo_desktop.core.learner import Learner


class WindowKeys:
    """Mixed into MainWindow: uses its screens, features, timer and Library."""

    learner: Learner | None
    features: Any
    timer: Any
    library: Any
    content_loaded: bool

    def _add_shortcuts(self, navigation: Iterable[str]) -> None:
        for number, name in enumerate(navigation, start=1):
            if self.features.shows_screen(name):
                self._shortcut(f"Ctrl+{number}", lambda n=name: self._go_to(n))
        self._shortcut("F1", lambda: self._go_to(HELP))
        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(keys_for("Start, pause"), self._toggle_timer)
        add_setting_shortcuts(self, self._shortcut)

    def _shortcut(self, keys: Any, action: Callable[[], None]) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)  # for the whole window, by default
        shortcut.activated.connect(action)

    def _focus_search(self) -> None:
        if self.learner is not None:
            self.show_screen("Library")
            if self.content_loaded:
                self.library.focus_search()

    def _toggle_timer(self) -> None:
        if self.learner is not None and self.timer.isVisible():
            self.timer.toggle()


def clicked_focused_button(event: QKeyEvent) -> bool:
    """Enter clicks the focused button, and True says the key was used.

    Qt's buttons take Enter only inside dialogs; the shortcuts page promises it everywhere.
    A button ignores Enter, so the key reaches the window only when nothing used it."""
    if not is_plain_enter(event):
        return False
    focused = QApplication.focusWidget()
    buttons = ("QPushButton", "QToolButton")  # by name: Qt classes cost to load
    if focused is not None and focused.isEnabled() and any(map(focused.inherits, buttons)):
        focused.click()
        return True
    return False


def is_plain_enter(event: QKeyEvent) -> bool:
    from PySide6.QtCore import Qt

    keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in keys and modifiers == Qt.KeyboardModifier.NoModifier
