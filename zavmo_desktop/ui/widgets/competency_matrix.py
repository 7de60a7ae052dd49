"""The competency matrix: each competency (a row, under its area) against its criteria.

Each cell shows the criterion's code, its status as a symbol and a word ("● evidenced"),
how many items show it and the outside standards' codes, on a single-hue blue scale
(matrix_scale.py), so colour is never the only signal. Its accessible name is the sentence
a screen reader says ("EC2, Ties ...: evidenced by 2 items"). The arrow keys move from cell
to cell, skipping the area rows; Enter, Space or a click opens the evidence behind it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.criterion_words import maps_to
from zavmo_desktop.core.content.models import Criterion, Framework
from zavmo_desktop.core.portfolio.matrix_words import (
    about_words,
    cell_name,
    cell_text,
    legend_lines,
)
from zavmo_desktop.core.portfolio.status import CriterionState, Status
from zavmo_desktop.ui.widgets.matrix_scale import STEPS

MATRIX_NAME = "Competency matrix"
TABLE_NAME = "Competency matrix table"
ITEMS_ROLE = Qt.ItemDataRole.UserRole  # the evidence ids behind a cell
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's Status; None on an area row
TITLE_CHARS = 26  # a competency's title wraps at this many characters in its row header
PADDING = 8  # inside a cell, each side
RING = 3  # the focus ring round the current cell
MIN_LINES = 8  # the table's least height, in lines of its text: the header and a row


class _CellPainter(QStyledItemDelegate):
    """Draws each cell itself: its step's colours (a stylesheet's selection colour would
    hide them), a dashed edge for "none", and a two-colour ring on the current cell."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self._table = table

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        status = index.data(STATUS_ROLE)
        palette = self._table.palette()
        rect = QRect(option.rect)  # type: ignore[attr-defined]
        painter.save()
        if status is None:
            self._paint_area(painter, rect, index, palette)
        else:
            self._paint_cell(painter, rect, index, Status(status), palette)
        painter.restore()

    def _paint_area(
        self,
        painter: QPainter,
        rect: QRect,
        index: QModelIndex | QPersistentModelIndex,
        palette: QPalette,
    ) -> None:
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
        font = QFont(self._table.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        inside = rect.adjusted(PADDING, 0, -PADDING, 0)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(inside, int(flags | Qt.TextFlag.TextWordWrap), str(index.data()))

    def _paint_cell(
        self,
        painter: QPainter,
        rect: QRect,
        index: QModelIndex | QPersistentModelIndex,
        status: Status,
        palette: QPalette,
    ) -> None:
        if status is Status.NONE:
            back = palette.color(QPalette.ColorRole.Base)
            text = palette.color(QPalette.ColorRole.Text)
        else:
            back, text = (QColor(c) for c in STEPS[status])
        painter.fillRect(rect, back)
        edge = QPen(
            text, 1, Qt.PenStyle.DashLine if status is Status.NONE else Qt.PenStyle.SolidLine
        )
        painter.setPen(edge)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.setFont(self._table.font())
        painter.drawText(
            rect.adjusted(PADDING, PADDING, -PADDING, -PADDING),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            str(index.data()),
        )
        current = self._table.currentIndex()
        if (
            self._table.hasFocus()
            and current.row() == index.row()
            and current.column() == index.column()
        ):
            self._paint_ring(painter, rect, text, palette)

    def _paint_ring(self, painter: QPainter, rect: QRect, inner: QColor, palette: QPalette) -> None:
        """The theme's focus colour outside, the cell's own text colour inside: one of
        the two always stands out, whatever the cell's step."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        outer = QPen(palette.color(QPalette.ColorRole.Highlight), RING)
        outer.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(outer)
        half = RING // 2
        painter.drawRect(rect.adjusted(half, half, -half - 1, -half - 1))
        painter.setPen(QPen(inner, 2))
        painter.drawRect(rect.adjusted(RING + 1, RING + 1, -RING - 2, -RING - 2))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = self._table.fontMetrics()
        width = self._table.columnWidth(index.column()) - 2 * PADDING
        if index.data(STATUS_ROLE) is None:
            width = self._table.viewport().width() - 2 * PADDING
        text = str(index.data() or "")
        bound = metrics.boundingRect(QRect(0, 0, max(width, 1), 100_000),
                                     int(Qt.TextFlag.TextWordWrap), text)  # fmt: skip
        return QSize(width + 2 * PADDING, bound.height() + 2 * PADDING)


class MatrixTable(QTableWidget):
    def __init__(self, open_cell: Callable[[int, int], None]) -> None:
        super().__init__(0, 0)
        self._open_cell = open_cell
        self.setAccessibleName(TABLE_NAME)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)  # Tab leaves the matrix; the arrows move in it
        self.setWordWrap(True)
        self.setShowGrid(False)  # each cell draws its own edge
        self.setItemDelegate(_CellPainter(self))
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.clicked.connect(lambda index: self._open_cell(index.row(), index.column()))

    def is_cell(self, row: int, column: int) -> bool:
        item = self.item(row, column)
        return item is not None and item.data(STATUS_ROLE) is not None

    def cells_in(self, row: int) -> list[int]:
        return [column for column in range(self.columnCount()) if self.is_cell(row, column)]

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Up and Down go to the nearest competency row (the nearest cell in it), past
        the area rows; Left and Right stay in the row; Home and End go to its ends."""
        action = QAbstractItemView.CursorAction
        row, column = self.currentRow(), self.currentColumn()
        rows = [r for r in range(self.rowCount()) if self.cells_in(r)]
        if not rows:
            return QModelIndex()
        if row not in rows:
            row, column = rows[0], 0
        here = self.cells_in(row)
        if cursorAction in (action.MoveUp, action.MoveDown, action.MovePageUp, action.MovePageDown):
            step = {action.MoveUp: -1, action.MoveDown: 1, action.MovePageUp: -5,
                    action.MovePageDown: 5}[cursorAction]  # fmt: skip
            row = rows[min(max(rows.index(row) + step, 0), len(rows) - 1)]
            column = min(column, self.cells_in(row)[-1])
        elif cursorAction in (action.MoveLeft, action.MoveRight):
            step = 1 if cursorAction == action.MoveRight else -1
            column = (
                here[min(max(here.index(column) + step, 0), len(here) - 1)]
                if column in here
                else here[0]
            )
        elif cursorAction == action.MoveHome:
            column = here[0]
        elif cursorAction == action.MoveEnd:
            column = here[-1]
        else:
            return super().moveCursor(cursorAction, modifiers)
        return self.model().index(row, column)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._open_cell(self.currentRow(), self.currentColumn())
            event.accept()
            return
        super().keyPressEvent(event)

    def fit(self) -> None:
        """Each criterion column as wide as its widest word (at least 12 characters), each
        row as tall as its text, at the learner's text size."""
        metrics = self.fontMetrics()
        words = [w for r in range(self.rowCount()) for c in range(self.columnCount())
                 if self.is_cell(r, c) for w in self.item(r, c).text().split()]  # fmt: skip
        widest = max(
            [metrics.horizontalAdvance("0" * 12)] + [metrics.horizontalAdvance(w) for w in words]
        )
        for column in range(self.columnCount()):
            self.setColumnWidth(column, widest + 2 * PADDING + 2)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.resizeRowsToContents()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()  # the learner's text size or spacing changed

    def minimumSizeHint(self) -> QSize:
        """Room for a row of cells at the least: a long line under the matrix at 200% text
        scrolls the page rather than squash the table to a sliver."""
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * MIN_LINES)


