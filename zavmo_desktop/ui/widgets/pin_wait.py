"""What a refused PIN try means, on a label, with the wait counted down.

Shared by the chooser's PIN page and Settings' Change PIN and Remove PIN: the wait is
the registry's (core.profiles), so it is the same wherever the PIN is typed. It is a
deadline checked four times a second, never a sleep: the window stays usable throughout.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from zavmo_desktop.core.profiles.pin import wait_in_words
from zavmo_desktop.core.profiles.registry import PinTry
from zavmo_desktop.ui.announce import announce

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


class PinWait(QObject):
    def __init__(self, message: QLabel) -> None:
        super().__init__(message)
        self.message = message
        self._result: PinTry | None = None
        self._until = 0.0  # time.monotonic() when the next try is accepted
        self._shown = ""
        # A deadline, checked four times a second: a timer's ticks may come early or late.
        self._countdown = QTimer(self, interval=250)
        self._countdown.timeout.connect(self._tick)

    def refused(self, result: PinTry) -> None:
        self._result, self._until = result, time.monotonic() + result.wait_s
        self._shown = wrong_pin_words(result, result.wait_s)
        self.say(self._shown)
        if result.wait_s > 0:
            self._countdown.start()

    def stop(self) -> None:
        self._countdown.stop()

    def clear(self) -> None:
        self._countdown.stop()
        self.message.hide()

    def say(self, words: str) -> None:
        self.message.setText(words)
        self.message.show()
        announce(self.message, words)

    def _tick(self) -> None:
        left = self._until - time.monotonic()
        if left <= 0:
            self._countdown.stop()
            self.say(READY_AGAIN)
        elif self._result is not None:
            words = wrong_pin_words(self._result, left)
            if words != self._shown:  # quietly: a screen reader hears it once, not each second
                self._shown = words
                self.message.setText(words)
