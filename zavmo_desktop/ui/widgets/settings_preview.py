"""A sample page in the settings waiting to be applied, with Apply and Discard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.ui.theme import body_font, colours_for, reading_css
from zavmo_desktop.ui.widgets.labels import heading, paragraph

SAMPLE = """
<h2>A sample of your reading page</h2>
<p>Model drift happens when the data a model sees in use moves away from the data it
learned from. A team that watches for drift finds problems <em>before</em> customers do.</p>
<p>This is how modules will look once you apply these changes.</p>
"""


class SettingsPreview(QWidget):
    def __init__(
        self,
        apply: Callable[[], None],
        discard: Callable[[], None],
        apply_name: str = "Apply changes",
        discard_name: str = "Discard changes",
    ) -> None:
        super().__init__()
        self._apply_name = apply_name
        self.setAccessibleName("Preview of your changes")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Preview", role="subheading"))
        self.summary = paragraph()
        layout.addWidget(self.summary)
        self.sample = QTextBrowser()
        self.sample.setAccessibleName("Sample page with your changes")
        self.sample.setMinimumHeight(140)
        layout.addWidget(self.sample, 1)
        row = QHBoxLayout()
        self.apply_button = self._button(apply_name, apply)
        self.discard_button = self._button(discard_name, discard)
        row.addWidget(self.apply_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def _button(self, name: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        return button

    def show_pending(self, pending: dict[str, Any], merged: dict[str, Any]) -> None:
        self.setVisible(bool(pending))
        if not pending:
            return
        names = ", ".join(SPECS[key].label for key in pending)
        count = len(pending)
        self.summary.setText(
            f"{count} change{'' if count == 1 else 's'} waiting: {names}. "
            f"Nothing changes until you press {self._apply_name}."
        )
        c = colours_for(merged)
        self.sample.setFont(body_font(merged))
        self.sample.setStyleSheet(f"QTextBrowser {{ background: {c.base}; color: {c.text}; }}")
        self.sample.document().setDefaultStyleSheet(reading_css(merged))
        self.sample.setHtml(SAMPLE)
