"""One checklist: its title, how far the learner is, the next step, and the tickable items.

The items sit in one list named "Checklist", grouped under plain-words headings ("Quick
win", "This quarter", ...). Headings are rows that cannot be focused, ticked or selected,
so the arrow keys and Space only ever land on items. The next step is bold in the list and
named in words above it, so it never depends on colour.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Checklist, ChecklistItem
from zavmo_desktop.core.deliver.checklist_progress import (
    ChecklistProgress,
    group_progress_text,
    grouped,
    progress,
    when_label,
)
from zavmo_desktop.core.deliver.evidence import long_date
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.padded_wrap import PaddedWrap

ITEM_ROLE = Qt.ItemDataRole.UserRole  # the ChecklistItem a row shows; None on a heading row


class FittedList(QListWidget):
    """A list as tall as its rows, so the panel scrolls as one page rather than list by list."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "checklist")
        self.setWordWrap(True)
        self.setItemDelegate(PaddedWrap(4, self))  # the stylesheet's item padding
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit)

    def fit(self) -> None:
        self.doItemsLayout()
        count = self.count()
        rows = 0
        if count:
            first, last = (
                self.visualItemRect(self.item(0)),
                self.visualItemRect(self.item(count - 1)),
            )
            rows = last.bottom() - first.top() + 1
        frame = self.height() - self.viewport().height()  # edge and padding, as styled
        height = rows + frame + 2
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def schedule_fit(self) -> None:
        self._fit_timer.start()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.schedule_fit()  # a new width wraps the rows differently

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.schedule_fit()  # the learner's text size or spacing changed

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())


class ChecklistSection(QWidget):
    ticked = Signal(object, bool)  # ChecklistItem, done: the learner ticked or unticked it
    chosen = Signal(object)  # ChecklistItem: the learner moved to this item

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self._done: set[str] = set()
        self._dates: dict[str, date] = {}
        self._rows: dict[str, QListWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading(checklist.title, role="subheading")
        self.count_label = paragraph()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(f"Progress of {checklist.title}")
        self.bar.setTextVisible(False)  # the words are in the label above it
        self.next_label = paragraph()
        self.next_label.setProperty("role", "next-step")
        self.list = FittedList()
        self.list.setAccessibleName("Checklist")
        self.list.setAccessibleDescription(
            f"{checklist.title}. Press Space to tick or untick the selected item."
        )
        self.list.setFrameShape(QFrame.Shape.StyledPanel)
        for widget in (self.title, self.count_label, self.bar, self.next_label, self.list):
            layout.addWidget(widget)
        self._fill()
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentItemChanged.connect(self._current_changed)

    # Showing ---------------------------------------------------------------------

    def _fill(self) -> None:
        self.list.blockSignals(True)
        for group in grouped(self.checklist):
            head = QListWidgetItem(self.list)
            head.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: never focused or ticked
            head.setData(Qt.ItemDataRole.FontRole, _bold())
            head.setData(ITEM_ROLE, None)
            head.setData(Qt.ItemDataRole.UserRole + 1, group.when)
            for entry in group.items:
                row = QListWidgetItem(self.list)
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                row.setData(ITEM_ROLE, entry)
                self._rows[entry.id] = row
        self.list.blockSignals(False)

    def show_state(self, done: Collection[str], dates: Mapping[str, date | None]) -> None:
        """Show which items are done and their dates, without telling anyone it changed."""
        self._done = set(done)
        self._dates = {key: value for key, value in dates.items() if value is not None}
        self._refresh()

    def set_item_date(self, item_id: str, due: date | None) -> None:
        if due is None:
            self._dates.pop(item_id, None)
        else:
            self._dates[item_id] = due
        self._refresh()

    def set_done(self, item_id: str, done: bool) -> None:
        if done:
            self._done.add(item_id)
        else:
            self._done.discard(item_id)
        self._refresh()

    @property
    def progress(self) -> ChecklistProgress:
        return progress(self.checklist, self._done)

    def _refresh(self) -> None:
        state = self.progress
        next_id = state.next_step.id if state.next_step else None
        self.count_label.setText(f"Progress: {state.text}")
        self.bar.setRange(0, max(1, state.total))
        self.bar.setValue(state.done)
        self.bar.setAccessibleDescription(state.text)
        self.next_label.setText(state.next_step_text)
        self.list.blockSignals(True)
        groups = iter(grouped(self.checklist))
        for index in range(self.list.count()):
            row = self.list.item(index)
            entry = row.data(ITEM_ROLE)
            if entry is None:
                row.setText(group_progress_text(next(groups), self._done))
                continue
            self._show_row(row, entry, entry.id == next_id)
        self.list.blockSignals(False)
        self.list.schedule_fit()

    def _show_row(self, row: QListWidgetItem, entry: ChecklistItem, is_next: bool) -> None:
        done = entry.id in self._done
        due = self._dates.get(entry.id)
        lines = [f"Next step: {entry.text}" if is_next else entry.text]
        if due is not None:
            lines.append(f"Date: {long_date(due)}")
        text = "\n".join(lines)
        if row.text() != text:
            row.setText(text)
        row.setData(Qt.ItemDataRole.AccessibleTextRole, entry.text)
        about = [when_label(entry.when), "Done" if done else "Not done yet"]
        if is_next:
            about.insert(0, "Next step")
        if due is not None:
            about.append(f"Date {long_date(due)}")
        row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, ". ".join(about) + ".")
        row.setData(Qt.ItemDataRole.FontRole, _bold() if is_next else None)
        wanted = Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if row.data(Qt.ItemDataRole.CheckStateRole) is None or row.checkState() != wanted:
            row.setCheckState(wanted)  # a row with no check state shows no box

    # Choosing --------------------------------------------------------------------

    def select(self, item_id: str | None = None) -> None:
        """Make an item current: the given one, else the next step, else the first."""
        state = self.progress
        wanted = item_id or (state.next_step.id if state.next_step else None)
        row = self._rows.get(wanted or "") or next(iter(self._rows.values()), None)
        if row is not None:
            self.list.setCurrentItem(row)

    def current(self) -> ChecklistItem | None:
        row = self.list.currentItem()
        entry = row.data(ITEM_ROLE) if row is not None else None
        return entry if isinstance(entry, ChecklistItem) else None

    def _item_changed(self, row: QListWidgetItem) -> None:
        entry = row.data(ITEM_ROLE)
        if not isinstance(entry, ChecklistItem):
            return
        done = row.checkState() == Qt.CheckState.Checked
        if done != (entry.id in self._done):
            self.ticked.emit(entry, done)

    def _current_changed(self, row: QListWidgetItem | None, _previous: object) -> None:
        entry = row.data(ITEM_ROLE) if row is not None else None
        if isinstance(entry, ChecklistItem):
            self.chosen.emit(entry)


def _bold() -> QFont:
    """Bold and nothing else: the size and family still follow the learner's settings."""
    font = QFont()
    font.setBold(True)
    return font
