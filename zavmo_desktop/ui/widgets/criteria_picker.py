"""A list of the framework's criteria to tick, grouped under their competencies.

Each criterion is one row, "EC1: You can present ...", wrapped to the list's width; Space
ticks or unticks the selected row and the arrow keys move. Competency headings are rows
that cannot be focused, selected or ticked, so the keys only land on criteria. The list
scrolls inside the dialog rather than making it taller than the screen.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from zavmo_desktop.core.content.models import Criterion, Framework
from zavmo_desktop.ui.widgets.problem_list import wrapped_height

CRITERION_ROLE = Qt.ItemDataRole.UserRole  # the criterion id a row shows; None on a heading
SHOWN_ROWS = 6  # about this many lines of criteria show before the list scrolls


def criterion_line(criterion: Criterion) -> str:
    return f"{criterion.id}: {' '.join(criterion.text.split())}"


class WrappedList(QListWidget):
    """A list whose rows wrap and are measured again whenever their width or the learner's
    font, size or spacing changes (Qt keeps the old heights on a font change)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setItemDelegate(TextAreaWrap(self))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: a bar that appears after the rows are measured narrows them without
        # resizing the list, and Qt would not measure them again (the last line cut off).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.scheduleDelayedItemsLayout()


class CriteriaPicker(WrappedList):
    changed = Signal()  # a criterion was ticked or unticked

    def __init__(self, framework: Framework, name: str, ticked: Collection[str] = ()) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setProperty("role", "checklist")  # the checklist's large tick boxes and padding
        self.setAccessibleDescription("Press Space to tick or untick the selected criterion.")
        self._fill(framework, set(ticked))
        self.itemChanged.connect(lambda _row: self.changed.emit())
        # The first ticked criterion (the one the dialog was opened for), else the first.
        first = next((r for r in self._rows() if r.checkState() == Qt.CheckState.Checked),
                     next(self._rows(), None))  # fmt: skip
        if first is not None:
            self.setCurrentItem(first)
        self._shown_once = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # once the dialog has its size: scroll the current row in
            self._shown_once = True
            QTimer.singleShot(0, self._current_in_sight)

    def _current_in_sight(self) -> None:
        row = self.currentItem()
        if row is not None:
            self.scrollToItem(row, QAbstractItemView.ScrollHint.PositionAtTop)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            bold = self._heading_font()
            for index in range(self.count()):
                if self.item(index).data(CRITERION_ROLE) is None:
                    self.item(index).setData(Qt.ItemDataRole.FontRole, bold)
        super().changeEvent(event)

    def _heading_font(self) -> QFont:
        bold = QFont(self.font())  # the learner's font and size, in bold
        bold.setBold(True)
        return bold

    def _fill(self, framework: Framework, ticked: set[str]) -> None:
        bold = self._heading_font()
        for area in framework.areas:
            for competency in area.competencies:
                head = QListWidgetItem(competency.title, self)
                head.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: never focused or ticked
                head.setData(Qt.ItemDataRole.FontRole, bold)
                head.setData(CRITERION_ROLE, None)
                for criterion in competency.criteria:
                    row = QListWidgetItem(criterion_line(criterion), self)
                    row.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    row.setData(CRITERION_ROLE, criterion.id)
                    row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, competency.title)
                    row.setCheckState(
                        Qt.CheckState.Checked if criterion.id in ticked else Qt.CheckState.Unchecked
                    )

    def _rows(self) -> Iterator[QListWidgetItem]:
        for index in range(self.count()):
            row = self.item(index)
            if row.data(CRITERION_ROLE) is not None:
                yield row

    def row_of(self, criterion_id: str) -> QListWidgetItem | None:
        return next((r for r in self._rows() if r.data(CRITERION_ROLE) == criterion_id), None)

    def ticked(self) -> list[str]:
        """The ticked criteria's ids, in the framework's order."""
        return [str(r.data(CRITERION_ROLE)) for r in self._rows()
                if r.checkState() == Qt.CheckState.Checked]  # fmt: skip

    def set_ticked(self, criterion_id: str, ticked: bool) -> None:
        row = self.row_of(criterion_id)
        if row is not None:
            row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(super().sizeHint().width(), line * SHOWN_ROWS * 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().lineSpacing() * 4)


class TextAreaWrap(QStyledItemDelegate):
    """Rows as tall as their text wrapped in the very rectangle the style draws it in
    (inside the tick box, the padding and the margins): measured on the whole row, a
    criterion could need one line more than it was given and lose its last line."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        # Views draw a line break as Unicode's line separator; a text layout needs it so.
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "").replace("\n", "\u2028")
        width = self._view.viewport().width()
        if not text or width <= 0:
            return hint
        measured = QStyleOptionViewItem(option)
        self.initStyleOption(measured, index)
        measured.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        measured.rect = QRect(0, 0, width, 10_000)
        area = self._view.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, measured, self._view
        )
        lines = wrapped_height(measured.font, text, area.width(), anywhere=False)
        return QSize(min(hint.width(), width), max(hint.height(), lines + 10_000 - area.height()))
