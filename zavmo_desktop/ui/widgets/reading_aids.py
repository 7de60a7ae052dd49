"""Line focus and the reading ruler: drawn over a text view, following the caret and mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from zavmo_desktop.ui.palettes import Colours, mix

DIM_OPACITY = 0.78  # the rest of the page stays faintly readable, for context
RULER_OPACITY = 0.18


class ReadingAids(QWidget):
    """Dims all but a band of lines (line focus) and/or underlines the current line (ruler)."""

    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view.viewport())
        self._view = view
        self.lines = 0  # 0: line focus off
        self.ruler = False
        self._colours: Colours | None = None
        self._line_y: int | None = None  # viewport y of the current line's centre
        self._follow_mouse = False
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.cursorPositionChanged.connect(self._caret_moved)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.hide()

    def configure(self, lines: int, ruler: bool, colours: Colours) -> None:
        self.lines, self.ruler, self._colours = lines, ruler, colours
        self.setVisible(bool(lines or ruler))
        self.resize(self._view.viewport().size())
        self.update()

    def current_band(self) -> QRect | None:
        """The lines left undimmed, in viewport coordinates; None when nothing is drawn."""
        if not self.isVisible():
            return None
        line = self._line_height()
        centre = self._line_y if self._line_y is not None else self._first_line_centre()
        shown = max(1, self.lines)
        top = round(centre - line * shown / 2)
        return QRect(0, top, self.width(), round(line * shown))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.resize(self._view.viewport().size())
        elif event.type() == QEvent.Type.MouseMove and self.isVisible():
            self._follow_mouse = True
            self._move_to(self._line_centre_at(event.position().toPoint()))  # type: ignore[attr-defined]
        return False

    def _caret_moved(self) -> None:
        self._follow_mouse = False
        self._move_to(self._view.cursorRect().center().y())

    def _scrolled(self) -> None:
        if not self._follow_mouse:
            self._move_to(self._view.cursorRect().center().y())

    def _move_to(self, y: int) -> None:
        self._line_y = y
        self.update()

    def _line_centre_at(self, point: QPoint) -> int:
        return self._view.cursorRect(self._view.cursorForPosition(point)).center().y()

    def _first_line_centre(self) -> int:
        return round(self._line_height() / 2) + int(self._view.document().documentMargin())

    def _line_height(self) -> float:
        cursor_height = self._view.cursorRect().height()
        return float(max(cursor_height, self._view.fontMetrics().lineSpacing()))

    def paintEvent(self, event: QPaintEvent) -> None:
        band = self.current_band()
        if band is None or self._colours is None:
            return
        painter = QPainter(self)
        if self.lines:
            self._dim_outside(painter, band)
        if self.ruler:
            self._draw_ruler(painter, band if self.lines == 1 else self._ruler_band(band))
        painter.end()

    def _dim_outside(self, painter: QPainter, band: QRect) -> None:
        assert self._colours is not None
        shade = QColor(self._colours.base)
        shade.setAlphaF(DIM_OPACITY)
        painter.fillRect(QRect(0, 0, self.width(), band.top()), shade)
        painter.fillRect(QRect(0, band.bottom() + 1, self.width(), self.height()), shade)

    def _ruler_band(self, band: QRect) -> QRect:
        line = round(self._line_height())
        return QRect(0, band.center().y() - line // 2, self.width(), line)

    def _draw_ruler(self, painter: QPainter, line: QRect) -> None:
        assert self._colours is not None
        wash = QColor(self._colours.highlight)
        wash.setAlphaF(RULER_OPACITY)  # see-through, like a highlighter pen over the text
        painter.fillRect(line, wash)
        edge = QColor(self._colours.focus)
        painter.fillRect(QRect(0, line.bottom() + 1, self.width(), 3), edge)
        painter.fillRect(QRect(0, line.top() - 3, self.width(), 3), edge)


def under_ruler(colours: Colours) -> tuple[str, str]:
    """Text and page colours as seen through the ruler's wash, for contrast checks."""
    return (
        mix(colours.text, colours.highlight, RULER_OPACITY),
        mix(colours.base, colours.highlight, RULER_OPACITY),
    )
