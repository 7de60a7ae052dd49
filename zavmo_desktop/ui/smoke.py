"""A start that proves a build works: the real window opens the first module, then quits.

Run as `zavmo-desktop --smoke-open-first-module [--data-dir DIR]`. A frozen bundle cannot
run a test script, so the bundle test (tests/packaging/test_bundle.py) starts the built
executable with this option. Not listed in --help: it is for checking builds, not learners.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from PySide6.QtWidgets import QApplication

from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.reader import PREPARING

WAIT_S = 60.0


def open_first_module(argv: list[str]) -> int:
    """0 once the first module's text is on screen; 1, with the reason, otherwise."""
    from zavmo_desktop.app import build_window  # app imports this module only for the option

    _give_up_after(2 * WAIT_S)
    window = build_window(argv)
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    areas = window.learner.modules_by_area()
    if not areas:
        print("smoke: no modules to open", file=sys.stderr)
        window.close()
        return 1
    module = areas[0].modules[0]
    window.open_module(module)
    text = _wait_for_text(window)
    window.close()
    if not text:
        print(f"smoke: {module.id} showed no text within {WAIT_S:.0f} s", file=sys.stderr)
        return 1
    print(f"opened {module.id}: {module.title} ({len(text)} characters)")
    return 0


def _give_up_after(seconds: float) -> None:
    """A start that never finishes loading fails the check instead of hanging it."""

    def give_up() -> None:
        print(f"smoke: the window was not ready within {seconds:.0f} s", file=sys.stderr)
        os._exit(2)

    watchdog = threading.Timer(seconds, give_up)
    watchdog.daemon = True
    watchdog.start()


def _wait_for_text(window: MainWindow) -> str:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        app.processEvents()
        text = str(window.reader.text.toPlainText()).strip()
        if window.reader.isVisible() and text and text != PREPARING:
            return text
        time.sleep(0.01)
    return ""
