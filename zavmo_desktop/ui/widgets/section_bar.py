"""The reader's bar for reading one section at a time: previous, the section's title, next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from zavmo_desktop.ui.widgets.labels import paragraph


class SectionBar(QWidget):
    def __init__(self, shortcut_owner: QWidget, step: Callable[[int], None]) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.previous = _button(shortcut_owner, "Previous section", "Ctrl+PgUp", step, -1)
        self.next = _button(shortcut_owner, "Next section", "Ctrl+PgDown", step, 1)
        self.label = paragraph()  # a section title from the module: plain text
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.previous)
        row.addWidget(self.label, 1)
        row.addWidget(self.next)
        self.hide()

    def show_section(self, index: int, count: int, title: str) -> None:
        self.label.setText(f"Section {index + 1} of {count}: {title}")
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index < count - 1)


def _button(
    owner: QWidget, name: str, keys: str, action: Callable[[int], None], step: int
) -> QPushButton:
    button = QPushButton(name)
    button.setAccessibleName(name)
    button.setAccessibleDescription(f"Shortcut: {keys}")
    button.setToolTip(f"{name} ({keys})")
    button.clicked.connect(lambda: action(step))
    # A QShortcut, not the button's own: that one "animates" a press for 100 ms first.
    # It belongs to the whole reader, so the keys work wherever the focus is in it.
    shortcut = QShortcut(QKeySequence(keys), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(lambda: action(step))
    return button
