"""A calm message above every screen about the organisation's setup: a pack that was refused,
or a mistake in its config. The app works without what it names; the learner closes it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.ui.widgets.labels import heading, paragraph

CLOSE = "Close this message"


class OrgNotice(QWidget):
    def __init__(self, title: str, lines: list[str], after: str) -> None:
        super().__init__()
        self.setAccessibleName("Message about your organisation's setup")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.title = heading(title, role="subheading")
        column.addWidget(self.title)
        self.text = paragraph("\n\n".join([*lines, after]))
        self.text.setProperty("role", "summary")  # boxed, not bold: calm, and plain to read
        column.addWidget(self.text)
        row = QHBoxLayout()
        self.close_button = QPushButton(CLOSE)
        self.close_button.setAccessibleName(CLOSE)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.close_button)
        row.addStretch(1)
        column.addLayout(row)

    @property
    def message(self) -> str:
        return f"{self.title.text()} {self.text.text()}"
