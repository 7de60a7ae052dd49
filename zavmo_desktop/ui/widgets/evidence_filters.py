"""The portfolio list's filters: labelled drop-down lists side by side while they fit,
wrapped onto more rows like words when they do not (200% text), so none is squashed or
cut. "Choose dates…" in the Date list shows two date fields, From and To, right after it
(and next in the Tab order); any other choice hides them again, keeping the days typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Competency
from zavmo_desktop.core.portfolio.evidence_filter import (
    CHOOSE_DATES,
    OUTCOMES,
    PERIODS,
    EvidenceFilter,
)
from zavmo_desktop.core.portfolio.evidence_words import KIND_WORDS
from zavmo_desktop.ui.widgets.flow_layout import FlowLayout
from zavmo_desktop.ui.widgets.labels import plain


class ShrinkingCombo(QComboBox):
    """Asks for its longest choice's width, yet can be narrower: at 200% text a competency's
    name is wider than the page, and the list must not push the page past the window's edge
    (the screen repeats the chosen competency in full under the filters)."""

    def sizeHint(self) -> QSize:
        """Qt's hint, widened when the field it leaves is narrower than the longest choice
        (with a stylesheet it falls a pixel or two short at 200% text)."""
        hint = super().sizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, hint.width(), hint.height())  # type: ignore[attr-defined]
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                      default=0)  # fmt: skip
        return QSize(hint.width() + max(0, longest - field.width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 16), hint.height())


class LabelledCombo(QWidget):
    """A drop-down list with its short label above it; the list is named in full."""

    def __init__(self, label: str, name: str) -> None:
        super().__init__()
        self.combo = ShrinkingCombo()
        self.combo.setAccessibleName(name)
        self.label = plain(QLabel(label))
        self.label.setBuddy(self.combo)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.label)
        column.addWidget(self.combo)

    def fill(self, choices: Sequence[tuple[str, object]], tips: Sequence[str] = ()) -> None:
        """Replace the choices, keeping the one chosen if it is still there."""
        chosen = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        for index, (words, value) in enumerate(choices):
            self.combo.addItem(words, value)
            if index < len(tips) and tips[index]:
                self.combo.setItemData(index, tips[index], Qt.ItemDataRole.ToolTipRole)
        kept = self.combo.findData(chosen) if chosen is not None else 0
        self.combo.setCurrentIndex(max(kept, 0))
        self.combo.blockSignals(False)

    def value(self) -> object:
        return self.combo.currentData()

    def choose(self, value: object) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))


class DayField(QDateEdit):
    """Tab leaves the field, as it leaves every filter (Qt's date field would step through
    day, month and year first: three presses a field); Left and Right move between them."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class LabelledDate(QWidget):
    """A day field ("2 December 2026": never 12/02 or 02/12) with its label above it. Up
    and Down change the day, month or year under the cursor; Alt+Down opens a calendar."""

    def __init__(self, label: str, name: str, description: str) -> None:
        super().__init__()
        self.field = DayField()
        self.field.setDisplayFormat("d MMMM yyyy")
        self.field.setCalendarPopup(True)
        self.field.setAccessibleName(name)
        self.field.setAccessibleDescription(
            f"{description}. Up and Down change the day, month or year; Left and Right move "
            "between them; Alt+Down opens a calendar."
        )
        self.label = plain(QLabel(label))
        self.label.setBuddy(self.field)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.label)
        column.addWidget(self.field)

    def day(self) -> date:
        return self.field.date().toPython()  # type: ignore[no-any-return]

    def set_day(self, day: date) -> None:
        self.field.setDate(QDate(day.year, day.month, day.day))


