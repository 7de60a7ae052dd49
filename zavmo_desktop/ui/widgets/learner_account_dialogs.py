"""Settings, Who is learning: Rename, Set a PIN, Change PIN and Remove PIN, each a small
dialog. Changing or removing a PIN asks for the current one, with the same count of wrong
tries and the same wait as the chooser (the registry keeps both).

Keyboard only: the first field has focus, Enter confirms, Escape or Cancel closes and
changes nothing. A problem is said in the dialog, and what was typed stays (PINs apart:
a wrong current PIN is cleared, as on the chooser).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.profiles.pin import MAX_DIGITS, MIN_DIGITS
from zavmo_desktop.core.profiles.registry import MAX_NAME, PinTry, ProfileError
from zavmo_desktop.ui.widgets.dialog_fit import fit_dialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pin_wait import PinWait

RENAME, SET_PIN, CHANGE_PIN, REMOVE_PIN = "Rename", "Set a PIN", "Change PIN", "Remove PIN"
NAME = "Name"
CURRENT_PIN, NEW_PIN, NEW_PIN_AGAIN = "Current PIN", "New PIN", "Type the new PIN again"
PINS_DIFFER = "The two new PINs are not the same. Type the new PIN again in both fields."
NO_NEW_PIN = f"Type a new PIN of {MIN_DIGITS} to {MAX_DIGITS} digits in both fields."
WHAT_A_PIN_IS = (
    f"A PIN is {MIN_DIGITS} to {MAX_DIGITS} digits. It keeps other learners on this "
    "computer out of your learning space in Zavmo; it does not lock the files themselves."
)
ACTIONS = {RENAME: "Save the name", SET_PIN: "Set the PIN", CHANGE_PIN: "Change the PIN",
           REMOVE_PIN: "Remove the PIN"}  # fmt: skip


class AccountDialog(QDialog):
    """A heading, words, a form of fields, what to do after a problem, Cancel and the action."""

    def __init__(self, kind: str, words: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(kind)
        self.setAccessibleName(f"{kind} dialog")
        self.column = QVBoxLayout(self)
        self.column.addWidget(heading(kind))
        self.column.addWidget(paragraph(words))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.column.addLayout(self.form)
        self.problem = paragraph()
        self.problem.setAccessibleDescription("What to do")  # its name is the words it shows
        self.problem.hide()
        self.wait = PinWait(self.problem)
        self.fields: list[QLineEdit] = []

    def add_field(self, name: str, secret: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(f"{name}:")
        label.setBuddy(field)
        self.form.addRow(label, field)
        self.fields.append(field)
        return field

    def finish(self, action: str) -> None:
        """The problem line and the buttons, under the fields."""
        self.column.addWidget(self.problem)
        row = QHBoxLayout()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.action_button = QPushButton(action)
        self.action_button.setAccessibleName(action)
        self.action_button.setDefault(True)  # Enter in any field confirms
        self.action_button.clicked.connect(self.confirm)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.action_button)
        self.column.addLayout(row)
        self.fields[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm(self) -> None:
        raise NotImplementedError

    def tell(self, words: str, field: QLineEdit) -> None:
        self.wait.stop()
        self.wait.say(words)
        self._fit()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        fit_dialog(self)


class RenameDialog(AccountDialog):
    """`rename(name)` returns "" once renamed, else what to change."""

    def __init__(self, name: str, rename: Callable[[str], str], parent: QWidget | None) -> None:
        super().__init__(RENAME, f"The name shown on the list of learners and in the title "
                         f"bar: 1 to {MAX_NAME} characters, not the same as another "
                         "learner's.", parent)  # fmt: skip
        self._rename = rename
        self.name = self.add_field(NAME)
        self.name.setText(name)
        self.name.selectAll()
        self.finish(ACTIONS[RENAME])

    def confirm(self) -> None:
        problem = self._rename(self.name.text())
        if problem:  # the name stays as typed, to be corrected
            self.tell(problem, self.name)
        else:
            self.accept()


class PinDialog(AccountDialog):
    """Set a PIN (none yet), Change PIN or Remove PIN. `change(current, new)` is the
    registry's change_pin: new None removes it."""

    def __init__(
        self, kind: str, change: Callable[[str, str | None], PinTry], parent: QWidget | None
    ) -> None:
        words = {SET_PIN: WHAT_A_PIN_IS + " You will type it on the list of learners.",
                 CHANGE_PIN: "Type your current PIN, then the new one twice. " + WHAT_A_PIN_IS,
                 REMOVE_PIN: "Type your current PIN. Without a PIN, anyone on this computer "
                             "can open your learning space from the list of learners."}  # fmt: skip
        super().__init__(kind, words[kind], parent)
        self._change = change
        self.current = self.add_field(CURRENT_PIN, secret=True) if kind != SET_PIN else None
        self.new = self.add_field(NEW_PIN, secret=True) if kind != REMOVE_PIN else None
        self.again = self.add_field(NEW_PIN_AGAIN, secret=True) if self.new else None
        self.finish(ACTIONS[kind])

    def confirm(self) -> None:
        new = self._new_pin()
        if new == "":
            return
        current = self.current.text() if self.current else ""
        try:
            result = self._change(current, new)
        except ProfileError as error:  # a new PIN that is not allowed: no try was used
            assert self.new is not None
            self.tell(str(error), self.new)
            return
        if self.current is not None:
            self.current.clear()  # never left in the field
        if result.accepted:
            self.wait.stop()
            self.accept()
            return
        self.wait.refused(result)
        self._fit()
        (self.current or self.fields[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _new_pin(self) -> str | None:
        """The new PIN (None: removing), or "" after saying what is wrong with the two."""
        if self.new is None or self.again is None:
            return None
        if self.new.text() != self.again.text():
            self.tell(PINS_DIFFER, self.new)
            return ""
        if not self.new.text():
            self.tell(NO_NEW_PIN, self.new)
            return ""
        return self.new.text()
