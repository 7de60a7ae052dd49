"""Line focus and the reading ruler: drawn over a text view, following the caret and mouse.

The band is a place on the screen, like a card held against the page: scrolling moves the
text under it, and it always covers whole lines. It moves to the caret's line when the
caret moves (after the view has scrolled to it), to the line under the mouse, and, while
read-aloud speaks, goes with the line being spoken.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from zavmo_desktop.ui.palettes import Colours, mix
from zavmo_desktop.ui.widgets.text_lines import Row, visible_rows

DIM_OPACITY = 0.78  # the rest of the page stays faintly readable, for context
RULER_OPACITY = 0.18
RULER_EDGE = 3


class ReadingAids(QWidget):
    """Dims all but a band of lines (line focus) and/or marks the current line (ruler)."""

    def __init__(self, view: QTextBrowser) -> None:
        # A sibling over the viewport, not its child: scrolling the viewport moves its
        # children with the text, which carried the band away with the page.
        super().__init__(view)
        self._view = view
        self.lines = 0  # 0: line focus off
        self.ruler = False
        self._colours: Colours | None = None
        self._anchor_y = 0  # the viewport height of the line in focus
        self._on_caret = True  # the band is on the caret's line, wherever that is laid out
        self._spoken: int | None = None  # where read-aloud is, while it speaks
        self._mouse = QPoint(-1, -1)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.cursorPositionChanged.connect(self.follow_caret)
        view.verticalScrollBar().valueChanged.connect(self.update)
        self.hide()

    def configure(self, lines: int, ruler: bool, colours: Colours) -> None:
        self.lines, self.ruler, self._colours = lines, ruler, colours
        self.setVisible(bool(lines or ruler))
        self._cover_viewport()
        self.update()

    def follow_caret(self) -> None:
        self._on_caret, self._spoken = True, None
        self.update()

    def follow_spoken(self, position: int) -> None:
        """Read-aloud is at `position`; -1: it stopped, and the band stays where it is."""
        self._spoken = position if position >= 0 else None
        self._on_caret = self._on_caret and self._spoken is None
        self.update()

    def scrolled_away(self) -> None:
        """The learner scrolled (not by moving the caret): the band stays where it is."""
        self._on_caret = False

    def laid_out_again(self) -> None:
        """The text was laid out anew: a band on the caret's line goes to where it is now."""
        if self._on_caret:
            self.follow_caret()

    def current_band(self) -> QRect | None:
        """The lines left undimmed, in viewport coordinates; None when nothing is drawn."""
        return self._band_and_line()[0]

    def current_line(self) -> QRect | None:
        """The line in focus, inside the band: the one the ruler marks."""
        return self._band_and_line()[1]

    def _band_and_line(self) -> tuple[QRect | None, QRect | None]:
        rows = self._band_rows(max(1, self.lines)) if self.isVisible() else []
        if not rows:
            return None, None
        line = rows[self._focus_index(rows)]
        return _rect(rows[0], rows[-1], self.width()), _rect(line, line, self.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Move):
            self._cover_viewport()
        elif kind == QEvent.Type.MouseMove and self.isVisible():
            self._mouse_moved(event.globalPosition().toPoint(), event.position().y())  # type: ignore[attr-defined]
        return False

    def _mouse_moved(self, where: QPoint, y: float) -> None:
        # Qt also sends a move when the text moves under a still mouse (a relayout): only
        # the learner moving the mouse takes the band from the caret.
        if where == self._mouse:
            return
        self._mouse = where
        self._on_caret, self._spoken = False, None
        self._anchor_y = round(y)
        self.update()

    def _cover_viewport(self) -> None:
        self.setGeometry(self._view.viewport().geometry())
        self.raise_()

    def _band_rows(self, count: int) -> list[Row]:
        """`count` whole rows around the line in focus, all inside the viewport."""
        if self._spoken is not None:
            cursor = QTextCursor(self._view.document())
            cursor.setPosition(min(self._spoken, self._view.document().characterCount() - 1))
            self._anchor_y = self._view.cursorRect(cursor).center().y()
        elif self._on_caret:  # kept, so a scroll that is not the caret's leaves it here
            self._anchor_y = self._view.cursorRect().center().y()
        height = self._view.viewport().height()
        self._anchor_y = max(0, min(self._anchor_y, height - 1))
        rows = [r for r in visible_rows(self._view) if r.top >= -0.5 and r.bottom <= height + 0.5]
        if not rows:
            return []
        here = self._focus_index(rows)
        # Centred on the line in focus; near the top or end, the band fills from the
        # other side so it always shows as many lines as asked for.
        first = max(0, min(here - (count - 1) // 2, len(rows) - count))
        return rows[first : first + count]

    def _focus_index(self, rows: list[Row]) -> int:
        return min(range(len(rows)), key=lambda i: _distance(rows[i], self._anchor_y))

    def paintEvent(self, event: QPaintEvent) -> None:
        band, line = self._band_and_line()
        if band is None or line is None or self._colours is None:
            return
        painter = QPainter(self)
        if self.lines:
            self._dim_outside(painter, band)
        if self.ruler:
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
        painter.fillRect(QRect(0, line.bottom() + 1, self.width(), RULER_EDGE), edge)
        painter.fillRect(QRect(0, line.top() - RULER_EDGE, self.width(), RULER_EDGE), edge)


def under_ruler(colours: Colours) -> tuple[str, str]:
    """Text and page colours as seen through the ruler's wash, for contrast checks."""
    return (
        mix(colours.text, colours.highlight, RULER_OPACITY),
        mix(colours.base, colours.highlight, RULER_OPACITY),
    )


def _distance(row: Row, y: float) -> float:
    return 0.0 if row.top <= y < row.bottom else min(abs(row.top - y), abs(row.bottom - y))


def _rect(first: Row, last: Row, width: int) -> QRect:
    top = round(first.top)
    return QRect(0, top, width, round(last.bottom) - top)
