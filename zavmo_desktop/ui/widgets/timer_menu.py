"""The compact focus timer's "More" button: a menu of the timer's other actions.

Each item presses the panel's own button for that action (snooze, add time, skip, stop),
so the two forms of the panel never act differently. The menu is made when the compact
form is first used, and its items again each time it opens, from the buttons' names then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from zavmo_desktop.ui.widgets.timer_parts import name_button
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton

NAME = "More timer actions"


class MoreActions(WrappingButton):
    def __init__(self, offered: Callable[[], list[QPushButton]]) -> None:
        super().__init__()
        self._offered = offered
        name_button(self, NAME, "Snooze a reminder, add time, skip or stop", "More")

    def attach_menu(self) -> None:
        if self.menu() is None:
            from PySide6.QtWidgets import QMenu  # not loaded unless the compact form is used

            menu = QMenu(self)
            menu.setAccessibleName(NAME)
            menu.aboutToShow.connect(self.fill_menu)
            self.setMenu(menu)

    def fill_menu(self) -> None:
        menu = self.menu()
        menu.clear()
        for button in self._offered():
            action = menu.addAction(button.accessibleName())
            action.setToolTip(button.accessibleDescription())
            action.triggered.connect(button.click)
