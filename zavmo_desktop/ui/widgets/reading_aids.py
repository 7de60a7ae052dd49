"""Line focus and the reading ruler: drawn over a text view, following the caret and mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QTextBlock
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
        self._anchor_y = 0  # the viewport height of the line in focus
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.cursorPositionChanged.connect(self._caret_moved)
        view.verticalScrollBar().valueChanged.connect(self.update)
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
        lines = self._lines_around(self._anchor_y, max(1, self.lines))
        if not lines:
            return None
        return QRect(0, lines[0].top(), self.width(), lines[-1].bottom() - lines[0].top() + 1)

    def current_line(self) -> QRect | None:
        lines = self._lines_around(self._anchor_y, 1)
        return QRect(0, lines[0].top(), self.width(), lines[0].height()) if lines else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.resize(self._view.viewport().size())
        elif event.type() == QEvent.Type.MouseMove and self.isVisible():
            self._move_to(event.position().toPoint().y())  # type: ignore[attr-defined]
        return False

    def _caret_moved(self) -> None:
        self._move_to(self._view.cursorRect().center().y())

    def _move_to(self, y: int) -> None:
        # Scrolling keeps the band where it is on screen; the lines under it change.
        self._anchor_y = max(0, min(y, self.height() - 1))
        self.update()

    def _lines_around(self, y: int, count: int) -> list[QRect]:
        """Whole text lines: the one at viewport height y, with those before and after it."""
        cursor = self._view.cursorForPosition(QPoint(self.width() // 2, y))
        here = _Line.at(cursor.block(), cursor.positionInBlock())
        if here is None:
            return []
        found = [here]
        # Centred on the line in focus; at the top or end of the text, the band fills
        # from the other side so it always shows as many lines as asked for.
        while len(found) < count:
            before = found[0].step(-1)
            if before is not None:
                found.insert(0, before)
            after = found[-1].step(1) if len(found) < count else None
            if after is not None:
                found.append(after)
            if before is None and after is None:
                break
        return [line.rect(self._view) for line in found]

    def paintEvent(self, event: QPaintEvent) -> None:
        band = self.current_band()
        if band is None or self._colours is None:
            return
        painter = QPainter(self)
        if self.lines:
            self._dim_outside(painter, band)
        line = self.current_line()
        if self.ruler and line is not None:
            self._draw_ruler(painter, line)
        painter.end()

    def _dim_outside(self, painter: QPainter, band: QRect) -> None:
        assert self._colours is not None
        shade = QColor(self._colours.base)
        shade.setAlphaF(DIM_OPACITY)
        painter.fillRect(QRect(0, 0, self.width(), band.top()), shade)
        painter.fillRect(QRect(0, band.bottom() + 1, self.width(), self.height()), shade)

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


class _Line:
    """One laid-out line of a text block, and the lines next to it."""

    def __init__(self, block: QTextBlock, number: int) -> None:
        self.block, self.number = block, number

    @classmethod
    def at(cls, block: QTextBlock, position: int) -> _Line | None:
        layout = block.layout()
        if not block.isValid() or layout is None or layout.lineCount() == 0:
            return None
        return cls(block, max(0, layout.lineForTextPosition(position).lineNumber()))

    def step(self, direction: int) -> _Line | None:
        number = self.number + direction
        if 0 <= number < self.block.layout().lineCount():
            return _Line(self.block, number)
        block = self.block.previous() if direction < 0 else self.block.next()
        while block.isValid() and (block.layout() is None or block.layout().lineCount() == 0):
            block = block.previous() if direction < 0 else block.next()
        if not block.isValid():
            return None
        return _Line(block, block.layout().lineCount() - 1 if direction < 0 else 0)

    def rect(self, view: QTextBrowser) -> QRect:
        line = self.block.layout().lineAt(self.number)
        block_top = view.document().documentLayout().blockBoundingRect(self.block).top()
        top = block_top + line.y() - view.verticalScrollBar().value()
        return QRect(0, round(top), view.viewport().width(), round(line.height()))
