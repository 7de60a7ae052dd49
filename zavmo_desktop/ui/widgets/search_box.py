"""A search field with a clear button that a screen reader can name and every theme can see.

Qt draws its clear button as a fixed mid-grey disc (#4d4d4d): 1.6 to 2.5:1 on the dark and
high-contrast pages, under the 3:1 that WCAG 1.4.11 asks of a control. This one draws the
disc in the theme's text colour, with the cross cut out in the field's own colour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QToolButton

CLEAR_ACTION = "_q_qlineeditclearaction"  # what Qt names the action behind the button
ICON_PIXELS = 64  # drawn large; Qt scales it down to the button's icon size


class SearchBox(QLineEdit):
    def __init__(self, name: str, placeholder: str, clear_description: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        for icon_button in self.findChildren(QToolButton):  # Qt's clear icon is unnamed
            icon_button.setAccessibleName("Clear search")
            icon_button.setAccessibleDescription(clear_description)
        self._clear = self.findChild(QAction, CLEAR_ACTION)
        self._drawn_for: tuple[str, str] | None = None
        self._draw_clear_icon()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._draw_clear_icon()  # a new theme

    def _draw_clear_icon(self) -> None:
        palette = self.palette()
        ink, page = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        if self._clear is None or self._drawn_for == (ink.name(), page.name()):
            return
        self._drawn_for = (ink.name(), page.name())
        self._clear.setIcon(QIcon(clear_icon(ink, page)))


def clear_icon(ink: QColor, page: QColor) -> QPixmap:
    """A disc in `ink` with a cross in `page`: the shape people know from other apps."""
    pixmap = QPixmap(ICON_PIXELS, ICON_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawEllipse(QRectF(2, 2, ICON_PIXELS - 4, ICON_PIXELS - 4))
    pen = QPen(page)
    pen.setWidthF(ICON_PIXELS / 9)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    near, far = ICON_PIXELS * 0.33, ICON_PIXELS * 0.67
    painter.drawLine(QPointF(near, near), QPointF(far, far))
    painter.drawLine(QPointF(near, far), QPointF(far, near))
    painter.end()
    return pixmap
