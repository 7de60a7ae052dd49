"""The confirmation before Erase all my data: the learner types the word ERASE.

Keyboard only: the field has focus, Enter confirms, Escape or Cancel closes it and
nothing is erased. A wrong word says what to type, in the dialog, and erases nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.own_data.erase import CONFIRM_WORD
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.widgets.dialog_fit import fit_dialog
from zavmo_desktop.ui.widgets.labels import heading, paragraph

ERASE = "Erase all my data"
FIELD = f"Type {CONFIRM_WORD} to confirm"
LINE_CHARS = 60  # a reading line of about 60 characters at the learner's text size
WRONG_WORD = f"Type the word {CONFIRM_WORD}, then choose {ERASE}. Nothing has been erased."


def is_confirmed(typed: str) -> bool:
    """The word, in any case: Caps Lock or its absence is not a reason to refuse."""
    return typed.strip().upper() == CONFIRM_WORD


def own_data_words(data_dir: str) -> tuple[str, ...]:
    return (
        "This deletes everything Zavmo keeps about you on this computer: your answers, "
        "your plan, your practice, your reflections, your evidence, your settings and "
        f"the backup copies, from {data_dir}.",
        "It cannot be undone. To keep a copy, choose Cancel, then Export all my data.",
        "Zavmo then starts again as it did the first time.",
    )


class EraseDialog(QDialog):
    """`title`, `words` and `action` change what is erased (removing another learner from
    the chooser uses it too); the typed word and the keys are the same everywhere."""

    def __init__(
        self,
        data_dir: str,
        parent: QWidget | None = None,
        title: str = "Erase all your data?",
        words: tuple[str, ...] | None = None,
        action: str = ERASE,
    ) -> None:
        super().__init__(parent)
        self._action = action
        self.setWindowTitle(action)
        self.setAccessibleName(f"{action}: confirm")
        column = QVBoxLayout(self)
        column.addWidget(heading(title))
        for text in words or own_data_words(data_dir):
            column.addWidget(paragraph(text))
        label = QLabel(f"{FIELD}:")
        self.word = QLineEdit()
        self.word.setAccessibleName(FIELD)
        label.setBuddy(self.word)
        column.addWidget(label)
        column.addWidget(self.word)
        self.problem = paragraph()
        self.problem.setAccessibleDescription("What to do")  # its name is the words it shows
        self.problem.hide()
        column.addWidget(self.problem)
        column.addLayout(self._buttons())
        self.word.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit()
        super().showEvent(event)

    def _fit(self) -> None:
        fit_dialog(self, LINE_CHARS)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.erase_button = QPushButton(self._action)
        self.erase_button.setAccessibleName(self._action)
        self.erase_button.setDefault(True)  # Enter in the field confirms
        self.erase_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        row.addWidget(self.erase_button)
        return row

    def confirm(self) -> None:
        if is_confirmed(self.word.text()):
            self.accept()
            return
        wrong = WRONG_WORD.replace(ERASE, self._action)
        self.problem.setText(wrong)
        self.problem.show()
        self._fit()
        announce(self.problem, wrong)
        self.word.setFocus(Qt.FocusReason.OtherFocusReason)
        self.word.selectAll()
