"""What screen readers are told about widgets whose Qt default says the wrong thing.

Qt exposes every QLabel as static text and a checkable QPushButton as a check box. So a
factory gives headings (labels with a `level` property, see labels.heading) the Heading
role and their level, and the navigation buttons (property `nav`) the page-tab role with
the current screen marked "selected", as a tab bar is: not "check box, checked".
The interfaces themselves (ui/accessible_interfaces.py) load when Qt first asks about a
marked widget, which it does only while a screen reader (or a test) is listening; the
factory is installed at start, as it must be (below), and costs only QAccessible there.

Qt asks a factory only on the GUI thread (widgets and the accessibility cache live
there; Qt's multimedia and our speech threads never query it), so this Python code is
never entered from a thread that would wait for the GUI thread's GIL.

When to install: right after the QApplication is made, before any widget exists. Earlier
is too early: QApplication installs Qt's own widget factory, the last installed is asked
first, and Qt's answers for every QLabel and QPushButton. Later is too late for a widget
already asked for its interface: Qt keeps that one in its cache until the widget dies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtGui import QAccessibleInterface
    from PySide6.QtWidgets import QAbstractButton

NAV_GROUP = "nav-group"  # the property that marks the navigation column


def _interface_for(_class_name: str, thing: QObject) -> QAccessibleInterface | None:
    # Shiboken can hand over a stale wrapper of another type (a QWidgetItem) for an object
    # made at a reused address: not ours to judge, so Qt's own interface answers.
    marked = getattr(thing, "property", None)
    # Qt asks about every object it meets: most carry none of our marks.
    if marked is None or all(marked(mark) is None for mark in ("level", "nav", NAV_GROUP)):
        return None
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    from zavmo_desktop.ui import accessible_interfaces as interfaces

    if isinstance(thing, QLabel) and thing.property("level") is not None:
        return interfaces.HeadingInterface(thing)
    if isinstance(thing, QAbstractButton) and thing.property("nav"):
        return interfaces.NavigationTab(thing)
    if isinstance(thing, QWidget) and thing.property(NAV_GROUP):
        return interfaces.NavigationGroup(thing)
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
