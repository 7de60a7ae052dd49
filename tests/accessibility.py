"""A reusable accessibility harness: every screen's tests call these.

It looks at the app the way assistive technology does: through the Qt
accessibility tree (names, roles, states) and the Tab focus chain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QColor,
    QFontMetrics,
    QPalette,
    QTextDocument,
)
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableWidget,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from tests.accessibility_roles import heading_problems, navigation_problems
from zavmo_desktop.ui.theme import current_stylesheet
from zavmo_desktop.ui.widgets.problem_list import wrapped_height

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
        owner = interface.object()
        named = interface.text(QAccessible.Text.Name) == name or _platform_name(owner) == name
        if named and isinstance(owner, QWidget):
            return owner
    raise LookupError(f"no visible widget named {name!r}")


def find_starting(root: QWidget, start: str) -> QWidget:
    """The visible widget whose accessible name (for a label: its text) starts so."""
    for interface in tree_of(root):
        owner = interface.object()
        name = interface.text(QAccessible.Text.Name)
        visible = not interface.state().invisible
        if visible and name.startswith(start) and isinstance(owner, QWidget):
            return owner
    raise LookupError(f"no visible widget whose name starts {start!r}")


def _platform_name(owner: object) -> str:
    # On Linux Qt reports a combo box's current text as its Name and gives its name
    # through the label relation; Windows and macOS report the accessible name itself.
    if isinstance(owner, QComboBox):
        return owner.accessibleName()
    return ""


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


def unnamed_tab_stops(window: QWidget) -> list[str]:
    """Places Tab stops at that a screen reader cannot name (a bare scroll area, say)."""
    unnamed = []
    for widget in set(focus_chain(window)):
        wants_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (wants_tab and widget.isVisible() and widget.isEnabled()) or widget.focusProxy():
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface.role() == Role.PageTabList:
            continue  # a tab bar: the screen reader names the tab that has the focus
        if not interface.text(QAccessible.Text.Name).strip() and not _platform_name(widget):
            unnamed.append(f"{type(widget).__name__} ({interface.role().name})")
    return unnamed


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
        if not button.isVisible() or not button.text():
            continue
        if button.hasHeightForWidth():  # its words wrap: the longest must fit, and the lines
            if button.minimumSizeHint().width() > button.width() + 1:
                clipped.append(f"button {button.text()[:40]!r}: a word is too wide")
            elif button.heightForWidth(button.width()) > button.height() + 1:
                clipped.append(f"button {button.text()[:40]!r}: its lines are cut")
        elif button.sizeHint().width() > button.width() + 1:
            clipped.append(f"button {button.text()[:40]!r}: too narrow")
    return clipped


def squashed_controls(window: QWidget) -> list[str]:
    """Visible controls given less height than they need: their text's descenders are cut."""
    squashed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QComboBox | QLineEdit | QProgressBar):
            continue
        if not widget.isVisible():
            continue
        needed = max(widget.minimumSizeHint().height(), widget.minimumHeight())
        if isinstance(widget, QPushButton | QComboBox | QLineEdit | QProgressBar):
            needed = max(needed, widget.sizeHint().height())  # a fixed-height control
        if widget.hasHeightForWidth():  # words that wrap onto more lines
            needed = max(needed, widget.heightForWidth(widget.width()))
        if widget.height() < needed - 1:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            squashed.append(
                f"{type(widget).__name__} {name[:40]!r}: {widget.height()}px of {needed}"
            )
    return squashed


def clipped_items(window: QWidget) -> list[str]:
    """Tree cells whose text does not fit: elided on one line, or wrapped lines cut off."""
    clipped = []
    for view in window.findChildren(QTreeWidget):
        if not view.isVisible():
            continue
        metrics = view.fontMetrics()
        items = [(view.topLevelItem(i), 0) for i in range(view.topLevelItemCount())]
        items += [(item.child(j), 1) for item, _ in list(items) for j in range(item.childCount())]
        for item, depth in items:
            for column in range(view.columnCount()):
                text = item.text(column)
                rect = view.visualRect(view.indexFromItem(item, column))
                room = view.header().sectionSize(column) - 16  # the item padding
                if column == 0:
                    room -= view.indentation() * (depth + 1)
                if not text or rect.height() <= 0 or room <= 0:
                    continue
                lines = metrics.boundingRect(
                    QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap), text
                )
                one_line = metrics.horizontalAdvance(text) <= room
                if not (one_line or (view.wordWrap() and lines.height() <= rect.height())):
                    clipped.append(f"{text[:40]!r}: {room}x{rect.height()} px")
    return clipped + clipped_list_items(window) + clipped_cells(window)


