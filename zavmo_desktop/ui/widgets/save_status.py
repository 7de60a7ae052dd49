"""The one way the UI writes the learner's work, and the one line that says if it failed.

Every write from a widget goes through `write_or_say` (a click: tick, date, evidence,
mark complete, a conversation move, a check-in) or PendingSaves (typed words, which are
kept and retried). Both end in a SaveStatus beside what the learner acted on: quiet
("Saved today at 10:02") while saves go through; bold, boxed, in the theme's warning
colour and led by a warning sign when one fails, so colour is never the only sign. A
screen reader hears it once when saving starts to fail and once when it works again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from zavmo_desktop.core.storage.problems import STORAGE_ERRORS, TRY_AGAIN, classify, not_saved
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves

WARNING_SIGN = "\u26a0"  # ⚠
SAVED_AGAIN = "Saved now."


class SaveStatus(QLabel):
    def __init__(self, quiet: str = "", parent: QWidget | None = None) -> None:
        super().__init__(quiet, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "saved")
        self.failing = False
        self.setVisible(bool(quiet))

    def not_saved(self, message: str) -> None:
        """A save failed: say `message` here, and to a screen reader if it had not failed."""
        self._set_role("not-saved")
        self.setText(f"{WARNING_SIGN} {message}")
        self.show()
        if not self.failing:
            self.failing = True
            announce(self, message, assertive=True)

    def saved(self, quiet: str = "") -> None:
        """Everything went through: show `quiet` (or nothing), and say so if it had failed."""
        self._set_role("saved")
        if self.text() != quiet:  # "Saved at 10:02" changes once a minute at most
            self.setText(quiet)
        self.setVisible(bool(quiet))
        if self.failing:
            self.failing = False
            announce(self.window(), SAVED_AGAIN)

    def _set_role(self, role: str) -> None:
        if self.property("role") != role:
            self.setProperty("role", role)
            self.style().unpolish(self)
            self.style().polish(self)
            # The box's border and padding change the label's size: lay it out again.
            QApplication.sendEvent(self, QEvent(QEvent.Type.StyleChange))


def write_or_say(
    status: SaveStatus,
    write: Callable[[], object],
    folder: Path | None = None,
    *,
    waiting: PendingSaves | None = None,
    then: str = TRY_AGAIN,
) -> bool:
    """Run one write the learner asked for; if storage fails, say why in `status` and
    return False, so the caller shows what is really kept (their input stays where it is).
    `waiting`: the typed words that share `status`; while they wait, it keeps saying so."""
    try:
        write()
    except STORAGE_ERRORS as error:
        status.not_saved(not_saved(classify(error, folder), then))
        return False
    if status.failing and (waiting is None or waiting.problem is None):
        status.saved()
    return True


class _Writes(Protocol):
    save_status: SaveStatus
    data_folder: Path | None
    pending: PendingSaves


Screen = TypeVar("Screen", bound=_Writes)


def said_if_not_saved(action: Callable[[Screen], Any]) -> Callable[[Screen], None]:
    """For a click handler that writes (send a reply): if it cannot be saved, the screen's
    save_status says so and nothing moves on."""

    @functools.wraps(action)
    def run(screen: Screen) -> None:
        folder, waiting = screen.data_folder, screen.pending
        write_or_say(screen.save_status, lambda: action(screen), folder, waiting=waiting)

    return run
