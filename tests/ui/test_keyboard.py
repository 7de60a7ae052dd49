"""What the shortcuts page promises, and where Tab goes, checked with real key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDateEdit, QRadioButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle, unnamed_tab_stops
from zavmo_desktop.core.content.models import Module
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.theme import colours_for


def board(window: MainWindow) -> Module:
    assert window.learner is not None
    found = window.learner.module("board-storytelling")
    assert found is not None
    return found


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)
    settle()


# --- item 5: every promise on the shortcuts page is true --------------------------------------


def test_enter_and_return_press_the_focused_button(window: MainWindow, qtbot: QtBot) -> None:
    find_by_name(window, "Settings").setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget().accessibleName() == "Settings screen"
    find_by_name(window, "Library").setFocus()
    press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the number pad's Enter
    assert window.stack.currentWidget().accessibleName() == "Library screen"
    modules = window.library.modules
    modules.setCurrentItem(modules.topLevelItem(0).child(0))
    find_by_name(window, "Open module").setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.reader
    assert window.reader.module is not None and window.reader.module.id == "board-storytelling"


def test_arrow_keys_choose_a_reply_and_ctrl_return_sends_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    module = board(window)
    window.open_conversation(module, module.conversations[0])
    screen = window.conversation_screen
    screen.start_button.click()
    settle()
    first = focused()
    assert isinstance(first, QRadioButton) and not first.isChecked()
    press(qtbot, Qt.Key.Key_Down)
    second = screen.choices.buttons[1]
    assert focused() is second and second.isChecked()
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Down)  # and back: each arrow chooses where it lands
    assert screen.choices.selected() == 1
    said = second.accessibleName()
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    learner_said = [v.plain_text() for v in screen.message_views() if v.role == "learner"]
    assert learner_said == [f"You\n{said}"] or said in learner_said[-1]


def test_one_tab_leaves_the_date_field(window: MainWindow, qtbot: QtBot) -> None:
    window.open_module(board(window))
    window.reader.show_tab("Checklists")
    settle()
    find_by_name(window, "Give this item a date").click()
    settle()
    day = find_by_name(window, "Date for this item")
    assert isinstance(day, QDateEdit)
    day.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not day and not day.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is day or day.isAncestorOf(focused())


# --- item 6: focus is visible and goes in reading order ---------------------------------------


def tab_through(qtbot: QtBot, until: str, presses: int = 30) -> list[str]:
    visited = []
    for _ in range(presses):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(focused().accessibleName())
        if visited[-1] == until:
            break
    return visited


def test_each_module_tab_goes_tab_bar_then_its_content_then_the_buttons_under_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_module(board(window))
    first_stop = {
        "Read": "Read aloud",
        "Practise": "Practise: Explaining the platform budget to the CFO",
        "Checklists": "Checklist",
        "Reflections": "Reflection prompt",
    }
    for tab, first in first_stop.items():
        window.reader.show_tab(tab)
        settle()
        window.reader.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
        visited = tab_through(qtbot, until="Mark as complete")
        assert visited[0] == first, tab
        assert visited[-2:] == ["Back to library", "Mark as complete"], (tab, visited)
        assert not {"Home", "Library", "Start focus session"} & set(visited), (tab, visited)


def test_the_reading_options_lists_come_after_their_button(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_module(board(window))
    options = find_by_name(window, "Reading options")
    options.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Space)  # opens the lists under the buttons
    assert tab_through(qtbot, until="Voice") == ["What to read", "Reading speed", "Voice"]


def test_tab_from_a_reply_goes_to_send_then_the_buttons_under_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    module = board(window)
    window.open_conversation(module, module.conversations[0])
    window.conversation_screen.start_button.click()
    settle()
    assert isinstance(focused(), QRadioButton)
    assert tab_through(qtbot, until="Restart conversation") == [
        "Send reply", "Back to module", "Restart conversation"
    ]  # fmt: skip


def ring_depths(widget: QWidget, rect: QRect, colour: str) -> list[int]:
    """How many pixels deep `colour` runs in from the middle of each side of `rect` (after
    up to 2 px of margin)."""
    image = widget.grab().toImage()
    wanted = QColor(colour).rgb()
    middle = rect.center()
    starts = [
        (rect.left(), middle.y(), 1, 0), (rect.right(), middle.y(), -1, 0),
        (middle.x(), rect.top(), 0, 1), (middle.x(), rect.bottom(), 0, -1),
    ]  # fmt: skip
    depths = []
    for x, y, dx, dy in starts:
        margin = next((m for m in range(3) if image.pixel(x + m * dx, y + m * dy) == wanted), 0)
        x, y, depth = x + margin * dx, y + margin * dy, 0
        while image.pixel(x + depth * dx, y + depth * dy) == wanted and depth < 12:
            depth += 1
        depths.append(depth)
    return depths


@pytest.mark.parametrize("ring", [2, 4])
def test_the_module_tab_bar_shows_a_focus_ring(window: MainWindow, ring: int) -> None:
    assert window.learner is not None
    window.learner.settings.set("focus_ring", ring)
    window.open_module(board(window))
    settle()
    bar = window.reader.tabs.tabBar()
    focus = colours_for(window.learner.settings.snapshot()).focus
    window.reader.text.setFocus()
    settle()
    tab = bar.tabRect(bar.currentIndex())
    left, right, _top, bottom = ring_depths(bar, tab, focus)  # the top marks the current tab
    assert (left, right, bottom) == (0, 0, 0)
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    assert ring_depths(bar, tab, focus) == [ring] * 4


@pytest.mark.parametrize(
    ("key", "first"),
    [
        (Qt.Key.Key_5, "Preset"),
        (Qt.Key.Key_4, "Search modules"),
        (Qt.Key.Key_3, "Hours per week"),
        (Qt.Key.Key_2, "Start assessment"),
        (Qt.Key.Key_1, "Go to my pathway"),  # Home begins with the week's pathway
    ],
)
def test_ctrl_number_lands_on_the_screens_first_control(
    window: MainWindow, qtbot: QtBot, key: Qt.Key, first: str
) -> None:
    window.open_module(board(window))
    window.reader.text.setFocus()
    press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
    assert focused().accessibleName() == first


def test_the_settings_page_is_not_an_unnamed_tab_stop(window: MainWindow, qtbot: QtBot) -> None:
    window.show_screen("Settings")
    find_by_name(window, "Preset").setFocus()
    visited = [type(focused())]
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Backtab)
        visited.append(type(focused()))
    assert QScrollArea not in visited
    assert unnamed_tab_stops(window) == []


def test_in_preview_mode_the_focused_control_stays_in_view(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.learner is not None
    window.learner.settings.set("preview_changes", True)
    window.show_screen("Settings")
    settle()
    screen = window.settings_screen
    combo = screen.controls.widgets["timer_long_break_after"]
    screen.scroll.ensureWidgetVisible(combo, 0, 0)  # at the bottom edge of the page
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Down)  # a change: the preview opens under the page
    assert screen.preview.isVisible()
    viewport = screen.scroll.viewport()
    shown = QRect(combo.mapTo(viewport, combo.rect().topLeft()), combo.size())
    assert viewport.rect().contains(shown), (shown, viewport.rect())
