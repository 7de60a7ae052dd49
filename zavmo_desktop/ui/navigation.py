"""The navigation column: one button a screen, with its shortcut, the focus timer, and help at
the bottom, all in view whatever the text size: where the column with the whole timer would
be taller than the window (200% text on a laptop), the timer takes its compact form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.ui import accessible
from zavmo_desktop.ui.widgets.wrapping_button import WrappingButton

if TYPE_CHECKING:
    from zavmo_desktop.ui.widgets.focus_timer import FocusTimerPanel


class NavigationBar(QWidget):
    def __init__(
        self,
        names: tuple[str, ...],
        help_name: str,
        go: Callable[[str], None],
        shown: Callable[[str], bool] = lambda _name: True,
    ) -> None:
        """`shown`: False for a screen the organisation hid; the others keep their numbers."""
        super().__init__()
        self.setProperty(accessible.NAV_GROUP, True)  # before its name: see mark_navigation
        self.setAccessibleName("Navigation")
        self._go = go
        self._timer: FocusTimerPanel | None = None
        self._column = QVBoxLayout(self)
        self._top = 0  # the organisation's logo and name go above the buttons
        self.buttons: dict[str, QPushButton] = {}
        for number, name in enumerate(names, start=1):
            if shown(name):
                self._column.addWidget(self._button(QPushButton(), name, f"Ctrl+{number}"))
        self._column.addStretch(1)
        # The timer and help sit in the same place on every screen (WCAG 3.2.6).
        # Its two words wrap at 200% text in the narrow column; a screen's name is one word.
        self._column.addWidget(self._button(WrappingButton(), help_name, "F1"))

    def _button(self, button: QPushButton, name: str, keys: str) -> QPushButton:
        accessible.mark_navigation(button)  # before its text
        button.setText(name)
        button.setAccessibleName(name)
        button.setAccessibleDescription(f"Go to {name} ({keys})")
        button.setToolTip(f"{name} ({keys})")
        button.setCheckable(True)
        button.setEnabled(False)  # until the learner's data has loaded
        button.clicked.connect(lambda _=False, n=name: self._go(n))
        self.buttons[name] = button
        return button

    def add_at_top(self, widget: QWidget) -> None:
        self._column.insertWidget(self._top, widget)
        self._top += 1

    def add_above_help(self, widget: QWidget) -> None:
        self._column.insertWidget(self._column.count() - 1, widget)

    def add_timer(self, timer: FocusTimerPanel) -> None:
        self.add_above_help(timer)
        self._timer = timer

    def fit(self, room: int) -> None:
        """The timer compact if the column, with the timer whole, is taller than `room`."""
        timer = self._timer
        if timer is None or timer.isHidden():
            return
        margins = self._column.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        now = self._column.totalHeightForWidth(self.width())
        whole = now - timer.height_for(width, timer.compact) + timer.height_for(width, False)
        timer.set_compact(whole > room)

    def enable(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)

    def mark_current(self, name: str) -> None:
        # Not a QButtonGroup: that would make Tab skip every button but the checked one.
        for button_name, button in self.buttons.items():
            button.setChecked(button_name == name)