class CompetencyMatrix(QWidget):
    def __init__(
        self, open_items: Callable[[list[int]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._open_items = open_items
        self.setAccessibleName(MATRIX_NAME)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.legend = QLabel("Key: " + "; ".join(legend_lines()) + ".")
        self.legend.setWordWrap(True)
        self.table = MatrixTable(self.open_cell)
        self.table.setAccessibleDescription(
            "Rows are competencies, grouped by area; cells are their criteria. "
            "Press Enter or Space on a cell to see the evidence behind it."
        )
        self.about = QLabel()  # the current cell in full: the criterion's whole text
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.about)
        self._criteria: dict[tuple[int, int], tuple[Criterion, CriterionState]] = {}
        self.table.currentCellChanged.connect(lambda row, column, *_: self._show_about(row, column))

    def show_states(self, framework: Framework, states: Mapping[str, CriterionState]) -> None:
        """Fill the matrix; the current cell stays where it was when the shape is the same."""
        row, column = self.table.currentRow(), self.table.currentColumn()
        table = self.table
        table.clear()
        table.clearSpans()
        self._criteria = {}
        widest = max((len(c.criteria) for a in framework.areas for c in a.competencies), default=0)
        table.setColumnCount(widest)
        table.setHorizontalHeaderLabels([f"Criterion {n}" for n in range(1, widest + 1)])
        rows = sum(1 + len(area.competencies) for area in framework.areas)
        table.setRowCount(rows)
        at = 0
        for area in framework.areas:
            self._area_row(at, area.title, widest)
            at += 1
            for competency in area.competencies:
                header = QTableWidgetItem("\n".join(textwrap.wrap(competency.title, TITLE_CHARS)))
                header.setData(Qt.ItemDataRole.AccessibleTextRole, competency.title)
                table.setVerticalHeaderItem(at, header)
                for n, criterion in enumerate(competency.criteria):
                    state = states.get(criterion.id) or CriterionState(
                        criterion.id, Status.NONE, (), (), None
                    )
                    table.setItem(at, n, self._cell(criterion, state, area.title, competency.title))
                    self._criteria[(at, n)] = (criterion, state)
                for n in range(len(competency.criteria), widest):
                    blank = QTableWidgetItem("")
                    blank.setFlags(Qt.ItemFlag.NoItemFlags)
                    table.setItem(at, n, blank)
                at += 1
        table.fit()
        if (row, column) not in self._criteria:
            row, column = next(iter(self._criteria), (-1, -1))
        if row >= 0:
            table.setCurrentCell(row, column)
            self._show_about(row, column)

    def _area_row(self, row: int, title: str, columns: int) -> None:
        item = QTableWidgetItem(title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Area: {title}")
        self.table.setItem(row, 0, item)
        self.table.setVerticalHeaderItem(row, QTableWidgetItem(""))
        if columns > 1:
            self.table.setSpan(row, 0, 1, columns)

    def _cell(
        self, criterion: Criterion, state: CriterionState, area: str, competency: str
    ) -> QTableWidgetItem:
        item = QTableWidgetItem(cell_text(criterion, state))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(STATUS_ROLE, str(state.status))
        item.setData(ITEMS_ROLE, list(state.items))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, cell_name(criterion, state))
        where = f"{area}, {competency}."
        mapping = maps_to(criterion)
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"{where} {mapping}".strip())
        item.setToolTip(cell_name(criterion, state))
        return item

    def cell_names(self) -> list[str]:
        """Every cell's accessible name, row by row."""
        return [str(self.table.item(r, c).data(Qt.ItemDataRole.AccessibleTextRole))
                for r, c in self._criteria]  # fmt: skip

    def current_name(self) -> str:
        item = self.table.currentItem()
        return str(item.data(Qt.ItemDataRole.AccessibleTextRole)) if item is not None else ""

    def current_criterion(self) -> Criterion | None:
        found = self._criteria.get((self.table.currentRow(), self.table.currentColumn()))
        return found[0] if found is not None else None

    def open_cell(self, row: int, column: int) -> None:
        found = self._criteria.get((row, column))
        if found is None:
            return
        criterion, state = found
        if state.items:
            self._open_items(list(state.items))
        else:
            self.about.setText(f"{criterion.id}: no evidence yet, so there is nothing to open.")

    def _show_about(self, row: int, column: int) -> None:
        found = self._criteria.get((row, column))
        if found is None:
            return
        criterion, state = found
        self.about.setText(about_words(criterion, state))
