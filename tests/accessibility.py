"""A reusable accessibility harness: every screen's tests call these.

It looks at the app the way assistive technology does: through the Qt
accessibility tree (names, roles, states) and the Tab focus chain.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

Role = QAccessible.Role
INTERACTIVE_ROLES = {
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.SpinBox,
    Role.EditableText, Role.List, Role.Tree, Role.Table, Role.Slider, Role.Dial,
    Role.ScrollBar, Role.PageTab, Role.MenuItem, Role.ButtonMenu, Role.ButtonDropDown,
    Role.Link, Role.ProgressBar, Role.Document,
}  # fmt: skip
# Parts Qt itself adds inside composite widgets: they are named by their owner.
OWNED_BY_PARENT = {Role.ScrollBar}


def settle(rounds: int = 4) -> None:
    """Let restyling and the layout passes it triggers finish, as they would before a paint."""
    for _ in range(rounds):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def walk(interface: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    if interface is None or not interface.isValid() or depth > 60:
        return
    yield interface
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None:
            yield from walk(child, depth + 1)


def tree_of(widget: QWidget) -> Iterator[QAccessibleInterface]:
    return walk(QAccessible.queryAccessibleInterface(widget))


def unnamed_interactive(widget: QWidget) -> list[str]:
    """Every visible interactive element with no accessible name, described for the failure."""
    missing = []
    for interface in tree_of(widget):
        role = interface.role()
        if role not in INTERACTIVE_ROLES or role in OWNED_BY_PARENT:
            continue
        if interface.state().invisible:
            continue
        if not interface.text(QAccessible.Text.Name).strip():
            owner = interface.object()
            kind = type(owner).__name__ if owner is not None else "?"
            missing.append(f"{role.name} ({kind} {owner.objectName() if owner else ''})")
    return missing


def find_by_name(root: QWidget, name: str) -> QWidget:
    """The visible widget a screen-reader user would find under this name."""
    for interface in tree_of(root):
        if interface.state().invisible:
            continue
        if interface.text(QAccessible.Text.Name) == name:
            owner = interface.object()
            if isinstance(owner, QWidget):
                return owner
    raise LookupError(f"no visible widget named {name!r}")


def names_starting(root: QWidget, prefix: str) -> list[str]:
    return [
        i.text(QAccessible.Text.Name)
        for i in tree_of(root)
        if not i.state().invisible and i.text(QAccessible.Text.Name).startswith(prefix)
    ]


def focus_chain(window: QWidget) -> list[QWidget]:
    """Widgets Tab visits, in order, starting anywhere in the window."""
    start = window.focusWidget() or window
    seen: list[QWidget] = []
    current = start.nextInFocusChain()
    for _ in range(2000):
        if current is start:
            break
        seen.append(current)
        current = current.nextInFocusChain()
    return seen


def unreachable_by_tab(window: QWidget) -> list[str]:
    chain = set(focus_chain(window)) | {window.focusWidget()}
    missing = []
    for widget in window.findChildren(QWidget):
        wants_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if wants_tab and widget.isVisible() and widget.isEnabled() and widget not in chain:
            missing.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return missing


def clipped_labels(window: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the space they were given."""
    clipped = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                clipped.append(
                    f"label {label.text()[:40]!r}: needs {needed}px, has {label.height()}"
                )
        elif label.sizeHint().width() > label.width() + 1:
            clipped.append(f"label {label.text()[:40]!r}: too narrow")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width() + 1:
            clipped.append(f"button {button.text()[:40]!r}: too narrow")
    return clipped


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    lighter, darker = sorted(
        (relative_luminance(QColor(first)), relative_luminance(QColor(second))), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def assert_accessible(window: QWidget) -> None:
    """The checks every screen must pass."""
    assert unnamed_interactive(window) == []
    assert unreachable_by_tab(window) == []
    assert clipped_labels(window) == []