class EvidenceFilters(QWidget):
    changed = Signal()

    def __init__(self, clock: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._clock = clock  # today, for the days the date fields start at
        self.competency = LabelledCombo("Competency", "Filter by competency")
        self.criterion = LabelledCombo("Criterion", "Filter by criterion")
        self.kind = LabelledCombo("Type", "Filter by type")
        self.period = LabelledCombo("Date", "Filter by date")
        self.outcome = LabelledCombo("Outcome", "Filter by outcome")
        self.kind.fill([("All types", None), *((w, k) for k, w in KIND_WORDS.items())])
        self.period.fill(PERIODS)
        self.outcome.fill([("Any outcome", None), *((w, w) for w, _met in OUTCOMES)])
        self.since = LabelledDate("From", "From date", "Show items added on this day or later")
        self.until = LabelledDate("To", "To date", "Show items added on this day or earlier")
        self._dates_set = False  # the fields start at the last 30 days, the first time
        self._parts = (self.competency, self.criterion, self.kind, self.period, self.outcome)
        self._flow = FlowLayout(self, spacing=12)  # each list its own width, wrapped as words
        for part in (*self._parts[:4], self.since, self.until, self.outcome):  # Tab order
            self._flow.addWidget(part)
        self._show_dates(False)
        self._competencies: list[Competency] = []
        self.competency.combo.currentIndexChanged.connect(self._competency_chosen)
        self.period.combo.currentIndexChanged.connect(self._period_chosen)
        for part in (self.criterion, self.kind, self.outcome):
            part.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for field in (self.since.field, self.until.field):
            field.dateChanged.connect(lambda _day: self.changed.emit())

    def set_competencies(self, competencies: Sequence[Competency]) -> None:
        self._competencies = list(competencies)
        self.competency.fill([("All competencies", None), *((c.title, c.id) for c in competencies)])
        self._fill_criteria()
        self.reflow()

    def _fill_criteria(self) -> None:
        chosen = self.competency.value()
        shown = [c for c in self._competencies if chosen is None or c.id == chosen]
        criteria = [criterion for c in shown for criterion in c.criteria]
        self.criterion.fill(
            [("All criteria", None), *((c.id, c.id) for c in criteria)],
            ["", *(f"{c.id}: {c.text}" for c in criteria)],
        )

    def _competency_chosen(self, _index: int) -> None:
        self._fill_criteria()  # only the chosen competency's criteria to choose from
        self.reflow()
        self.changed.emit()

    def choosing_dates(self) -> bool:
        return self.period.value() == CHOOSE_DATES

    def _show_dates(self, shown: bool) -> None:
        for part in (self.since, self.until):
            part.setVisible(shown)
        self.reflow()

    def _period_chosen(self, _index: int) -> None:
        shown = self.choosing_dates()
        if shown and not self._dates_set:
            today = self._clock()
            for part, day in ((self.since, today - timedelta(days=29)), (self.until, today)):
                part.field.blockSignals(True)
                part.set_day(day)
                part.field.blockSignals(False)
            self._dates_set = True
        self._show_dates(shown)
        self.changed.emit()

    def current(self) -> EvidenceFilter:
        def text(part: LabelledCombo) -> str | None:
            value = part.value()
            return None if value is None else str(value)

        days = self.period.value()
        dates = self.choosing_dates()
        return EvidenceFilter(
            competency=text(self.competency),
            criterion=text(self.criterion),
            kind=text(self.kind),
            days=int(days) if isinstance(days, int) else None,
            outcome=text(self.outcome),
            since=self.since.day() if dates else None,
            until=self.until.day() if dates else None,
        )

    def reflow(self) -> None:
        """Place the lists again: their sizes follow the text size and the choices."""
        self._flow.invalidate()
        self.updateGeometry()

    def competency_title(self) -> str:
        chosen = self.competency.value()
        return next((c.title for c in self._competencies if c.id == chosen), "")

    def choose_criterion(self, competency_id: str, criterion_id: str) -> None:
        """Narrow the list to one criterion (from a matrix cell), every other filter wide."""
        self.clear()
        self.competency.choose(competency_id)  # fills the criteria of that competency
        self.criterion.choose(criterion_id)

    def clear(self) -> None:
        for part in self._parts:
            part.combo.setCurrentIndex(0)
