"""Widgets side by side while they fit, in more rows when they do not (at 200% text, say).

Its minimum width is its widest widget's, so it never makes the window wider; each resize
places the widgets in as many columns as fit their full size, and nothing is cut off.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ReflowRow(QWidget):
    def __init__(self, widgets: Iterable[QWidget]) -> None:
        super().__init__()
        self._widgets = list(widgets)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._place(len(self._widgets))

    def _place(self, columns: int) -> None:
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // columns, index % columns)
        for column in range(len(self._widgets) + 1):
            self._grid.setColumnStretch(column, 0)
        # Spare room after the last column; one under the other, each has the whole width.
        self._grid.setColumnStretch(0 if columns == 1 else columns, 1)
        self._columns = columns

    def columns_that_fit(self, width: int) -> int:
        spacing = self._grid.horizontalSpacing()
        for columns in range(len(self._widgets), 1, -1):
            # A grid column is as wide as its widest widget, whichever row that is in.
            widths = [
                max(w.sizeHint().width() for w in self._widgets[column::columns])
                for column in range(columns)
            ]
            if sum(widths) + spacing * (columns - 1) <= width:
                return columns
        return 1

    def reflow(self) -> None:
        """Place the widgets again (their sizes changed: a list was filled, say)."""
        columns = self.columns_that_fit(self.width())
        if columns != self._columns:
            self._place(columns)

    def minimumSizeHint(self) -> QSize:
        widest = max((w.minimumSizeHint().width() for w in self._widgets), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()
