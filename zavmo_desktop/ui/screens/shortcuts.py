"""Keyboard shortcuts (F1): every shortcut in the app, in one table a screen reader can walk."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.ui.shortcuts import SHORTCUTS
from zavmo_desktop.ui.widgets.labels import heading, paragraph


class ShortcutsScreen(QWidget):
    def __init__(self) -> None:
        super().__init__()
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

    def showEvent(self, event: QShowEvent) -> None:
        self.table.resizeRowsToContents()  # the text size may have changed since last time
        super().showEvent(event)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(SHORTCUTS), 3)
        table.setAccessibleName("List of keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Keys", "What it does", "Where"])
        for row, shortcut in enumerate(SHORTCUTS):
            for column, text in enumerate((shortcut.keys, shortcut.action, shortcut.where)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        table.setCurrentCell(0, 0)
        return table
