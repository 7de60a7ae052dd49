"""A read-only table of figures in words, with a header row, as tall as its rows.

Each column is as wide as its text on one line, or where the table is too narrow for
that, its longest word, wrapping; the first takes the rest of the width. The table is as
tall as its rows, so the page around it scrolls, not the table. The arrow keys move from
cell to cell and a screen reader reads each with its column's header.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from zavmo_desktop.ui.widgets.padded_wrap import PaddedWrap

PADDING = 24  # a cell's margins and grid line, in pixels


class FiguresTable(QTableWidget):
    def __init__(self, name: str, columns: Sequence[str]) -> None:
        super().__init__(0, len(columns))
        self._columns = tuple(columns)
        self.setAccessibleName(name)
        self.setHorizontalHeaderLabels(list(columns))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.setWordWrap(True)
        self.setItemDelegate(PaddedWrap(8, self))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def show_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.setItem(row, column, QTableWidgetItem(text))
        self.fit()

    def rows(self) -> list[list[str]]:
        return [
            [self.item(r, c).text() for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]

    def fit(self) -> None:
        room = self.viewport().width()
        widths = self._widths(one_line=True)
        if sum(widths) > room:  # too narrow for one line each: wrap at the words
            widths = self._widths(one_line=False)
        widths[0] = max(widths[0], room - sum(widths[1:]))
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + self.verticalHeader().length()
        self.setFixedHeight(height + 2 * self.frameWidth())
        self.updateGeometry()

    def _widths(self, one_line: bool) -> list[int]:
        bold = QFont(self.horizontalHeader().font())
        bold.setBold(True)  # the stylesheet's header weight
        header = QFontMetrics(bold)
        cells = self.fontMetrics()
        widths = []
        for column, title in enumerate(self._columns):
            texts = [self.item(r, column).text() for r in range(self.rowCount())]
            pieces = texts if one_line else [w for t in texts for w in t.split()]
            longest = max([cells.horizontalAdvance(p) for p in pieces], default=0)
            widths.append(PADDING + max(header.horizontalAdvance(title), longest))
        return widths

    def sizeHint(self) -> QSize:
        return QSize(sum(self._widths(True)) + 2 * self.frameWidth(), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(sum(self._widths(False)) + 2 * self.frameWidth(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()  # narrower columns wrap onto more lines

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()  # the learner's text size or spacing changed