def clipped_cells(window: QWidget) -> list[str]:
    """Table cells whose text does not fit the place the style draws it in: elided ("Show
    these …"), a word wider than its column, or wrapped lines cut at the bottom."""
    clipped = []
    for table in window.findChildren(QTableWidget):
        if not table.isVisible():
            continue
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is None or not item.text():
                    continue
                area = _text_area(table, table.indexFromItem(item))
                font = item.font()
                words = QFontMetrics(font)
                widest = max(words.horizontalAdvance(w) for w in item.text().split())
                needed = wrapped_height(font, item.text(), area.width(), anywhere=False)
                if widest > area.width() or needed > area.height():
                    clipped.append(f"cell {item.text()[:40]!r}: {area.width()}x{area.height()}")
    return clipped


def _text_area(view: QAbstractItemView, index: QModelIndex) -> QRect:
    """Where the style draws an item's text: inside its padding, margins and check box."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    QStyledItemDelegate().initStyleOption(option, index)
    element = QStyle.SubElement.SE_ItemViewItemText
    return view.style().subElementRect(element, option, view)


def clipped_list_items(window: QWidget) -> list[str]:
    """List items (content problems, checklist items) not shown whole in the rectangle the
    style draws their text in: cut at the side or the bottom."""
    clipped = []
    for view in window.findChildren(QListWidget):
        if not view.isVisible():
            continue
        anywhere = getattr(view, "wraps_anywhere", False)  # a long path may break anywhere
        for row in range(view.count()):
            item = view.item(row)
            area = _text_area(view, view.indexFromItem(item))
            font = item.font()
            if not item.text() or area.height() <= 0:
                continue
            one_line = QFontMetrics(font).horizontalAdvance(item.text()) <= area.width()
            widest = max(QFontMetrics(font).horizontalAdvance(w) for w in item.text().split())
            needed = wrapped_height(font, item.text(), area.width(), anywhere=anywhere)
            wraps = view.wordWrap() and (anywhere or widest <= area.width())
            if not (one_line or (wraps and needed <= area.height())):
                clipped.append(f"{item.text()[:40]!r}: {area.width()}x{area.height()} px")
    return clipped


# Data tables, which WCAG 1.4.10 lets scroll sideways when their columns cannot fit.
TWO_DIMENSIONAL = {"Skills gap table", "Competency matrix table"}


def sideways_scrolling(window: QWidget) -> list[str]:
    """Lists and pages that scroll sideways (WCAG 1.4.10): a line should never need it."""
    return [
        f"{type(area).__name__} {area.accessibleName()!r}"
        for area in window.findChildren(QAbstractScrollArea)
        if area.isVisible()
        and area.horizontalScrollBar().isVisible()
        and area.accessibleName() not in TWO_DIMENSIONAL
    ]


def shown_rect(widget: QWidget) -> QRect:
    """The part of `widget` on screen now, in window coordinates: what every scroll area
    and parent round it leaves showing."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown &= QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return shown & window.rect()


def cut_at_the_side(window: QWidget) -> list[str]:
    """Controls and text sticking out on the right of a page that cannot scroll sideways:
    what is past the edge (the end of each line, a button) cannot be seen at all."""
    cut = []
    for area in window.findChildren(QScrollArea):
        page = area.widget()
        if not area.isVisible() or page is None or area.horizontalScrollBar().isVisible():
            continue
        edge = area.viewport().width()
        for part in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
            right = part.mapTo(area.viewport(), QPoint(part.width(), 0)).x()
            if part.isVisible() and right > edge + 1:
                cut.append(f"{type(part).__name__} {part.accessibleName()[:40]!r}: {right}>{edge}")
    return cut


# A list of whole sentences, each shown in full in the label under it.
SENTENCE_LISTS = {"Reflection prompt"}


def clipped_combos(window: QWidget) -> list[str]:
    """Drop-down lists too narrow for the choice they show."""
    clipped = []
    for combo in window.findChildren(QComboBox):
        if not combo.isVisible() or not combo.currentText():
            continue
        if combo.accessibleName() in SENTENCE_LISTS:
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        if combo.fontMetrics().horizontalAdvance(combo.currentText()) > field.width():
            clipped.append(f"{combo.accessibleName()!r} shows {combo.currentText()!r} cut")
    return clipped


