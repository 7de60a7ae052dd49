"""What a screen reader is told a widget is: headings with their level, navigation as tabs."""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleAttributesInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

Role = QAccessible.Role
Level = QAccessible.Attribute.Level


def _level(interface: QAccessibleInterface) -> object:
    """The Level a screen reader gets: through the C++ cast it makes, not a Python call.
    (PySide's attributesInterface() crashes on an interface written in Python.)"""
    cast = int(interface.interface_cast(QAccessible.InterfaceType.AttributesInterface))
    if not cast:
        return None
    return shiboken6.wrapInstance(cast, QAccessibleAttributesInterface).attributeValue(Level)


def heading_problems(root: QWidget) -> list[str]:
    """Visible headings (labels with a `level`) a screen reader cannot jump to by level."""
    problems = []
    for label in root.findChildren(QLabel):
        if label.property("level") is None or not label.isVisible():
            continue
        interface = QAccessible.queryAccessibleInterface(label)
        level = _level(interface) if interface.role() == Role.Heading else None
        if interface.role() != Role.Heading or level != label.property("level"):
            problems.append(
                f"{label.text()[:40]!r}: {interface.role().name}, level {level!r}, "
                f"wants Heading level {label.property('level')}"
            )
    return problems


def navigation_problems(window: QWidget) -> list[str]:
    """The navigation buttons must be page tabs in a tab list, the current one selected."""
    buttons = [b for b in window.findChildren(QAbstractButton) if b.property("nav")]
    problems = [] if buttons else ["no navigation buttons"]
    for button in buttons:
        interface = QAccessible.queryAccessibleInterface(button)
        state = interface.state()
        if interface.role() != Role.PageTab or state.checkable:
            problems.append(f"{button.text()!r} is announced as {interface.role().name}")
        if bool(state.selected) != button.isChecked():
            problems.append(
                f"{button.text()!r}: selected={state.selected}, shown={button.isChecked()}"
            )
        parent = interface.parent()
        if parent is None or parent.role() != Role.PageTabList:
            problems.append(f"{button.text()!r} is not inside a page-tab list")
    if sum(b.isChecked() for b in buttons) > 1:
        problems.append("more than one navigation button is current")
    return problems
