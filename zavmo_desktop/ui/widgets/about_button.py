"""The "About your learning" button that Settings and the onboarding both show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton

NAME = "About your learning"


def about_button(open_about: Callable[[], None]) -> QPushButton:
    button = QPushButton(NAME)
    button.setAccessibleName(NAME)
    button.setAccessibleDescription(
        "A short page on ADHD, dyslexia and autism, and the settings that can help"
    )
    button.clicked.connect(lambda: open_about())
    return button
