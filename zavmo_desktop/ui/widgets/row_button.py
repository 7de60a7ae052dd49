"""A named button that does one thing, added to a row of buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton


def row_button(name: str, action: Callable[[], None], row: QHBoxLayout) -> QPushButton:
    button = QPushButton(name)
    button.setAccessibleName(name)
    button.clicked.connect(action)
    row.addWidget(button)
    return button
