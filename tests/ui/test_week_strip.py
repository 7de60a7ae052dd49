"""This week's plan kept in view above every screen (the Autism preset's "Keep this week's
plan in view"): named, in the Tab order after the navigation, at 200% text in a small
window, following a tick on the Pathway screen, and saying plainly when there is no plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle, shown_rect
from tests.ui.test_navigation import show
from tests.ui.test_pathway_screen import START, create
from zavmo_desktop.core.pathway.this_week import NO_PLAN
from zavmo_desktop.core.settings.presets import PRESETS, apply_preset
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screen_table import NAVIGATION
from zavmo_desktop.ui.widgets.week_strip import WeekStrip

STRIP, STEPS = "This week's plan", "Steps planned this week"
# Every screen a learner reaches, and the reader and a practice conversation.
SCREENS = [*NAVIGATION, "Keyboard shortcuts", "reader:Read", "reader:Checklists",
           "conversation"]  # fmt: skip


def strip(window: MainWindow) -> WeekStrip:
    found = find_by_name(window, STRIP)
    assert isinstance(found, WeekStrip) and found.isVisible()
    assert not shown_rect(found).isEmpty()
    return found


def steps(window: MainWindow) -> list[str]:
    view = find_by_name(window, STEPS)
    assert isinstance(view, QListWidget)
    return [view.item(i).text() for i in range(view.count())]


def in_autism_preset(window: MainWindow, scale: int = 100, theme: str = "") -> None:
    assert window.learner is not None
    window.resize(1100, 760)
    apply_preset(window.learner.settings, PRESETS["autism"])
    window.learner.settings.set("text_scale", scale)
    if theme:
        window.learner.settings.set("theme", theme)
    settle()


def with_a_plan(window: MainWindow, qtbot: QtBot) -> None:
    window.clock = lambda: START
    create(window, qtbot)


def test_the_autism_preset_shows_it_will_keep_the_week_in_view_then_does(
    window: MainWindow, qtbot: QtBot
) -> None:
    with pytest.raises(LookupError):
        find_by_name(window, STRIP)  # off by default: not even made
    window.show_screen("Settings")
    screen = window.settings_screen
    screen.preset.setCurrentIndex(screen.preset.findData("autism"))
    assert "Keep this week's plan in view from off to on" in screen.preset_changes.text()
    assert "this week's plan kept in view" in screen.preset_description.text()
    find_by_name(window, "Apply preset").click()
    settle()
    assert strip(window).summary.text() == NO_PLAN
    box = find_by_name(window, "Keep this week's plan in view")
    assert isinstance(box, QCheckBox) and box.isChecked()


def test_with_no_plan_every_screen_says_so_in_one_line(window: MainWindow, qtbot: QtBot) -> None:
    in_autism_preset(window)
    for name in NAVIGATION:
        window.show_screen(name)
        settle()
        shown = strip(window)
        assert shown.summary.text() == "No plan yet: create your pathway in Pathway."
        assert not shown.steps.isVisible() and not shown.toggle.isVisible()


@pytest.mark.parametrize("screen", SCREENS)
def test_on_every_screen_at_200_percent_it_shows_the_week_and_clips_nothing(
    window: MainWindow, qtbot: QtBot, screen: str
) -> None:
    with_a_plan(window, qtbot)
    in_autism_preset(window, 200)
    show(window, screen)
    settle()
    shown = strip(window)
    assert shown.summary.text() == "This week (week 1): 0 of 2 steps done, 0 min of about 1 h."
    rows = steps(window)
    assert rows[0] == "Sat 5 Dec: Telling the board the ML story, 30 min"
    assert all(" min" in row or "Milestone" in row for row in rows)
    assert shown.height() <= window.height() * 0.25 + 1  # the screen keeps three quarters
    assert_accessible(window)


@pytest.mark.parametrize("screen", ["Pathway", "reader:Read"])
def test_in_high_contrast_at_200_percent_it_clips_nothing(
    window: MainWindow, qtbot: QtBot, screen: str
) -> None:
    with_a_plan(window, qtbot)
    in_autism_preset(window, 200, theme="high_contrast")
    show(window, screen)
    settle()
    assert strip(window).summary.text().startswith("This week (week 1)")
    assert_accessible(window)


def test_ticking_a_step_on_the_pathway_ticks_it_in_the_strip(
    window: MainWindow, qtbot: QtBot
) -> None:
    with_a_plan(window, qtbot)
    in_autism_preset(window)
    this_week = find_by_name(window, "This week")  # the Pathway screen's own checklist
    assert isinstance(this_week, QListWidget)
    view = find_by_name(window, STEPS)
    assert isinstance(view, QListWidget)
    assert view.item(0).checkState() == Qt.CheckState.Unchecked
    this_week.setFocus()
    this_week.setCurrentRow(0)
    qtbot.keyClick(this_week, Qt.Key.Key_Space)
    settle()
    assert view.item(0).checkState() == Qt.CheckState.Checked
    assert view.item(0).text().endswith("30 min (done)")
    assert strip(window).summary.text().startswith("This week (week 1): 1 of 2 steps done, 30 min")
    qtbot.keyClick(this_week, Qt.Key.Key_Space)  # and unticked again
    settle()
    assert view.item(0).checkState() == Qt.CheckState.Unchecked


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_tab_goes_from_the_navigation_to_the_strip_to_the_screen_and_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    with_a_plan(window, qtbot)
    in_autism_preset(window)
    window.show_screen("Library")
    find_by_name(window, "Keyboard shortcuts").setFocus()
    names = []
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        names.append(focused().accessibleName())
    strip_at = names.index("Hide the steps")
    assert names[strip_at + 1] == STEPS
    assert names[strip_at + 2] == "Search modules"  # then the screen: focus is not trapped
    find_by_name(window, "Search modules").setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused().accessibleName() == STEPS
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused().accessibleName() == "Hide the steps"
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused().accessibleName() in {"Keyboard shortcuts", "Start focus session"}


def test_hide_the_steps_keeps_the_summary_and_the_setting_turns_it_off(
    window: MainWindow, qtbot: QtBot
) -> None:
    with_a_plan(window, qtbot)
    in_autism_preset(window)
    shown = strip(window)
    full = shown.height()
    button = find_by_name(window, "Hide the steps")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    settle()
    assert not shown.steps.isVisible()
    assert find_by_name(window, "Show the steps").hasFocus()
    assert strip(window).height() < full and shown.summary.isVisible()
    window.show_screen("Settings")
    box = find_by_name(window, "Keep this week's plan in view")
    assert isinstance(box, QCheckBox)
    window.learner.settings.set("preview_changes", False)  # type: ignore[union-attr]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    settle()
    assert not shown.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # on by hand, without the preset
    settle()
    assert strip(window) is shown


def test_it_follows_the_text_size_live(window: MainWindow, qtbot: QtBot) -> None:
    with_a_plan(window, qtbot)
    in_autism_preset(window, 100)
    label: QLabel = strip(window).summary
    before = label.fontInfo().pointSizeF()
    window.learner.settings.set("text_scale", 200)  # type: ignore[union-attr]
    settle()
    assert label.fontInfo().pointSizeF() >= 1.9 * before


def test_not_over_the_onboarding(open_window: object, qtbot: QtBot) -> None:
    window = open_window(onboarding=True)  # type: ignore[operator]
    assert window.learner is not None
    window.learner.settings.set("week_in_view", True)
    settle()
    assert window.stack.currentWidget() is window.onboarding_screen
    assert window.week_strip is not None and not window.week_strip.isVisible()
    window.onboarding_screen.skip_all.click()
    settle()
    assert strip(window).summary.text() == NO_PLAN
