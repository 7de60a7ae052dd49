"""The pathway's lists: as tall as their rows, every row as tall as its wrapped words.

Qt's list works out a wrapped row's height for a width without the stylesheet's padding
and the tick box, so a long step was cut short with "…"; this delegate measures with them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QListWidgetItem, QStyledItemDelegate, QStyleOptionViewItem

from zavmo_desktop.ui.widgets.checklist_section import FittedList

PADDING = 8  # the stylesheet's item padding, both sides, and the text margin
TICK_BOX = 32  # the tick box and the gap after it


class WrappedRows(QStyledItemDelegate):
    def __init__(self, view: FittedList) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._view.viewport().width() - 2 * PADDING
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:  # a tick box is drawn
            width -= TICK_BOX
        if not text or width <= 0:
            return hint
        wrapped = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 2 * PADDING))


def pathway_list(name: str, *, checklist: bool = False) -> FittedList:
    view = FittedList()
    view.setAccessibleName(name)
    if not checklist:
        view.setProperty("role", None)  # the checklist look is for tick boxes
    view.setItemDelegate(WrappedRows(view))
    return view


def read_only(text: str, *, title: bool = False) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    if title:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def fill(view: FittedList, rows: list[tuple[str, bool]]) -> None:
    """(text, is a week's title) rows."""
    view.clear()
    for text, title in rows:
        view.addItem(read_only(text, title=title))
    view.schedule_fit()
