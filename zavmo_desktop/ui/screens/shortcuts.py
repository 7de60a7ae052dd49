"""Keyboard shortcuts (F1): every shortcut in the app, in one table a screen reader can walk.

The shortcuts are grouped under where they work ("Everywhere", "Reader" ...), a row across
the table each, rather than in a third column: at 200% text in wide spacing three columns'
longest words were wider than the page, and the table scrolled sideways and cut its words.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.org.features import ALL_FEATURES, Features
from zavmo_desktop.ui.shortcuts import Shortcut, shortcuts_shown
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.padded_wrap import PaddedWrap

CELL_SIDE_PADDING = 8  # the stylesheet's, each side of a cell
CELL_PADDING = 2 * (CELL_SIDE_PADDING + 3) + 2  # with Qt's text margins and the grid line
GROUP = Qt.ItemDataRole.UserRole  # marks the rows that name a group
KEYS_SHARE = 0.35  # of the width, for the keys, when they need it; never under a whole word


class ShortcutsScreen(QWidget):
    def __init__(self, features: Features = ALL_FEATURES) -> None:
        super().__init__()
        self._shortcuts = shortcuts_shown(features)
        self.setAccessibleName("Keyboard shortcuts screen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Keyboard shortcuts"))
        layout.addWidget(
            paragraph(
                "Everything in Zavmo works from the keyboard. Use the arrow keys to read "
                "this table. Press Ctrl+1 to go back to Home."
            )
        )
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit_columns)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()  # the text size may have changed since last time

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit.start()  # once the new text size and spacing are in place

    def _fit_columns(self) -> None:
        # The keys on one line while they take at most a share of the width, else wrapped
        # between words; what each does takes the rest, wrapped.
        metrics = self.table.fontMetrics()
        keys = [shortcut.keys for shortcut in self._shortcuts]
        one_line = max(metrics.horizontalAdvance(text) for text in keys)
        word = max(metrics.horizontalAdvance(w) for text in keys for w in text.split())
        share = int(self.table.viewport().width() * KEYS_SHARE)
        self.table.setColumnWidth(0, max(word, min(one_line, share)) + CELL_PADDING)
        bold = self.table.font()  # set anew each time: an item's own font would not follow
        bold.setBold(True)  # the learner's text size
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.data(GROUP):
                item.setFont(bold)
        self.table.resizeRowsToContents()

    def _build_table(self) -> QTableWidget:
        shortcuts = self._shortcuts
        groups = [(where, list(rows)) for where, rows in itertools.groupby(shortcuts, _where)]
        table = QTableWidget(len(shortcuts) + len(groups), 2)
        table.setAccessibleName("List of keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Keys", "What it does"])
        row = 0
        for where, shortcuts in groups:
            table.setItem(row, 0, _group_item(where))
            table.setSpan(row, 0, 1, 2)
            for shortcut in shortcuts:
                row += 1
                table.setItem(row, 0, QTableWidgetItem(shortcut.keys))
                table.setItem(row, 1, QTableWidgetItem(shortcut.action))
            row += 1
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.setItemDelegate(PaddedWrap(CELL_SIDE_PADDING, table))
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.setCurrentCell(1, 0)
        return table


def _where(shortcut: Shortcut) -> str:
    return shortcut.where


def _group_item(where: str) -> QTableWidgetItem:
    """A row across the table that says where the shortcuts under it work."""
    item = QTableWidgetItem(where)
    item.setData(GROUP, True)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # read and passed by the arrow keys, not chosen
    return item
