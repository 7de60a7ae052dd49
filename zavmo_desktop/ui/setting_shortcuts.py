"""The window's shortcuts that change a reading setting without opening Settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.ui.shortcuts import keys_for

if TYPE_CHECKING:
    from zavmo_desktop.ui.main_window import MainWindow

TEXT_STEPS = tuple(range(75, 251, 25))
LINE_FOCUS_STEPS = (0, 1, 3, 5)


def add_setting_shortcuts(
    window: MainWindow, shortcut: Callable[[Any, Callable[[], None]], None]
) -> None:
    shortcut(keys_for("Make text bigger"), lambda: step_text_size(window, 1))
    shortcut("Ctrl++", lambda: step_text_size(window, 1))
    shortcut(keys_for("Make text smaller"), lambda: step_text_size(window, -1))
    shortcut(keys_for("Text back"), lambda: set_and_say(window, "text_scale", 100))
    shortcut(keys_for("Line focus"), lambda: cycle_line_focus(window))
    shortcut(keys_for("Reading ruler"), lambda: toggle_ruler(window))


def step_text_size(window: MainWindow, step: int) -> None:
    assert window.learner is not None
    current = window.learner.settings.get("text_scale")
    bigger = [size for size in TEXT_STEPS if size > current]
    smaller = [size for size in TEXT_STEPS if size < current]
    target = (bigger[:1] if step > 0 else smaller[-1:]) or [current]
    set_and_say(window, "text_scale", target[0])


def cycle_line_focus(window: MainWindow) -> None:
    assert window.learner is not None
    current = window.learner.settings.get("line_focus")
    position = LINE_FOCUS_STEPS.index(current) if current in LINE_FOCUS_STEPS else 0
    set_and_say(window, "line_focus", LINE_FOCUS_STEPS[(position + 1) % len(LINE_FOCUS_STEPS)])


def toggle_ruler(window: MainWindow) -> None:
    assert window.learner is not None
    set_and_say(window, "reading_ruler", not window.learner.settings.get("reading_ruler"))


def set_and_say(window: MainWindow, key: str, value: Any) -> None:
    """Shortcuts change settings out of sight, so the change is announced."""
    from zavmo_desktop.ui.announce import announce
    from zavmo_desktop.ui.setting_options import describe

    if window.learner is None:
        return
    settings = window.learner.settings
    if settings.is_locked(key):
        announce(window, f"{SPECS[key].label} is set by your organisation.")
        return
    settings.set(key, value)
    announce(window, f"{SPECS[key].label}: {describe(key, value)}")
