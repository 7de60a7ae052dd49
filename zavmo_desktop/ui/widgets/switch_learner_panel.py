"""Settings, Who is learning: whose learning space this is, and Switch learner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.ui.widgets.labels import paragraph

SWITCH_LEARNER = "Switch learner"
SWITCH_DESCRIPTION = "Save your work and close it, so another learner can choose their name"


def whose_words(name: str) -> str:
    whose = f"This is {name}'s learning space. " if name else ""
    return (f"{whose}Switch learner saves your work, closes it, and shows the list of "
            "learners on this computer, where the next learner chooses their name or adds "
            "themselves. Each learner's work is kept apart.")  # fmt: skip


class SwitchLearnerPanel(QWidget):
    def __init__(self, name: str, switch: Callable[[], object]) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(paragraph(whose_words(name)))
        self.switch_button = QPushButton(SWITCH_LEARNER)
        self.switch_button.setAccessibleName(SWITCH_LEARNER)
        self.switch_button.setAccessibleDescription(SWITCH_DESCRIPTION)
        self.switch_button.clicked.connect(lambda: switch())
        column.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
