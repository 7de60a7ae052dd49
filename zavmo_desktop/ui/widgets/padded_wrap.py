"""Rows of a list or table as tall as their wrapped text, with a stylesheet's item padding.

With a stylesheet Qt measures the wrap on the whole item but draws the text inside its
padding: the text wraps onto one more line than was measured and the last line is cut
("... what we propose, what …"). This measures it inside the padding too.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget


class PaddedWrap(QStyledItemDelegate):
    def __init__(self, side_padding: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._padding = side_padding  # the stylesheet's, each side of an item

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        inside = QStyleOptionViewItem(option)
        inside.rect = option.rect.adjusted(0, 0, -2 * self._padding, 0)
        return super().sizeHint(inside, index)
