"""Settings, Who is learning: whose learning space this is, Switch learner, and the
learner's own name and PIN (Rename, Set a PIN, or Change PIN and Remove PIN)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.flow_layout import FlowLayout
from zavmo_desktop.ui.widgets.labels import paragraph
from zavmo_desktop.ui.widgets.learner_account_dialogs import (
    CHANGE_PIN,
    REMOVE_PIN,
    RENAME,
    SET_PIN,
    AccountDialog,
    PinDialog,
    RenameDialog,
)

if TYPE_CHECKING:
    from zavmo_desktop.ui.learner_account import LearnerAccount

SWITCH_LEARNER = "Switch learner"
SWITCH_DESCRIPTION = "Save your work and close it, so another learner can choose their name"
DONE = {RENAME: "Your name is changed to {name}.", SET_PIN: "Your PIN is set.",
        CHANGE_PIN: "Your PIN is changed.", REMOVE_PIN: "Your PIN is removed."}  # fmt: skip


def whose_words(name: str) -> str:
    whose = f"This is {name}'s learning space. " if name else ""
    return (f"{whose}Switch learner saves your work, closes it, and shows the list of "
            "learners on this computer, where the next learner chooses their name or adds "
            "themselves. Each learner's work is kept apart.")  # fmt: skip


class SwitchLearnerPanel(QWidget):
    def __init__(
        self, name: str, switch: Callable[[], object], account: LearnerAccount | None = None
    ) -> None:
        super().__init__()
        self._account = account
        self.dialog: AccountDialog | None = None  # while one is open
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.words = paragraph(whose_words(name))
        column.addWidget(self.words)
        buttons = QWidget()
        self._row = FlowLayout(buttons, spacing=12)  # wraps at large text sizes
        column.addWidget(buttons)
        self.switch_button = self._button(SWITCH_LEARNER, switch)
        self.switch_button.setAccessibleDescription(SWITCH_DESCRIPTION)
        self.account_buttons = {
            kind: self._button(kind, lambda k=kind: self.open_dialog(k))
            for kind in (RENAME, SET_PIN, CHANGE_PIN, REMOVE_PIN)
        }
        self.done = paragraph()
        self.done.setAccessibleDescription("What changed")  # its name is the words it shows
        self.done.hide()
        column.addWidget(self.done)
        self._show_buttons()

    def _button(self, name: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(name, self._row.parentWidget())
        button.setAccessibleName(name)
        button.clicked.connect(lambda: action())  # not `checked`, which Qt would pass
        return button

    def _show_buttons(self) -> None:
        """Set a PIN when there is none, else Change PIN and Remove PIN."""
        shown = [self.switch_button]
        if self._account is not None:
            protected = self._account.profile.protected
            kinds = [RENAME, *((CHANGE_PIN, REMOVE_PIN) if protected else (SET_PIN,))]
            shown += [self.account_buttons[kind] for kind in kinds]
        while self._row.count():
            self._row.takeAt(0)
        for button in shown:
            self._row.addWidget(button)  # in the panel before it is shown: never a window
        for button in [self.switch_button, *self.account_buttons.values()]:
            button.setVisible(button in shown)

    def open_dialog(self, kind: str) -> AccountDialog:
        assert self._account is not None
        account = self._account
        if kind == RENAME:
            dialog: AccountDialog = RenameDialog(account.profile.name, account.rename, self)
        else:
            dialog = PinDialog(kind, account.change_pin, self)
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._closed(kind, result))
        dialog.open()
        return dialog

    def _closed(self, kind: str, result: int) -> None:
        self.dialog = None
        button = self.account_buttons[kind]
        if result == QDialog.DialogCode.Accepted and self._account is not None:
            name = self._account.profile.name
            self.words.setText(whose_words(name))
            self._show_buttons()
            self._say(DONE[kind].format(name=name))
            button = self.account_buttons[RENAME] if button.isHidden() else button
        self.window().activateWindow()  # the keyboard comes back from the dialog
        button.setFocus()  # where the learner was (or beside it)

    def _say(self, words: str) -> None:
        self.done.setText(words)
        self.done.show()
        announce(self.done, words)
