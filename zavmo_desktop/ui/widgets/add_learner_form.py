"""Add a learner: a name, and a PIN if they want one (typed twice, so a slip shows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.profiles.pin import MAX_DIGITS, MIN_DIGITS
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.row_button import row_button

NAME, PIN, PIN_AGAIN = "Name", "PIN (if you want one)", "Type the PIN again"
ADD = "Add this learner"
CANCEL = "Cancel"
PINS_DIFFER = "The two PINs are not the same. Type the PIN again in both fields."


class AddLearnerForm(QWidget):
    def __init__(self, add: Callable[[str, str | None], str], cancel: Callable[[], None]) -> None:
        """`add(name, pin)` returns "" when the learner was added, else what to change."""
        super().__init__()
        self._add = add
        self.setAccessibleName("Add a learner screen")
        column = QVBoxLayout(self)
        column.addWidget(heading("Add a learner"))
        column.addWidget(paragraph(
            "Each learner has their own learning space: their answers, plan, practice, "
            "evidence and settings are kept apart from everyone else's."
        ))  # fmt: skip
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = self._field(NAME, form)
        self.pin = self._field(PIN, form, secret=True)
        self.pin_again = self._field(PIN_AGAIN, form, secret=True)
        column.addLayout(form)
        column.addWidget(paragraph(
            f"A PIN is {MIN_DIGITS} to {MAX_DIGITS} digits. It keeps other learners on this "
            "computer out of your learning space in Zavmo; it does not lock the files "
            "themselves. Leave it empty for no PIN."
        ))  # fmt: skip
        self.problem = paragraph()
        self.problem.setAccessibleDescription("What to do")  # its name is the words it shows
        self.problem.hide()
        column.addWidget(self.problem)
        row = QHBoxLayout()
        self.cancel_button = row_button(CANCEL, cancel, row)
        row.addStretch(1)
        self.add_button = row_button(ADD, self.submit, row)
        column.addLayout(row)
        column.addStretch(1)

    def _field(self, name: str, form: QFormLayout, secret: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        field.returnPressed.connect(self.submit)
        label = QLabel(f"{name}:")
        label.setBuddy(field)
        form.addRow(label, field)
        return field

    def start(self) -> None:
        for field in (self.name, self.pin, self.pin_again):
            field.clear()
        self.problem.hide()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        pin = self.pin.text()
        if pin != self.pin_again.text():
            self._tell(PINS_DIFFER, self.pin)
            return
        problem = self._add(self.name.text(), pin or None)
        if problem:  # the name and PIN stay as typed, to be corrected
            self._tell(problem, self.pin if "PIN" in problem else self.name)

    def _tell(self, words: str, field: QLineEdit) -> None:
        self.problem.setText(words)
        self.problem.show()
        announce(self.problem, words)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()
