"""A list of `path:line: message` lines, each shown whole: wrapped, long paths too.

Qt's list keeps each item on one line and scrolls sideways (WCAG 1.4.10), and its word wrap
cannot break a path that has no spaces. Here each item is as tall as its text wrapped at
spaces, or anywhere inside a word too long for the width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from zavmo_desktop.ui.widgets.wrapping_delegate import ITEM_PADDING

SHOWN_LINES = 4  # its most height, in lines of text, beyond which it scrolls: the modules
# above it are what the screen is for


def wrap_option(anywhere: bool = True) -> QTextOption:
    option = QTextOption()
    Mode = QTextOption.WrapMode
    option.setWrapMode(Mode.WrapAtWordBoundaryOrAnywhere if anywhere else Mode.WordWrap)
    return option


def wrapped_height(font: QFont, text: str, width: float, anywhere: bool = True) -> int:
    """The height of `text` laid out at `width`, wrapped at spaces or, for a long path,
    anywhere (as Qt's views wrap, only at spaces, without `anywhere`)."""
    layout = QTextLayout(text, font)
    layout.setTextOption(wrap_option(anywhere))
    layout.beginLayout()
    height = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return int(height + 0.999)


class ProblemList(QListWidget):
    wraps_anywhere = True  # inside a word too, when the word is wider than the list

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_WrapAnywhere(self))
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # a new width: heights again
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._follow_text_size()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._follow_text_size()

    def _follow_text_size(self) -> None:
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * SHOWN_LINES + 4 * ITEM_PADDING)


class _WrapAnywhere(QStyledItemDelegate):
    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _room(self) -> int:
        return self._view.viewport().width() - 2 * ITEM_PADDING

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        room = self._room()
        if not text or room <= 0:
            return super().sizeHint(option, index)
        return QSize(room, wrapped_height(option.font, text, room) + 2 * ITEM_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The row's background, selection and focus as Qt draws them, then the text wrapped.
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text, shown.text = shown.text, ""
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, self._view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.setFont(option.font)
        area = QRectF(option.rect.adjusted(ITEM_PADDING, ITEM_PADDING, -ITEM_PADDING, 0))
        painter.drawText(area, text, wrap_option())
        painter.restore()
