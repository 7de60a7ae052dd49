"""The few facts a pathway is planned from: hours a week, study days, start and target date."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from zavmo_desktop.core.pathway.model import MAX_HOURS_PER_WEEK, Plan
from zavmo_desktop.core.profile.model import LearnerProfile
from zavmo_desktop.ui.widgets.checklist_item_detail import DateField
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFAULT_DAYS = (0, 2, 5)


class PathwayForm(QWidget):
    def __init__(self, today: date) -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.hours = QSpinBox()  # whole hours: the plan shares them out over the study days
        self.hours.setRange(0, MAX_HOURS_PER_WEEK)
        self.hours.setValue(3)
        self.hours.setAccessibleName("Hours per week")
        form.addRow(_label("&Hours per week:", self.hours), self.hours)
        self.days = [QCheckBox(name) for name in DAY_NAMES]
        for number, box in enumerate(self.days):
            box.setAccessibleName(f"Study on {DAY_NAMES[number]}")
            box.setChecked(number in DEFAULT_DAYS)
        form.addRow(QLabel("Study days:"), ReflowRow(self.days))
        self.start = self._date_field("Start date", today)
        form.addRow(_label("&Start date:", self.start), self.start)
        self.aim = QCheckBox("Aim for a target date")
        self.aim.setAccessibleName("Aim for a target date")
        self.target = self._date_field("Target date", today + timedelta(days=365))  # not on 29 Feb
        self.target.setEnabled(False)
        self.aim.toggled.connect(self.target.setEnabled)
        form.addRow(self.aim)
        form.addRow(_label("&Target date:", self.target), self.target)

    def _date_field(self, name: str, day: date) -> DateField:
        field = DateField()
        field.setCalendarPopup(True)
        field.setDisplayFormat("d MMMM yyyy")
        field.setDate(QDate(day.year, day.month, day.day))
        field.setAccessibleName(name)
        return field

    @property
    def study_days(self) -> tuple[int, ...]:
        return tuple(n for n, box in enumerate(self.days) if box.isChecked())

    @property
    def start_date(self) -> date:
        return _day(self.start.date())

    @property
    def target_date(self) -> date | None:
        return _day(self.target.date()) if self.aim.isChecked() else None

    def show_profile(self, profile: LearnerProfile, today: date) -> None:
        """A first plan starts from what the learner said in onboarding (or Settings)."""
        if profile.hours_per_week is not None:
            self.hours.setValue(round(profile.hours_per_week))
        if profile.study_days:
            for number, box in enumerate(self.days):
                box.setChecked(number in profile.study_days)
        start = profile.start_date or today
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.aim.setChecked(profile.target_date is not None)
        if profile.target_date is not None:
            target = profile.target_date
            self.target.setDate(QDate(target.year, target.month, target.day))

    def show_plan(self, plan: Plan, today: date) -> None:
        """A re-plan starts from the plan's hours and days, from today."""
        self.hours.setValue(round(plan.weekly_minutes / 60))
        for number, box in enumerate(self.days):
            box.setChecked(number in plan.study_days)
        self.start.setDate(QDate(today.year, today.month, today.day))
        self.aim.setChecked(plan.target is not None)
        if plan.target is not None:
            self.target.setDate(QDate(plan.target.year, plan.target.month, plan.target.day))


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
