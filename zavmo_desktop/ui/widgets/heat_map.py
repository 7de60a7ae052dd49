"""The skills-gap heat map: one row of cells for each area, wrapping like text.

Each cell is a button whose accessible name is its announcement ("Executive communication
and influence: now Practising, target Expert, gap 3") and whose text gives the same numbers
and words, so the colour (core/assessment/scale.py) is never the only signal. Tab enters the
map at the current cell; the arrow keys move from cell to cell (Up and Down to the next
area); Enter opens that competency's answer to change it.
"""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.assessment.heat_map import HeatArea, HeatCell
from zavmo_desktop.core.assessment.scale import GAP_STEPS, NOT_KNOWN, gap_step
from zavmo_desktop.ui.widgets.flow_layout import FlowLayout
from zavmo_desktop.ui.widgets.labels import heading

HEAT_MAP_NAME = "Skills gap heat map"
TITLE_WIDTH = 24  # characters on a line of a cell's title
RING = 3  # the theme's focus ring round the focused cell, in pixels


def cell_text(cell: HeatCell) -> str:
    now = cell.current_name if cell.current is None else f"{cell.current} {cell.current_name}"
    gap = "gap not known" if cell.gap is None else f"gap {cell.gap}: {cell.gap_words}"
    lines = [*textwrap.wrap(cell.title, TITLE_WIDTH), f"now {now}",
             f"target {cell.target} {cell.target_name}", gap]  # fmt: skip
    if cell.disagreement:
        lines.append("answers differ (!)")
    return "\n".join(lines)


def _step_name(cell: HeatCell) -> str:
    step = gap_step(cell.gap)
    return "unknown" if step is None else str(step)


def cell_sheet() -> str:
    """Each step's colours. Focused, a cell's edge grows to 4 px of its own text colour
    (which shows on the cell), and the theme's focus ring is drawn round it in the margin
    (which shows on the page)."""
    rules = [
        f'''QPushButton[heat="{step}"] {{ background: {bg}; color: {fg}; text-align: left;
            border: 1px solid {fg}; border-radius: 0; padding: 6px 10px; margin: {RING}px; }}
        QPushButton[heat="{step}"]:focus {{ border: 4px solid {fg}; padding: 3px 7px; }}'''
        for step, (bg, fg) in [*enumerate(GAP_STEPS), ("unknown", NOT_KNOWN)]
    ]
    rules.append('QPushButton[heat="unknown"] { border-style: dashed; border-width: 2px; }')
    return "\n".join(rules)


class HeatCellButton(QPushButton):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = RING / 2
            painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
            painter.end()


class HeatMapGrid(QWidget):
    chosen = Signal(str)  # Enter or a click on a cell: its competency id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(HEAT_MAP_NAME)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.cells: list[list[QPushButton]] = []
        self._current = (0, 0)
        self._even_later = QTimer(self, singleShot=True, interval=0)
        self._even_later.timeout.connect(self.even_out)
        self.setStyleSheet(cell_sheet())

    def show_areas(self, areas: list[HeatArea]) -> None:
        row, column = self._current
        if [len(cells) for cells in self.cells] == [len(a.cells) for a in areas]:
            for buttons, area in zip(self.cells, areas, strict=True):
                for button, cell in zip(buttons, area.cells, strict=True):
                    self._show(button, cell)  # the same cells: keep them, and the focus
            self.even_out()
            return
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.cells = []
        for area in areas:
            self._layout.addWidget(heading(area.title, role="area-title"))
            holder = QWidget()
            flow = FlowLayout(holder)
            buttons = [self._cell(cell) for cell in area.cells]
            for button in buttons:
                flow.addWidget(button)
            self._layout.addWidget(holder)
            self.cells.append(buttons)
        self.even_out()
        self._even_later.start()  # again once they are polished with the stylesheet
        self.move_to(row, column, focus=False)

    def even_out(self) -> None:
        """Every cell as wide as the widest, so the map reads as a grid (at any text size)."""
        every = self.every_cell()
        for button in every:
            button.setMinimumWidth(0)
        widest = max((button.sizeHint().width() for button in every), default=0)
        for button in every:
            button.setMinimumWidth(widest)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._even_later.start()  # once the cells have their new font and style

    def _cell(self, cell: HeatCell) -> QPushButton:
        button = HeatCellButton()
        button.setAccessibleDescription("Press Enter to change this answer")
        button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        button.clicked.connect(lambda _=False: self.chosen.emit(str(button.property("competency"))))
        button.installEventFilter(self)
        self._show(button, cell)
        return button

    def _show(self, button: QPushButton, cell: HeatCell) -> None:
        button.setText(cell_text(cell))
        button.setAccessibleName(cell.announcement)
        button.setProperty("competency", cell.competency_id)
        if button.property("heat") != _step_name(cell):
            button.setProperty("heat", _step_name(cell))
            button.style().unpolish(button)
            button.style().polish(button)

    def every_cell(self) -> list[QPushButton]:
        return [button for cells in self.cells for button in cells]

    def current_competency(self) -> str | None:
        button = self.current_cell()
        return str(button.property("competency")) if button is not None else None

    def current_cell(self) -> QPushButton | None:
        row, column = self._current
        if 0 <= row < len(self.cells) and 0 <= column < len(self.cells[row]):
            return self.cells[row][column]
        return None

    def move_to(self, row: int, column: int, focus: bool = True) -> None:
        """Make a cell the current one: the only cell Tab stops at."""
        filled = [r for r, cells in enumerate(self.cells) if cells]
        if not filled:
            return
        row = min(max(row, 0), len(self.cells) - 1)
        if not self.cells[row]:
            row = min(filled, key=lambda r: abs(r - row))
        column = min(max(column, 0), len(self.cells[row]) - 1)
        for cells in self.cells:
            for button in cells:
                button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._current = (row, column)
        target = self.cells[row][column]
        target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if focus:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QPushButton):
            place = self._place_of(watched)
            if place is not None and place != self._current:
                self.move_to(*place, focus=False)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._arrow(event)
        return False

    def _place_of(self, button: QPushButton) -> tuple[int, int] | None:
        for row, cells in enumerate(self.cells):
            if button in cells:
                return row, cells.index(button)
        return None

    def _arrow(self, event: QKeyEvent) -> bool:
        if event.modifiers() not in (Qt.KeyboardModifier.NoModifier,
                                     Qt.KeyboardModifier.KeypadModifier):  # fmt: skip
            return False
        row, column = self._current
        order = [(r, c) for r, cells in enumerate(self.cells) for c in range(len(cells))]
        at = order.index((row, column)) if (row, column) in order else 0
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            self.move_to(*order[min(max(at + step, 0), len(order) - 1)])
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            rows = [r for r, cells in enumerate(self.cells) if cells]
            index = rows.index(row) + (1 if key == Qt.Key.Key_Down else -1)
            self.move_to(rows[min(max(index, 0), len(rows) - 1)], column)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.move_to(*(order[0] if key == Qt.Key.Key_Home else order[-1]))
        else:
            return False
        return True
