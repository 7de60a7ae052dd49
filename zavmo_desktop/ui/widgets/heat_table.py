"""The heat map's data as a sortable table: one row per competency.

Click a column's header, or choose it in "Sort the table by", to sort by it; numbers sort
as numbers, and "not known" and "no module yet" go last. Each column is as wide as its
longest word and the text wraps, the competency column taking the rest of the width; only
when even that does not fit (200% text in a small window) does the table scroll sideways,
as a two-dimensional data table may (WCAG 1.4.10). It is as tall as its rows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from zavmo_desktop.core.assessment.estimate import CompetencyEstimate, duration
from zavmo_desktop.core.assessment.heat_map import HeatArea, HeatCell
from zavmo_desktop.ui.widgets.padded_wrap import PaddedWrap

TABLE_NAME = "Skills gap table"
COMPETENCY_ROLE = Qt.ItemDataRole.UserRole  # the competency id of a row
COLUMNS = ("Competency", "Area", "Now", "Target", "Gap", "Time to competency")
PADDING = 24  # a cell's margins and grid line, in pixels
SORT_ARROW = 24  # room for the sort indicator beside a header's title
LAST = float("inf")


class _SortItem(QTableWidgetItem):
    """Sorts by a number kept beside the words."""

    def __init__(self, text: str, key: float) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _SortItem):
            return self.key < other.key
        return super().__lt__(other)


class HeatMapTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setAccessibleName(TABLE_NAME)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.setWordWrap(True)
        self.setItemDelegate(PaddedWrap(8, self))  # the stylesheet's cell padding: no cut lines
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def show_data(self, areas: list[HeatArea], estimates: dict[str, CompetencyEstimate]) -> None:
        self.setSortingEnabled(False)  # filling a sorted table moves rows under the loop
        cells = [cell for area in areas for cell in area.cells]
        self.setRowCount(len(cells))
        for row, cell in enumerate(cells):
            for column, item in enumerate(_row_items(row, cell, estimates.get(cell.competency_id))):
                item.setData(COMPETENCY_ROLE, cell.competency_id)
                self.setItem(row, column, item)
        self.setSortingEnabled(True)
        self.fit()
        if cells:
            self.setCurrentCell(0, 0)

    def sort_by(self, column: int) -> None:
        self.sortItems(column, Qt.SortOrder.AscendingOrder)
        self.fit()

    def column_texts(self, column: int) -> list[str]:
        return [self.item(row, column).text() for row in range(self.rowCount())]

    def current_competency(self) -> str | None:
        item = self.currentItem()
        value = item.data(COMPETENCY_ROLE) if item is not None else None
        return str(value) if value else None

    def fit(self) -> None:
        """Columns as wide as their longest word, rows as tall as their wrapped text, and
        the table as tall as its rows."""
        widths = [self._longest_word(column) for column in range(self.columnCount())]
        rest = self.viewport().width() - sum(widths[1:])
        widths[0] = max(widths[0], rest)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + self.verticalHeader().length()
        bar = self.horizontalScrollBar()
        sideways = bar.sizeHint().height() if sum(widths) > self.viewport().width() else 0
        self.setFixedHeight(height + sideways + 2 * self.frameWidth())

    def _longest_word(self, column: int) -> int:
        header = self.horizontalHeader().fontMetrics()
        cells = self.fontMetrics()
        words = [w for row in range(self.rowCount()) for w in self.item(row, column).text().split()]
        title = header.horizontalAdvance(COLUMNS[column]) + SORT_ARROW  # a header does not wrap
        return PADDING + max([title] + [cells.horizontalAdvance(w) for w in words])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()  # narrower columns wrap onto more lines

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()  # the learner's text size changed


def _row_items(
    row: int, cell: HeatCell, estimate: CompetencyEstimate | None
) -> tuple[_SortItem, ...]:
    minutes = estimate.minutes if estimate is not None else None
    time = "no module yet" if minutes is None else duration(minutes)
    gap = "not known" if cell.gap is None else f"{cell.gap} ({cell.gap_words})"
    if cell.disagreement:
        gap += "; answers differ"
    return (
        _SortItem(cell.title, row),
        _SortItem(cell.area_title, row),
        _SortItem(_level(cell.current, cell.current_name), cell.current or LAST),
        _SortItem(_level(cell.target, cell.target_name), cell.target),
        _SortItem(gap, LAST if cell.gap is None else cell.gap),
        _SortItem(time, LAST if minutes is None else minutes),
    )


def _level(number: int | None, name: str) -> str:
    return name if number is None else f"{number} {name}"
