"""Run by test_hostile_start.py in its own process: the real app with hostile packs.

Opens every module the library lists, each of its tabs, then prints what it saw as JSON.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator

from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow


def wait_for(app: QApplication, ready: object, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not ready() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    data_dir, *packs = sys.argv[1:]
    argv = ["--data-dir", data_dir] + [arg for pack in packs for arg in ("--content", pack)]
    window = build_window(argv)
    assert isinstance(window, MainWindow) and window.learner is not None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.show()
    window.show_screen("Library")
    listed = []
    iterator = QTreeWidgetItemIterator(window.library.modules)
    while iterator.value():
        if iterator.value().data(0, 256):
            listed.append(iterator.value().data(0, 256))
        iterator += 1
    opened = []
    for module_id in listed:
        module = window.learner.module(module_id)
        assert module is not None
        window.open_module(module)
        wait_for(app, lambda: window.reader.text.toPlainText().strip() != "Preparing this module…")
        for tab in ("Read", "Practise", "Checklists", "Reflections"):
            window.reader.show_tab(tab)
            app.processEvents()
        opened.append(module_id)
    problems = [str(problem) for problem in window.learner.problems]
    window.close()
    print(json.dumps({"listed": listed, "opened": opened, "problems": problems}))


if __name__ == "__main__":
    main()
