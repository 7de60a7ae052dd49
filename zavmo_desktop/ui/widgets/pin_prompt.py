"""Asking for a learner's PIN: a calm word after a wrong one, and how long to wait.

The wait is the registry's (core.profiles): a try before it is over is refused unchecked,
and this page counts the time down once a second without ever blocking the window.
Nothing here times out: the field stays usable, and Back returns to the list.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.profiles.pin import wait_in_words
from zavmo_desktop.core.profiles.registry import PinTry
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.labels import heading, paragraph

PIN = "PIN"
BACK = "Back to the learners"
OPEN = "Open my learning"
READY_AGAIN = "You can try your PIN again now."


def wrong_pin_words(result: PinTry, seconds_left: float) -> str:
    if result.accepted:
        return ""
    if not result.checked:
        return (f"Please wait: you can try again in {wait_in_words(seconds_left)}. "
                "That try was not counted.")  # fmt: skip
    if seconds_left <= 0:
        return "That PIN did not match. Please try again."
    return (f"That PIN did not match. Take your time: you can try again in "
            f"{wait_in_words(seconds_left)}.")  # fmt: skip


class PinPrompt(QWidget):
    def __init__(
        self, try_pin: Callable[[str], PinTry], back: Callable[[], None], go_label: str = OPEN
    ) -> None:
        super().__init__()
        self._try_pin = try_pin
        self._result: PinTry | None = None
        self._until = 0.0  # time.monotonic() when the next try is accepted
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
        self.message.setAccessibleName("What to do")
        self.message.hide()
        column.addWidget(self.message)
        row = QHBoxLayout()
        self.back_button = self._button(BACK, back, row)
        row.addStretch(1)
        self.go_button = self._button(go_label, self.submit, row)
        column.addLayout(row)
        column.addStretch(1)
        # A deadline, checked four times a second: a timer's ticks may come early or late.
        self._countdown = QTimer(self, interval=250)
        self._countdown.timeout.connect(self._tick)
        self._shown = ""
        self.accepted: Callable[[], None] = lambda: None

    def _button(self, name: str, action: Callable[[], None], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        row.addWidget(button)
        return button

    def ask(self, name: str, go_label: str, accepted: Callable[[], None]) -> None:
        self.title.setText(f"{name}: your PIN")
        self.go_button.setText(go_label)
        self.go_button.setAccessibleName(go_label)
        self.accepted = accepted
        self.field.clear()
        self.message.hide()
        self._countdown.stop()

    def submit(self) -> None:
        result = self._try_pin(self.field.text())
        self.field.clear()  # never left in the field for the next person
        if result.accepted:
            self._countdown.stop()
            self.accepted()
            return
        self._result, self._until = result, time.monotonic() + result.wait_s
        self._shown = wrong_pin_words(result, result.wait_s)
        self._say(self._shown)
        if result.wait_s > 0:
            self._countdown.start()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tick(self) -> None:
        left = self._until - time.monotonic()
        if left <= 0:
            self._countdown.stop()
            self._say(READY_AGAIN)
        elif self._result is not None:
            words = wrong_pin_words(self._result, left)
            if words != self._shown:  # quietly: a screen reader hears it once, not each second
                self._shown = words
                self.message.setText(words)

    def _say(self, words: str) -> None:
        self.message.setText(words)
        self.message.show()
        announce(self.message, words)
