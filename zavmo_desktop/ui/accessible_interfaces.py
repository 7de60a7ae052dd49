"""The accessible interfaces of ui/accessible.py's factory: a heading, a navigation tab and
the navigation group. Imported the first time a screen reader (or a test) asks about a
heading or the navigation, not at start: these classes cost ~2 ms to load."""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

Role = QAccessible.Role
Text = QAccessible.Text
Level = QAccessible.Attribute.Level


class HeadingInterface(QAccessibleWidget, QAccessibleAttributesInterface):
    """A heading: its text as its name, its level as the Level attribute."""

    def __init__(self, label: QLabel) -> None:
        QAccessibleWidget.__init__(self, label, Role.Heading)
        QAccessibleAttributesInterface.__init__(self)

    def text(self, kind: QAccessible.Text) -> str:
        label = self.widget()
        if kind == Text.Name and isinstance(label, QLabel):
            return label.accessibleName() or label.text()
        return super().text(kind)

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [Level]

    def attributeValue(self, key: QAccessible.Attribute) -> object:
        return int(self.widget().property("level")) if key == Level else None

    def interface_cast(self, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:
        # Qt calls this from C++ and must get a VoidPtr back, null included: an int or None
        # crashes shiboken as it reports the wrong type (PySide 6.11), so a screen reader
        # asking for, say, the text interface would crash the app.
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return shiboken6.VoidPtr(shiboken6.getCppPointer(self)[1])  # the attributes half
        cast = QAccessibleWidget.interface_cast(self, kind)
        return shiboken6.VoidPtr(0) if cast is None else cast


class NavigationTab(QAccessibleWidget):
    """A navigation button as a page tab: "selected" marks the screen showing now."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, Role.PageTab)

    def state(self) -> QAccessible.State:
        state = super().state()
        button = self.widget()
        state.selectable = True
        state.selected = isinstance(button, QAbstractButton) and button.isChecked()
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        button = self.widget()
        if name == QAccessibleActionInterface.pressAction() and isinstance(button, QAbstractButton):
            button.click()
        else:
            super().doAction(name)


class NavigationGroup(QAccessibleWidget):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, Role.PageTabList)
