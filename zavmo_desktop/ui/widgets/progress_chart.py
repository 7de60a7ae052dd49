"""A small line chart of the share of competencies at target, one point per assessment.

Drawn with QPainter in the theme's own text and link colours, so it follows every theme;
each point is labelled with its figure, and the table beside it (readiness_panel.py)
holds the same figures for a screen reader. Shown only with two points or more.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from zavmo_desktop.core.portfolio.progression import TimePoint, day_words, percent

CHART_NAME = "Chart of competencies at target over time"


class ProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(CHART_NAME)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._points: tuple[TimePoint, ...] = ()

    def show_points(self, points: Sequence[TimePoint]) -> None:
        self._points = tuple(points)
        self.setAccessibleDescription(summary(self._points))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        column = self.fontMetrics().horizontalAdvance("00 Mmm 0000") + line
        return QSize(max(4, len(self._points)) * column + 4 * line, 12 * line)

    def minimumSizeHint(self) -> QSize:
        """Room for two dates side by side: narrower, the dates' labels would overlap."""
        line = self.fontMetrics().height()
        column = self.fontMetrics().horizontalAdvance("00 Mmm 0000") + line
        return QSize(2 * column + 4 * line, 12 * line)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        line_colour = palette.color(QPalette.ColorRole.Link)
        metrics = self.fontMetrics()
        high = metrics.height()
        left = metrics.horizontalAdvance("100%") + high
        plot = QRectF(left, 1.5 * high, self.width() - left - 2 * high, self.height() - 4 * high)
        painter.setPen(QPen(ink, 1))
        for share in (0, 50, 100):
            y = plot.bottom() - plot.height() * share / 100
            painter.drawLine(QPointF(plot.left() - 4, y), QPointF(plot.right(), y))
            label = QRectF(0, y - high / 2, left - high / 2, high)
            painter.drawText(label, int(Qt.AlignmentFlag.AlignRight), f"{share}%")
        places = self._places(plot)
        painter.setPen(QPen(line_colour, 3))
        for before, after in itertools.pairwise(places):
            painter.drawLine(before, after)
        dated = self._dated(metrics.horizontalAdvance("00 Mmm 0000") + high, plot.width())
        for number, (point, place) in enumerate(zip(self._points, places, strict=True)):
            painter.setPen(QPen(ink, 2))
            painter.setBrush(line_colour)
            painter.drawEllipse(place, high / 4, high / 4)
            share = percent(point.share_at_target)  # as the table says it
            above = QRectF(place.x() - 3 * high, place.y() - 1.5 * high, 6 * high, high)
            painter.drawText(above, int(Qt.AlignmentFlag.AlignHCenter), share)
            if number in dated:
                below = QRectF(place.x() - 4 * high, plot.bottom() + high / 2, 8 * high, high)
                painter.drawText(below, int(Qt.AlignmentFlag.AlignHCenter), day_words(point.day))
        painter.end()

    def _dated(self, label: float, width: float) -> set[int]:
        """Which points get a date under them: every one while the dates fit side by
        side, else every so many and the last (the table has them all)."""
        count = len(self._points)
        every = max(1, math.ceil(label * count / max(width, 1.0)))
        last = count - 1
        return {n for n in range(0, count, every) if n <= last - every} | {last}

    def _places(self, plot: QRectF) -> list[QPointF]:
        count = len(self._points)
        inset = plot.width() / (2 * count)  # the first and last date labels stay inside
        step = (plot.width() - 2 * inset) / max(count - 1, 1)
        return [
            QPointF(
                plot.left() + inset + n * step, plot.bottom() - plot.height() * p.share_at_target
            )
            for n, p in enumerate(self._points)
        ]


def summary(points: Sequence[TimePoint]) -> str:
    """The chart in one sentence: where it starts and ends."""
    if not points:
        return ""
    first, last = points[0], points[-1]
    return (
        f"Competencies at target: {percent(first.share_at_target)} on "
        f"{day_words(first.day)}, {percent(last.share_at_target)} on "
        f"{day_words(last.day)}, over {len(points)} assessments."
    )
