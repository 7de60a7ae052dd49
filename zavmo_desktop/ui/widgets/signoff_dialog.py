"""Record a sign-off: a named person (an assessor) signs criteria off on this laptop.

It says near the top what it is: a record that someone signed off here, not a certificate;
the app cannot check who typed the name. Sign-offs already recorded are listed below the
form; one can be withdrawn with a reason (it is kept, marked withdrawn, never deleted).
Keyboard only; a problem is shown in the dialog, in words, and announced, and what was
typed stays.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.deliver.evidence import long_date
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
from zavmo_desktop.core.storage.signoffs import SignOff
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.add_evidence_dialog import not_saved_text
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.criteria_picker import CriteriaPicker, WrappedList
from zavmo_desktop.ui.widgets.dialog_fit import fit_dialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph

SIGN_OFF = "Record a sign-off"
WHAT_IT_IS = (
    "This records that a person signed off the criteria below, here on this laptop. It is "
    "not a certificate, and Zavmo cannot check who typed the name. Anyone reading your "
    "portfolio sees it as a record of a sign-off, with the name and date given here."
)
RECORD = "Record sign-off"
NAME = "Name of the person signing off"
ROLE = "Their role and organisation (optional)"
DATE = "Date signed"
CRITERIA = "Criteria signed off"
COMMENT = "Comment (optional)"
RECORDED = "Sign-offs recorded on this laptop"
ACTIVE = "Active sign-offs"
REASON = "Why it is being withdrawn"
WITHDRAW = "Withdraw sign-off"
SIGN_OFF_ROLE = Qt.ItemDataRole.UserRole  # the SignOff a row shows


def sign_off_line(sign_off: SignOff, criteria: dict[str, str]) -> str:
    text = criteria.get(sign_off.criterion_id, "")
    what = f"{sign_off.criterion_id}: {text}" if text else sign_off.criterion_id
    signed = long_date(date.fromisoformat(sign_off.signed_on))
    return f"{what}\nSigned off by {sign_off.label} on {signed}."


class SignOffDialog(QDialog):
    changed = Signal()  # a sign-off was recorded or withdrawn

    def __init__(
        self, learner: Learner, framework: Framework,
        criterion_ids: Collection[str] | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._learner = learner
        self._criteria = {c.id: " ".join(c.text.split()) for a in framework.areas
                          for k in a.competencies for c in k.criteria}  # fmt: skip
        self.setWindowTitle(SIGN_OFF)
        self.setAccessibleName(SIGN_OFF)
        outer = QVBoxLayout(self)
        self.page = page_scroll()
        body = QWidget()
        self.page.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page, 1)
        column.addWidget(heading(SIGN_OFF))
        notice = paragraph(WHAT_IT_IS)
        notice.setProperty("role", "notice")
        column.addWidget(notice)
        self.name = self._field(column, QLineEdit(), NAME)
        self.role = self._field(column, QLineEdit(), ROLE)
        self.role.setPlaceholderText("For example: Internal verifier, Acme Training")
        self.signed_on = self._date_field(column)
        self.criteria = CriteriaPicker(framework, CRITERIA, criterion_ids or ())
        self._field(column, self.criteria, CRITERIA)
        self.comment = self._comment_field(column)
        self.problem = paragraph()
        self.problem.setProperty("role", "notice")
        self.problem.hide()
        column.addLayout(self._record_row())
        column.addWidget(self._recorded_part())
        outer.addWidget(self.problem)  # below the page: always in sight
        outer.addLayout(self._close_row())
        self.show_sign_offs()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # Building ------------------------------------------------------------------------

    def _field(self, column: QVBoxLayout, field: QWidget, name: str) -> QWidget:
        label = QLabel(f"{name}:")
        label.setBuddy(field)
        label.setWordWrap(True)
        field.setAccessibleName(name)
        column.addWidget(label)
        column.addWidget(field)
        return field

    def _date_field(self, column: QVBoxLayout) -> QDateEdit:
        field = QDateEdit(QDate.currentDate())
        field.setDisplayFormat("d MMMM yyyy")  # "2 December 2026": never 12/02 or 02/12
        field.setMaximumDate(QDate.currentDate())
        field.setCalendarPopup(True)
        field.setAccessibleName(DATE)
        field.setAccessibleDescription("Up and Down change the day, month or year.")
        label = QLabel(f"{DATE}:")
        label.setBuddy(field)
        column.addWidget(label)
        row = QHBoxLayout()
        row.addWidget(field)
        row.addStretch(1)
        column.addLayout(row)
        return field

    def _comment_field(self, column: QVBoxLayout) -> QPlainTextEdit:
        field = QPlainTextEdit()
        field.setTabChangesFocus(True)  # Tab leaves the comment, as it leaves every field
        field.setMinimumHeight(field.fontMetrics().lineSpacing() * 3)
        field.setMaximumHeight(field.fontMetrics().lineSpacing() * 6)
        self._field(column, field, COMMENT)
        return field

    def _record_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.record_button = QPushButton(RECORD)
        self.record_button.setAccessibleName(RECORD)
        self.record_button.setDefault(True)  # Enter in the name or role records
        self.record_button.clicked.connect(self.record)
        row.addStretch(1)
        row.addWidget(self.record_button)
        return row

    def _recorded_part(self) -> QWidget:
        part = QFrame()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(RECORDED, role="subheading"))
        self.none_recorded = paragraph("No sign-offs are recorded yet.")
        column.addWidget(self.none_recorded)
        self.recorded = WrappedList()
        self.recorded.setAccessibleName(ACTIVE)
        self.recorded.setAccessibleDescription("Choose one to withdraw it.")
        self.recorded.setMinimumHeight(self.recorded.fontMetrics().lineSpacing() * 5)
        column.addWidget(self.recorded)
        self.reason = self._field(column, QLineEdit(), REASON)
        self.reason.installEventFilter(self)  # Enter here withdraws, not the default Record
        row = QHBoxLayout()
        self.withdraw_button = QPushButton(WITHDRAW)
        self.withdraw_button.setAccessibleName(WITHDRAW)
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.clicked.connect(self.withdraw)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        column.addLayout(row)
        self.withdraw_parts: tuple[QWidget, ...] = (self.recorded, self.reason,
                                                    self.withdraw_button)  # fmt: skip
        return part

    def _close_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (watched is self.reason and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in enter):  # fmt: skip
            self.withdraw()
            return True
        return super().eventFilter(watched, event)

    # Showing ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        fit_dialog(self, page=self.page)
        super().showEvent(event)

    def show_sign_offs(self) -> None:
        """The active sign-offs, newest first, each naming its criterion and who signed."""
        self.recorded.clear()
        active = sorted(self._learner.portfolio.active_sign_offs(), key=lambda s: -s.id)
        for sign_off in active:
            row = QListWidgetItem(sign_off_line(sign_off, self._criteria), self.recorded)
            row.setData(SIGN_OFF_ROLE, sign_off)
        if active:
            self.recorded.setCurrentRow(0)
        self.none_recorded.setVisible(not active)
        for part in self.withdraw_parts:
            part.setVisible(bool(active))
        self._refit()

    def _refit(self) -> None:
        if self.isVisible():
            fit_dialog(self, page=self.page)

    def _tell(self, message: str, field: QWidget | None = None, problem: bool = True) -> None:
        self.problem.setText(message)
        self.problem.show()
        self._refit()
        announce(self.problem, message, assertive=problem)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    # Recording and withdrawing ---------------------------------------------------------

    def record(self) -> None:
        from zavmo_desktop.core.portfolio.signing import SignOffRefused, record_sign_offs

        ticked = self.criteria.ticked()
        try:
            recorded = record_sign_offs(
                self._learner.portfolio.sign_offs, ticked, self.name.text(), self.role.text(),
                self.signed_on.date().toPython(), self.comment.toPlainText(),
            )  # fmt: skip
        except SignOffRefused as refused:
            self._tell(str(refused), self._field_of(str(refused)))
            return
        except STORAGE_ERRORS as error:
            self._not_saved(error, RECORD, self.record_button)
            return
        for criterion in ticked:
            self.criteria.set_ticked(criterion, False)
        self.comment.clear()  # the name, role and date stay for the next criteria
        self.show_sign_offs()
        who = recorded[0].label
        ids = ", ".join(s.criterion_id for s in recorded)
        self._tell(f"Recorded {who}'s sign-off of {ids}. They now show as verified.",
                   self.criteria, problem=False)  # fmt: skip
        self.changed.emit()

    def _field_of(self, message: str) -> QWidget:
        if "criterion" in message:
            return self.criteria
        if "date" in message:
            return self.signed_on
        if "comment" in message:
            return self.comment
        return self.role if "role" in message else self.name

    def withdraw(self) -> None:
        from zavmo_desktop.core.portfolio.signing import SignOffRefused, withdraw_sign_off

        row = self.recorded.currentItem()
        if row is None:
            self._tell("Choose the sign-off to withdraw in the list first.", self.recorded)
            return
        sign_off: SignOff = row.data(SIGN_OFF_ROLE)
        try:
            withdraw_sign_off(self._learner.portfolio.sign_offs, sign_off.id, self.reason.text())
        except SignOffRefused as refused:
            self._tell(str(refused), self.reason)
            return
        except STORAGE_ERRORS as error:
            self._not_saved(error, WITHDRAW, self.withdraw_button)
            return
        self.reason.clear()
        self.show_sign_offs()
        self._tell(
            f"Withdrew {sign_off.label}'s sign-off of {sign_off.criterion_id}. It is kept "
            "in the history, marked withdrawn, with the reason.",
            self.recorded if self.recorded.count() else self.close_button,
            problem=False,
        )
        self.changed.emit()

    def _not_saved(self, error: BaseException, again: str, field: QWidget) -> None:
        self._tell(not_saved_text(error, self._learner.data_dir, again), field)


def open_sign_off(
    parent: QWidget, learner: Learner, framework: Framework, on_changed: Callable[[], None],
    criterion_ids: Collection[str] | None = None,
) -> SignOffDialog:  # fmt: skip
    """Open the dialog over `parent` (window-modal); `on_changed` runs after each sign-off
    recorded or withdrawn, so the portfolio shows it while the dialog is still open."""
    dialog = SignOffDialog(learner, framework, criterion_ids, parent)
    dialog.changed.connect(on_changed)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
