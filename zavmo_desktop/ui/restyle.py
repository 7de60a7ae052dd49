"""Keeps each part of the main window styled by the learner's look settings, fast.

The stylesheet is set on each part (the navigation column, each screen) rather than on the
whole app: set app-wide it re-polishes every widget of every screen, shown or not, which
took 150-200 ms a change with every screen built (tests/benchmarks/test_restyle.py). A part
that is hidden when the look changes is restyled when it is next shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from zavmo_desktop.ui.theme import apply_theme, current_stylesheet


class Restyler:
    def __init__(self) -> None:
        self._parts: list[QWidget] = []
        self._applied: dict[int, str] = {}  # id of a part -> the stylesheet it has
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.styleSheet():
            app.setStyleSheet("")  # the parts carry it: an app-wide copy would double the work

    def add(self, part: QWidget) -> None:
        self._parts.append(part)
        self.refresh(part)

    def forget(self, part: QWidget) -> None:
        self._parts = [p for p in self._parts if p is not part]
        self._applied.pop(id(part), None)

    def restyle(self, values: dict[str, Any]) -> None:
        """Font and palette app-wide (cheap), the stylesheet on every part not hidden now."""
        apply_theme(values, app_sheet=False)
        for part in self._parts:
            if not part.isHidden():
                self.refresh(part)

    def refresh(self, part: QWidget) -> None:
        """Bring one part up to date, e.g. a screen about to be shown."""
        sheet = current_stylesheet()
        if self._applied.get(id(part)) != sheet:
            part.setStyleSheet(sheet)
            self._applied[id(part)] = sheet
