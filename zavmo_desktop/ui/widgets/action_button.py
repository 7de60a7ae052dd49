"""A button named by its own words, that runs one action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def action_button(
    text: str, action: Callable[[], None], kind: type[QPushButton] = QPushButton
) -> QPushButton:
    button = kind(text)
    button.setAccessibleName(text)
    button.clicked.connect(action)
    return button
