"""Rows of a tree as tall as their wrapped text: Qt's tree wraps the words it draws but
keeps every row one line tall, so a long title or a search snippet was cut off."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

ITEM_PADDING = 8  # the stylesheet's item padding, both sides, plus the text margin


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree
        # A column's new width changes how many lines each row needs.
        tree.header().sectionResized.connect(lambda *_: tree.scheduleDelayedItemsLayout())

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = self._tree.header().sectionSize(index.column()) - 2 * ITEM_PADDING
        if index.column() == 0:
            width -= self._tree.indentation() * (_depth(index) + 1)
        if not text or width <= 0:
            return hint
        wrapped = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), wrapped.height() + 2 * ITEM_PADDING))


def _depth(index: QModelIndex | QPersistentModelIndex) -> int:
    depth, parent = 0, index.parent()
    while parent.isValid():
        depth, parent = depth + 1, parent.parent()
    return depth