def misplaced_parts(window: QWidget) -> list[str]:
    """Buttons a field draws inside itself (a search box's clear button) that stick out."""
    misplaced = []
    for field in window.findChildren(QLineEdit):
        if not field.isVisible():
            continue
        for part in field.findChildren(QToolButton):
            if part.isVisible() and not field.rect().contains(part.geometry()):
                misplaced.append(
                    f"{part.accessibleName()!r} at {part.geometry()} in {field.rect()}"
                )
    return misplaced


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


def small_targets(window: QWidget, minimum: int = 24) -> list[str]:
    """Visible controls smaller than 24 x 24 px (WCAG 2.5.8)."""
    small = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QComboBox) or not widget.isVisible():
            continue
        if isinstance(widget.parent(), QLineEdit):
            continue  # a search box's clear button: alone at the end of the box, with 24 px
            # of room round it (the spacing exception of 2.5.8)
        if widget.width() < minimum or widget.height() < minimum:
            small.append(f"{widget.accessibleName()!r}: {widget.width()}x{widget.height()}")
    return small


FOCUS_RULE = re.compile(r"QPushButton:focus[^{]*\{[^}]*border:\s*(\d+)px solid (#[0-9a-fA-F]{6})")


def contrast_problems() -> list[str]:
    """Contrast of the app's current palette and focus ring, measured as a screen shows them:
    body text >= 7:1 (1.4.6), control edges and focus ring >= 3:1 (1.4.11), ring >= 2 px."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette = app.palette()
    R = QPalette.ColorRole
    colour = {role: palette.color(role).name() for role in (
        R.Text, R.Base, R.WindowText, R.Window, R.ButtonText, R.Button, R.PlaceholderText,
        R.HighlightedText, R.Highlight, R.Link)}  # fmt: skip
    focus = FOCUS_RULE.search(current_stylesheet())
    assert focus is not None, "the stylesheet has no focus ring for buttons"
    width, ring = int(focus.group(1)), focus.group(2)
    needs = [
        ("text on page", colour[R.Text], colour[R.Base], 7.0),
        ("text on window", colour[R.WindowText], colour[R.Window], 7.0),
        ("button text", colour[R.ButtonText], colour[R.Button], 7.0),
        ("placeholder text", colour[R.PlaceholderText], colour[R.Base], 4.5),
        ("selected text", colour[R.HighlightedText], colour[R.Highlight], 4.5),
        ("link", colour[R.Link], colour[R.Base], 4.5),
        ("focus ring on window", ring, colour[R.Window], 3.0),
        ("focus ring on page", ring, colour[R.Base], 3.0),
        ("focus ring on button", ring, colour[R.Button], 3.0),
    ]
    problems = [
        f"{what}: {contrast_ratio(a, b):.2f}:1 < {need}:1 ({a} on {b})"
        for what, a, b, need in needs
        if contrast_ratio(a, b) < need
    ]
    if width < 2:
        problems.append(f"focus ring is {width} px, under 2 px")
    return problems


def shown_text(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.replace("&", "").split())


def labels_hiding_text(root: QWidget) -> list[str]:
    """Visible labels whose accessible name is not the text they show: a screen reader
    would announce a placeholder ("Summary") instead of what sighted learners read."""
    hiding = []
    for label in root.findChildren(QLabel):
        shown = shown_text(label) if label.isVisible() else ""
        if not shown:
            continue
        interface = QAccessible.queryAccessibleInterface(label)
        heard = " ".join(interface.text(QAccessible.Text.Name).replace("&", "").split())
        if shown[:60] not in heard:
            hiding.append(f"shows {shown[:40]!r}, announced as {heard[:40]!r}")
    return hiding


def assert_accessible(window: QWidget) -> None:
    """The checks every screen must pass."""
    assert unnamed_interactive(window) == []
    assert labels_hiding_text(window) == []
    assert heading_problems(window) == []
    assert navigation_problems(window) == []
    assert unreachable_by_tab(window) == []
    assert unnamed_tab_stops(window) == []
    assert clipped_labels(window) == []
    assert squashed_controls(window) == []
    assert misplaced_parts(window) == []
    assert clipped_items(window) == []
    assert sideways_scrolling(window) == []
    assert cut_at_the_side(window) == []
    assert clipped_combos(window) == []
    assert small_targets(window) == []
    assert contrast_problems() == []
