"""The learner's profile answers as groups of fields: the same widgets in the onboarding's
steps and in Settings under "Your profile".

Each group shows a profile, reads its own fields into a profile, says `edited` when the
learner changes something, and shows the calm message for what does not make sense.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.profile.model import (
    DAY_NAMES,
    MAX_HOURS,
    MAX_NAME,
    FieldProblem,
    LearnerProfile,
    hours_note,
)
from zavmo_desktop.ui.widgets.labels import paragraph
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
from zavmo_desktop.ui.widgets.setting_controls import shrinkable_combo

DEFAULT_HOURS = 3.0  # shown until the learner answers; stored only once they do
NOT_CHOSEN = "Not chosen yet"


def labelled(text: str, field: QWidget, layout: QVBoxLayout) -> QLabel:
    """A visible label above its field, as its buddy, with the same words as its name."""
    label = QLabel(f"{text}:")
    label.setBuddy(field)
    label.setWordWrap(True)
    field.setAccessibleName(text)
    layout.addWidget(label)
    layout.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    return label


class FieldGroup(QWidget):
    edited = Signal()  # the learner changed one of this group's answers
    FIELDS: tuple[str, ...] = ()  # the LearnerProfile fields this group answers

    def __init__(self) -> None:
        super().__init__()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.message = paragraph()
        self.message.setProperty("role", "notice")
        self.message.hide()

    def show_profile(self, profile: LearnerProfile) -> None:
        raise NotImplementedError

    def read(self, profile: LearnerProfile) -> LearnerProfile:
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def show_problems(self, found: list[FieldProblem]) -> QWidget | None:
        """Say what does not make sense here; returns the field to fix, if any."""
        mine = [p for p in found if p.field in self.FIELDS]
        self.message.setText(" ".join(p.message for p in mine))
        self.message.setVisible(bool(mine))
        return self.first_field() if mine else None


class AboutYou(FieldGroup):
    FIELDS = ("name", "role")

    def __init__(self, roles: list[tuple[str, str]]) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.textEdited.connect(self.edited)
        labelled("Your name or nickname", self.name, self.column)
        self.role = shrinkable_combo()
        self.role.setMinimumContentsLength(len(NOT_CHOSEN) + 2)  # wider than 14 x's in Lexend
        self.role.addItem(NOT_CHOSEN, "")
        for pack_id, title in roles:
            self.role.addItem(title, pack_id)
        self.role.activated.connect(self.edited)
        labelled("Role you are working towards", self.role, self.column)
        self.column.addWidget(self.message)
        self.column.addStretch(1)

    def show_profile(self, profile: LearnerProfile) -> None:
        if self.name.text() != profile.name:
            self.name.setText(profile.name)
        index = self.role.findData(profile.role)
        if index < 0:  # its pack is no longer installed: still shown, never changed silently
            self.role.addItem(f"{profile.role} (not installed now)", profile.role)
            index = self.role.count() - 1
        self.role.setCurrentIndex(index)

    def read(self, profile: LearnerProfile) -> LearnerProfile:
        return profile.but(name=self.name.text(), role=str(self.role.currentData() or ""))

    def first_field(self) -> QWidget:
        return self.name


class YourWeek(FieldGroup):
    FIELDS = ("hours_per_week", "study_days")

    def __init__(self) -> None:
        super().__init__()
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)  # Up and Down keys (the theme hides the tiny arrows)
        self.hours.setValue(DEFAULT_HOURS)
        self.hours.setAccessibleDescription(f"From 0 to {MAX_HOURS:g} hours")
        self.hours.valueChanged.connect(self._hours_changed)
        labelled("Hours per week", self.hours, self.column)
        self.note = paragraph()
        self.column.addWidget(self.note)
        days_label = paragraph("Days you would like to study:")
        self.column.addWidget(days_label)
        self.days: list[QCheckBox] = []
        for name in DAY_NAMES:
            box = QCheckBox(name)
            box.setAccessibleName(name)
            box.setAccessibleDescription("A day you would like to study")
            box.toggled.connect(self._hours_changed)
            self.days.append(box)
        self.day_row = ReflowRow(self.days)  # in more rows at 200% text
        self.column.addWidget(self.day_row)
        self.column.addWidget(self.message)
        self.column.addStretch(1)
        self._shown = LearnerProfile()

    def _hours_changed(self) -> None:
        self._show_note()
        self.edited.emit()

    def _show_note(self) -> None:
        text = hours_note(self.read(self._shown))
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_profile(self, profile: LearnerProfile) -> None:
        self._shown = profile
        for widget in (self.hours, *self.days):
            widget.blockSignals(True)
        hours = profile.hours_per_week
        self.hours.setValue(DEFAULT_HOURS if hours is None else hours)
        for number, box in enumerate(self.days):
            box.setChecked(number in profile.study_days)
        for widget in (self.hours, *self.days):
            widget.blockSignals(False)
        self._show_note()

    def read(self, profile: LearnerProfile) -> LearnerProfile:
        days = tuple(n for n, box in enumerate(self.days) if box.isChecked())
        return profile.but(hours_per_week=self.hours.value(), study_days=days)

    def first_field(self) -> QWidget:
        return self.hours


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def date_field() -> QDateEdit:
    field = QDateEdit()
    field.setCalendarPopup(True)
    field.setDisplayFormat("d MMMM yyyy")  # "4 January 2027": no day-month puzzle
    field.setMinimumDate(QDate(2000, 1, 1))
    field.setMaximumDate(QDate(2100, 12, 31))
    field.setDate(_qdate(date.today()))
    return field


class YourDates(FieldGroup):
    FIELDS = ("start_date", "target_date")

    def __init__(self) -> None:
        super().__init__()
        self.start = date_field()
        self.start.dateChanged.connect(self.edited)
        labelled("Start date", self.start, self.column)
        self.has_target = QCheckBox("I have a target date")
        self.has_target.setAccessibleName("I have a target date")
        self.has_target.toggled.connect(self._target_toggled)
        self.column.addWidget(self.has_target)
        self.target = date_field()
        self.target.setDate(_qdate(date.today()).addMonths(6))
        self.target.setEnabled(False)
        self.target.dateChanged.connect(self.edited)
        labelled("Target date", self.target, self.column)
        self.column.addWidget(self.message)
        self.column.addStretch(1)

    def _target_toggled(self, on: bool) -> None:
        self.target.setEnabled(on)
        self.edited.emit()

    def show_profile(self, profile: LearnerProfile) -> None:
        for widget in (self.start, self.has_target, self.target):
            widget.blockSignals(True)
        self.start.setDate(_qdate(profile.start_date or date.today()))
        self.has_target.setChecked(profile.target_date is not None)
        self.target.setEnabled(profile.target_date is not None)
        if profile.target_date is not None:
            self.target.setDate(_qdate(profile.target_date))
        for widget in (self.start, self.has_target, self.target):
            widget.blockSignals(False)

    def read(self, profile: LearnerProfile) -> LearnerProfile:
        target = _day(self.target.date()) if self.has_target.isChecked() else None
        return profile.but(start_date=_day(self.start.date()), target_date=target)

    def first_field(self) -> QWidget:
        return self.start

    def show_problems(self, found: list[FieldProblem]) -> QWidget | None:
        wrong = super().show_problems(found)
        return self.target if wrong is not None else None
