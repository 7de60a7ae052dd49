"""What screen readers are told about widgets whose Qt default says the wrong thing.

Qt exposes every QLabel as static text and a checkable QPushButton as a check box. So a
factory gives headings (labels with a `level` property, see labels.heading) the Heading
role and their level, and the navigation buttons (property `nav`) the page-tab role with
the current screen marked "selected", as a tab bar is: not "check box, checked".

Qt asks a factory only on the GUI thread (widgets and the accessibility cache live
there; Qt's multimedia and our speech threads never query it), so this Python code is
never entered from a thread that would wait for the GUI thread's GIL.

When to install: right after the QApplication is made, before any widget exists. Earlier
is too early: QApplication installs Qt's own widget factory, the last installed is asked
first, and Qt's answers for every QLabel and QPushButton. Later is too late for a widget
already asked for its interface: Qt keeps that one in its cache until the widget dies.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAttributesInterface,
    QAccessibleInterface,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QWidget

Role = QAccessible.Role
Text = QAccessible.Text
Level = QAccessible.Attribute.Level
NAV_GROUP = "nav-group"  # the property that marks the navigation column


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


def _interface_for(_class_name: str, thing: QObject) -> QAccessibleInterface | None:
    if isinstance(thing, QLabel) and thing.property("level") is not None:
        return HeadingInterface(thing)
    if isinstance(thing, QAbstractButton) and thing.property("nav"):
        return NavigationTab(thing)
    if isinstance(thing, QWidget) and thing.property(NAV_GROUP):
        return NavigationGroup(thing)
    return None


INSTALLED = "zavmo-accessible-factory"  # an application property: one factory per app


def install(app: QCoreApplication) -> None:
    """Once per application (PySide removes its factories when the application ends)."""
    if not app.property(INSTALLED):
        QAccessible.installFactory(_interface_for)
        app.setProperty(INSTALLED, True)


def mark_navigation(button: QAbstractButton) -> None:
    """Make `button` a navigation tab. Call it before the button has text or a name: with a
    screen reader running, Qt makes a widget's interface as soon as its text is set, and
    keeps that one (the same holds for a heading's `level` and for NAV_GROUP)."""
    button.setProperty("nav", True)
