"""Onboarding on a first start, driven as a keyboard or screen-reader user would drive it,
on a real data folder that is closed and opened again."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, names_starting, settle
from tests.benchmarks._extra_pack import write_extra_pack
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.profile.model import LearnerProfile, Onboarding
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.ui.main_window import MainWindow

ROLE = "Director of Machine Learning Engineering"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def focused_name() -> str:
    widget = focused()
    owner = widget.parent() if isinstance(widget.parent(), QDoubleSpinBox) else widget
    return owner.accessibleName()  # type: ignore[union-attr]


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key)
    settle()


def tab_to(qtbot: QtBot, name: str) -> None:
    for _ in range(40):
        if focused_name() == name:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r}")


def step_text(window: MainWindow) -> str:
    return str(window.onboarding_screen.step_label.text())


def stored(window: MainWindow) -> LearnerProfile:
    assert window.learner is not None
    return window.learner.profile.load()


def test_a_first_start_shows_onboarding_in_place_of_home(open_window: OpenWindow) -> None:
    window = open_window(onboarding=True)
    assert window.stack.currentWidget() is window.onboarding_screen
    assert window.nav_buttons["Home"].isChecked()
    assert all(button.isEnabled() for button in window.nav_buttons.values())
    assert names_starting(window, "Step 1 of 5") == ["Step 1 of 5: About you"]
    assert focused_name() == "Your name or nickname"
    window.show_screen("Library")  # nothing is forced: the learner may look around first
    window.show_screen("Home")
    assert window.stack.currentWidget() is window.onboarding_screen


def test_the_whole_onboarding_by_keyboard_alone(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window(onboarding=True)
    qtbot.keyClicks(focused(), "Sam")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused_name() == "Role you are working towards"
    press(qtbot, Qt.Key.Key_Down)  # the first installed role, after "Not chosen yet"
    press(qtbot, Qt.Key.Key_Return)  # Enter in a field is Next
    assert step_text(window) == "Step 2 of 5: Your week"
    assert focused_name() == "Hours per week"
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "4.5")
    tab_to(qtbot, "Tuesday")
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "Thursday")
    press(qtbot, Qt.Key.Key_Space)
    assert names_starting(window, "That is about") == [
        "That is about 2 hours 15 minutes on each of your 2 study days."
    ]
    press(qtbot, Qt.Key.Key_Return)
    assert step_text(window) == "Step 3 of 5: Your dates"
    assert focused_name() == "Start date"
    press(qtbot, Qt.Key.Key_Up)  # the day: one later than today
    tab_to(qtbot, "I have a target date")
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert step_text(window) == "Step 4 of 5: How you work best"
    press(qtbot, Qt.Key.Key_Space)  # the first statement: long blocks of text tire me out
    tab_to(qtbot, "Hearing text read out helps me follow it.")
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert step_text(window) == "Step 5 of 5: A suggestion for your settings"
    dyslexia = PRESETS["dyslexia"]
    assert names_starting(window, "Your answers suggest") == [
        f"Your answers suggest the {dyslexia.name} preset: {dyslexia.description}"
    ]
    assert window.learner is not None
    assert window.learner.settings.get("theme") == "light"  # nothing applied yet
    assert focused_name() == "Apply this preset"
    press(qtbot, Qt.Key.Key_Return)
    assert window.learner.settings.get("theme") == "cream"
    assert window.learner.settings.get("font") == "lexend"
    tab_to(qtbot, "Finish")
    press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.home

    today = date.today()
    six_months = QDate(today.year, today.month, today.day).addMonths(6)
    assert stored(window) == LearnerProfile(
        name="Sam",
        role="director-ml-engineering",
        hours_per_week=4.5,
        study_days=(1, 3),
        start_date=today + timedelta(days=1),
        target_date=date(six_months.year(), six_months.month(), six_months.day()),
        how_i_work=("reading_long_text", "reading_listen"),
        onboarding=Onboarding.FINISHED,
    )


def test_skip_setup_goes_home_and_asks_nothing_again(open_window: OpenWindow) -> None:
    window = open_window(onboarding=True)
    find_by_name(window, "Skip setup").click()
    assert window.stack.currentWidget() is window.home
    assert stored(window) == LearnerProfile(onboarding=Onboarding.SKIPPED)
    window.close()
    again = open_window(onboarding=True)
    assert not again.onboarding
    assert again.stack.currentWidget() is again.home
    assert again.built_screens() == ["Home"]


def test_skipping_every_step_answers_nothing(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window(onboarding=True)
    for number in range(4):
        assert step_text(window).startswith(f"Step {number + 1} of 5")
        find_by_name(window, "Skip this step").click()
    assert names_starting(window, "You did not tick anything")
    find_by_name(window, "Finish").click()
    assert stored(window) == LearnerProfile(onboarding=Onboarding.FINISHED)


def test_a_restart_part_way_resumes_with_everything_entered(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(onboarding=True)
    qtbot.keyClicks(focused(), "Alex")
    press(qtbot, Qt.Key.Key_Return)
    hours = find_by_name(window, "Hours per week")
    assert isinstance(hours, QDoubleSpinBox)
    hours.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "6")
    window.close()  # at once, before the pause after typing has passed

    again = open_window(onboarding=True)
    assert again.stack.currentWidget() is again.onboarding_screen
    assert step_text(again) == "Step 2 of 5: Your week"
    shown = find_by_name(again, "Hours per week")
    assert isinstance(shown, QDoubleSpinBox) and shown.value() == 6.0
    find_by_name(again, "Back").click()
    name = find_by_name(again, "Your name or nickname")
    assert isinstance(name, QLineEdit) and name.text() == "Alex"


def test_a_target_before_the_start_is_explained_and_never_stored(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(onboarding=True)
    screen = window.onboarding_screen
    screen.go_to(2)
    find_by_name(window, "I have a target date").click()
    target = find_by_name(window, "Target date")
    start = find_by_name(window, "Start date")
    target.setDate(start.date().addDays(-3))  # type: ignore[attr-defined]
    find_by_name(window, "Next").click()
    assert step_text(window) == "Step 3 of 5: Your dates"  # it stays, and says why
    message = names_starting(window, "The target date needs to be after the start date")
    assert len(message) == 1
    assert focused_name() == "Target date"
    settle()
    assert stored(window).target_date is None
    assert stored(window).start_date == date.today()  # the part that makes sense is kept
    find_by_name(window, "Skip this step").click()
    assert step_text(window) == "Step 4 of 5: How you work best"
    assert stored(window).target_date is None


def test_zero_hours_is_accepted_with_an_honest_word(open_window: OpenWindow) -> None:
    window = open_window(onboarding=True)
    window.onboarding_screen.go_to(1)
    hours = find_by_name(window, "Hours per week")
    assert isinstance(hours, QDoubleSpinBox)
    assert (hours.minimum(), hours.maximum()) == (0, 60)
    hours.setValue(0)
    assert names_starting(window, "With 0 hours a week Zavmo cannot plan your weeks yet")
    find_by_name(window, "Next").click()
    assert stored(window).hours_per_week == 0.0


def test_answers_can_be_changed_later_in_settings(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window(onboarding=True)
    qtbot.keyClicks(focused(), "Sam")
    find_by_name(window, "Skip setup").click()
    window.show_screen("Settings")
    settle()
    name = find_by_name(window, "Your name or nickname")
    assert isinstance(name, QLineEdit) and name.text() == "Sam"
    role = find_by_name(window, "Role you are working towards")
    assert isinstance(role, QComboBox)
    role.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    hours = find_by_name(window, "Hours per week")
    window.settings_screen.scroll.ensureWidgetVisible(hours)
    hours.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), "2")
    find_by_name(window, "Bright colours or busy screens bother me.").click()
    assert names_starting(window, "Your answers suggest the Autism")
    window.show_screen("Home")  # leaving the page saves what waits
    window.close()
    again = open_window()
    profile = stored(again)
    assert (profile.name, profile.role, profile.hours_per_week) == (
        "Sam", "director-ml-engineering", 2.0,
    )  # fmt: skip
    assert profile.how_i_work == ("sensory_busy",)
    assert profile.onboarding is Onboarding.SKIPPED  # changing answers does not restart it
    assert again.learner is not None
    assert again.learner.settings.get("theme") == "light"  # a suggestion, never applied by itself


def test_the_roles_are_the_installed_packs(open_window: OpenWindow, tmp_path: Path) -> None:
    extra = write_extra_pack(tmp_path / "pack", 1)
    manifest = extra / "pack.yaml"
    text = manifest.read_text("utf-8").replace(f"title: {ROLE}", "title: Head of Data")
    manifest.write_text(text, "utf-8")
    window = open_window("--content", str(extra), onboarding=True)
    role = find_by_name(window, "Role you are working towards")
    assert isinstance(role, QComboBox)
    assert [role.itemText(i) for i in range(role.count())] == [
        "Not chosen yet", ROLE, "Head of Data",
    ]  # fmt: skip


def test_enter_on_back_goes_back(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window(onboarding=True)
    press(qtbot, Qt.Key.Key_Return)
    assert step_text(window).startswith("Step 2 of 5")
    find_by_name(window, "Back").setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert step_text(window).startswith("Step 1 of 5")


def test_not_now_changes_nothing_and_says_so(open_window: OpenWindow) -> None:
    window = open_window(onboarding=True)
    screen = window.onboarding_screen
    screen.go_to(3)
    find_by_name(window, "Pale or low-contrast text is hard for me to see.").click()
    find_by_name(window, "Next").click()
    assert window.learner is not None
    before = window.learner.settings.snapshot()
    assert names_starting(window, "Applying it changes 3 settings: Text size from 100% to 150%")
    find_by_name(window, "Not now").click()
    assert window.learner.settings.snapshot() == before
    assert not screen.suggestion.preview.isVisible()
    assert names_starting(window, "Nothing was changed.")


def test_discover_counts_weeks_from_the_hours_given_in_onboarding(
    open_window: OpenWindow,
) -> None:
    window = open_window(onboarding=True)
    window.onboarding_screen.go_to(1)
    hours = find_by_name(window, "Hours per week")
    assert isinstance(hours, QDoubleSpinBox)
    hours.setValue(2)
    find_by_name(window, "Skip setup").click()
    window.show_screen("Discover")
    settle()
    overall = window.screen("Discover").overall.text()
    assert "Set your hours per week" not in overall
    assert "week" in overall and "at 2 hours a week" in overall, overall
