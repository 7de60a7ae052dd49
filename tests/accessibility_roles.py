"""What a screen reader is told a widget is: headings with their level, navigation as tabs."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from zavmo_desktop.ui.main_window import MainWindow

Role = QAccessible.Role
Level = QAccessible.Attribute.Level
Press = QAccessibleActionInterface.pressAction()


def _level(interface: QAccessibleInterface) -> object:
    """The Level a screen reader gets: attributesInterface() goes through Qt's C++
    interface_cast, as the platform bridge does (a wrong cast there crashed the app)."""
    attributes = interface.attributesInterface()
    return None if attributes is None else attributes.attributeValue(Level)


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
    """The navigation buttons must be page tabs in a tab list, the current one selected.
    Only the app's window has navigation: a panel tested in a bare host window has none."""
    buttons = [b for b in window.findChildren(QAbstractButton) if b.property("nav")]
    if not buttons:
        return ["the main window has no navigation"] if isinstance(window, MainWindow) else []
    problems = []
    for button in buttons:
        interface = QAccessible.queryAccessibleInterface(button)
        state = interface.state()
        if interface.role() != Role.PageTab or state.checkable:
            problems.append(f"{button.text()!r} is announced as {interface.role().name}")
        if bool(state.selected) != button.isChecked():
            problems.append(
                f"{button.text()!r}: selected={state.selected}, shown={button.isChecked()}"
            )
        actions = interface.actionInterface()  # through C++, as the platform bridge asks
        if actions is None or Press not in actions.actionNames():
            problems.append(f"{button.text()!r} cannot be pressed by a screen reader")
        parent = interface.parent()
        if parent is None or parent.role() != Role.PageTabList:
            problems.append(f"{button.text()!r} is not inside a page-tab list")
    if sum(b.isChecked() for b in buttons) > 1:
        problems.append("more than one navigation button is current")
    return problems
