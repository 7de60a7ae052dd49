"""The pathway's next weeks as a picture: one column per week, filled as far as it is planned.

It only shows what the week-by-week list beside it says in words (that list is what a
screen reader and the keyboard use), so it takes no focus. Colours come from the palette
and sizes from the font, so it follows the theme and the text size as they change. A
catch-up week is hatched and a week with a milestone has a diamond, so colour is never the
only sign.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from zavmo_desktop.core.pathway.model import Plan, StepKind, Week, WeekKind

WEEKS_SHOWN = 12


class PathwayTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weeks: list[Week] = []
        self._weekly = 1
        self._today = date.today()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Timeline of the next weeks")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_plan(self, plan: Plan | None, today: date) -> None:
        self._today = today
        weeks = list(plan.weeks) if plan else []
        first = next((n for n, w in enumerate(weeks) if w.end >= today), len(weeks))
        self._weeks = weeks[first : first + WEEKS_SHOWN]
        self._weekly = max(1, plan.weekly_minutes) if plan else 1
        shown = len(self._weeks)
        self.setAccessibleDescription(
            f"{shown} weeks from this week; the week-by-week list below says the same in words"
        )
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(WEEKS_SHOWN * line * 2, line * (7 if self._weeks else 2))

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 6, line * 7)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self._weeks:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(self.rect(), int(flags), "No weeks of this plan are left.")
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.fontMetrics().height()
        column = self.width() / WEEKS_SHOWN
        top, bottom = line * 1.5, self.height() - line * 1.5
        for index, week in enumerate(self._weeks):
            left = index * column + column * 0.15
            box = QRectF(left, top, column * 0.7, bottom - top)
            self._draw_week(painter, week, box, line)
        painter.end()

    def _draw_week(self, painter: QPainter, week: Week, box: QRectF, line: float) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        share = min(1.0, week.minutes / self._weekly)
        filled = QRectF(
            box.left(), box.bottom() - box.height() * share, box.width(), box.height() * share
        )
        style = (
            Qt.BrushStyle.BDiagPattern
            if week.kind is WeekKind.CATCH_UP
            else Qt.BrushStyle.SolidPattern
        )
        painter.fillRect(filled, QBrush(palette.color(QPalette.ColorRole.Highlight), style))
        if week.start <= self._today <= week.end:
            painter.setPen(QPen(text, max(2.0, line / 8)))
            painter.drawRect(box.adjusted(-3, -3, 3, 3))
        if any(p.kind is StepKind.MILESTONE for p in week.parts):
            self._diamond(painter, QPointF(box.center().x(), box.top() - line * 0.7), line / 3)
        painter.setPen(text)
        label = QRectF(box.left() - box.width() * 0.3, box.bottom() + 2, box.width() * 1.6, line)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, f"W{week.number}")

    def _diamond(self, painter: QPainter, centre: QPointF, size: float) -> None:
        points = [
            QPointF(centre.x(), centre.y() - size),
            QPointF(centre.x() + size, centre.y()),
            QPointF(centre.x(), centre.y() + size),
            QPointF(centre.x() - size, centre.y()),
        ]
        painter.setBrush(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawPolygon(QPolygonF(points))
