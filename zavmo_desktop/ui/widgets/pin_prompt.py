"""Asking for a learner's PIN: a calm word after a wrong one, and how long to wait.

The wait is the registry's (core.profiles): a try before it is over is refused unchecked,
and the page counts the time down (ui/widgets/pin_wait.py) without ever blocking the
window. Nothing here times out: the field stays usable, and Back returns to the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from zavmo_desktop.core.profiles.registry import PinTry
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pin_wait import READY_AGAIN, PinWait, wrong_pin_words
from zavmo_desktop.ui.widgets.row_button import row_button

__all__ = ["BACK", "OPEN", "PIN", "READY_AGAIN", "PinPrompt", "wrong_pin_words"]

PIN = "PIN"
BACK = "Back to the learners"
OPEN = "Open my learning"


class PinPrompt(QWidget):
    def __init__(
        self, try_pin: Callable[[str], PinTry], back: Callable[[], None], go_label: str = OPEN
    ) -> None:
        super().__init__()
        self._try_pin = try_pin
        self.setAccessibleName("PIN screen")
        column = QVBoxLayout(self)
        self.title = heading("")
        column.addWidget(self.title)
        column.addWidget(paragraph("Type your PIN, then press Enter."))
        label = QLabel(f"{PIN}:")
        self.field = QLineEdit()
        self.field.setAccessibleName(PIN)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.returnPressed.connect(self.submit)
        label.setBuddy(self.field)
        column.addWidget(label)
        column.addWidget(self.field)
        self.message = paragraph()
        self.message.setAccessibleDescription("What to do")  # its name is the words it shows
        self.message.hide()
        column.addWidget(self.message)
        row = QHBoxLayout()
        self.back_button = row_button(BACK, back, row)
        row.addStretch(1)
        self.go_button = row_button(go_label, self.submit, row)
        column.addLayout(row)
        column.addStretch(1)
        self.wait = PinWait(self.message)
        self.accepted: Callable[[], None] = lambda: None

    def ask(self, name: str, go_label: str, accepted: Callable[[], None]) -> None:
        self.title.setText(f"{name}: your PIN")
        self.go_button.setText(go_label)
        self.go_button.setAccessibleName(go_label)
        self.accepted = accepted
        self.field.clear()
        self.wait.clear()

    def submit(self) -> None:
        result = self._try_pin(self.field.text())
        self.field.clear()  # never left in the field for the next person
        if result.accepted:
            self.wait.stop()
            self.accepted()
            return
        self.wait.refused(result)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
