"""Discover and Discuss as a new learner meets them, from a fresh data folder, in the real
window, by keyboard alone: every key goes to the focused widget, and widgets are found by
their accessible names only to check what they say, never to press them.

Onboarding (all five steps, the suggested Autism preset applied from its preview), the whole
assessment over the bundled framework (every competency, every scenario question), the heat
map cell by cell with what each cell announces, a pathway, this week's plan in view above
the screens, one step ticked, two weeks passing with nothing else ticked, a re-plan shown
beside the old plan and accepted, and the calendar exported through the file dialog and
read back with icalendar.

Set ZAVMO_JOURNEY_RECORD=DIR to keep a screenshot of each stage for a person to look at.
"""

from __future__ import annotations

import os
import time
from datetime import date, timedelta
from pathlib import Path

import icalendar
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.ui.conftest import OpenWindow
from tests.ui.test_keyboard import focused, press
from zavmo_desktop.core.assessment.heat_map import heat_map
from zavmo_desktop.core.assessment.steps import RATING, steps
from zavmo_desktop.core.pathway.model import StepKind
from zavmo_desktop.core.profile.how_i_work import STATEMENTS
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def tab_to(qtbot: QtBot, name: str, presses: int = 60, back: bool = False) -> None:
    for _ in range(presses):
        if focused().accessibleName() == name:
            return
        press(qtbot, Qt.Key.Key_Tab, SHIFT if back else Qt.KeyboardModifier.NoModifier)
    raise AssertionError(f"Tab never reached {name!r}; it is on {focused().accessibleName()!r}")


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)
    settle()


def snap(window: MainWindow, name: str) -> None:
    folder = os.environ.get("ZAVMO_JOURNEY_RECORD")
    if folder:
        settle()
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


def step_title(window: MainWindow) -> str:
    return window.onboarding_screen.step_label.text()


def onboarding(window: MainWindow, qtbot: QtBot) -> None:
    assert focused() is find_by_name(window, "Your name or nickname")
    type_text(qtbot, "Sam")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is find_by_name(window, "Role you are working towards")
    press(qtbot, Qt.Key.Key_Down)  # from "Not chosen yet" to the bundled role
    press(qtbot, Qt.Key.Key_Return)  # Enter in a field is Next
    assert step_title(window) == "Step 2 of 5: Your week"
    assert focused() is find_by_name(window, "Hours per week")
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "4")
    for day in DAYS:  # every day, so this week has study days whatever day the test runs
        tab_to(qtbot, day)
        press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert step_title(window) == "Step 3 of 5: Your dates"
    assert focused() is find_by_name(window, "Start date")  # today, as it is
    press(qtbot, Qt.Key.Key_Return)
    assert step_title(window) == "Step 4 of 5: How you work best"
    for statement in ("sensory_busy", "routine_next", "routine_literal"):
        tab_to(qtbot, STATEMENTS[statement].text)
        press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return)
    assert step_title(window) == "Step 5 of 5: A suggestion for your settings"
    suggestion = window.onboarding_screen.suggestion
    assert PRESETS["autism"].name in suggestion.summary.text()
    # What it would change, before it changes: this week's plan kept in view among it.
    assert "Keep this week's plan in view" in suggestion.preview.summary.text()
    snap(window, "onboarding-suggestion")
    tab_to(qtbot, "Apply this preset")
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "Finish")
    press(qtbot, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.home
    assert window.learner is not None
    profile = window.learner.profile.load()
    assert (profile.name, profile.hours_per_week, profile.study_days) == (
        "Sam",
        4.0,
        tuple(range(7)),
    )
    assert profile.role == window.learner.roles()[0][0]  # chosen with the Down key
    strip = find_by_name(window, "This week's plan")  # the Autism preset keeps it in view
    assert strip.summary.text() == "No plan yet: create your pathway in Pathway."  # type: ignore[attr-defined]


def assessment(window: MainWindow, qtbot: QtBot) -> dict[str, object]:
    qtbot.keyClick(focused(), Qt.Key.Key_2, CTRL)
    settle()
    screen = window.screen("Discover")
    assert focused() is find_by_name(window, "Start assessment")
    press(qtbot, Qt.Key.Key_Space)
    framework = screen.pack.framework
    every = steps(framework)
    assert sum(s.question != RATING for s in every) >= 2  # some scenario questions
    for number, step in enumerate(every):
        assert screen.question.step == step
        moves = 1 + number % 3 if step.question == RATING else number % 2  # varied answers
        for _ in range(moves):
            press(qtbot, Qt.Key.Key_Down)
        if moves == 0:
            press(qtbot, Qt.Key.Key_Space)  # the first choice, chosen where it is
        tab_to(qtbot, "Finish the assessment" if number == len(every) - 1 else "Next question")
        press(qtbot, Qt.Key.Key_Space)
    assert screen.pages.currentIndex() == 0
    answers = window.learner.assessments.answers(screen.round.id)  # type: ignore[union-attr]
    assert set(answers) == {c.id for a in framework.areas for c in a.competencies}
    assert all(a.self_rating for a in answers.values())
    return answers


def heat_map_by_keyboard(window: MainWindow, qtbot: QtBot, answers: dict[str, object]) -> None:
    screen = window.screen("Discover")
    areas = heat_map(screen.pack.framework, answers)  # type: ignore[arg-type]
    assert find_by_name(window, "Skills gap heat map").isVisible()
    first, second, below = areas[0].cells[0], areas[0].cells[1], areas[1].cells[1]
    tab_to(qtbot, first.announcement)
    assert first.announcement.startswith("Executive communication and influence: now ")
    press(qtbot, Qt.Key.Key_Right)
    assert focused().accessibleName() == second.announcement
    press(qtbot, Qt.Key.Key_Down)  # the next area, the same place in it
    assert focused().accessibleName() == below.announcement
    assert " target " in below.announcement and ", gap " in below.announcement
    snap(window, "heat-map")


def create_pathway(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)
    settle()
    assert focused() is find_by_name(window, "Hours per week")
    assert focused().value() == 4  # type: ignore[attr-defined]  # from the onboarding
    tab_to(qtbot, "Create my pathway")
    press(qtbot, Qt.Key.Key_Space)
    this_week = find_by_name(window, "This week")
    assert focused() is this_week and isinstance(this_week, QListWidget)
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Space)  # tick the first step
    assert this_week.item(0).checkState() == Qt.CheckState.Checked
    steps_in_view = find_by_name(window, "Steps planned this week")
    assert isinstance(steps_in_view, QListWidget)
    assert steps_in_view.item(0).text().endswith("(done)")  # the strip followed
    snap(window, "pathway-ticked")


def two_weeks_later_replan(window: MainWindow, qtbot: QtBot, today: date) -> None:
    """Time passes: the app's clock says two weeks on, and nothing else was ticked."""
    window.clock = lambda: today + timedelta(days=14)
    qtbot.keyClick(focused(), Qt.Key.Key_1, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)
    settle()
    screen = window.screen("Pathway")
    assert screen._behind.isVisible() and "not ticked yet" in screen._behind.text()
    assert window.learner is not None
    before = window.learner.pathway.current()
    tab_to(qtbot, "Re-plan from today")
    press(qtbot, Qt.Key.Key_Space)
    for name in ("Current plan, week by week", "New plan, week by week", "What moves"):
        assert find_by_name(window, name).isVisible()  # old beside new, before accepting
    assert window.learner.pathway.current() == before
    snap(window, "replan-beside")
    assert focused() is find_by_name(window, "Accept the new plan")
    press(qtbot, Qt.Key.Key_Space)
    after = window.learner.pathway.current()
    assert after is not None and before is not None
    assert after.reason == "replan" and after.replaces == before.id
    assert window.learner.pathway.done(after.id) == window.learner.pathway.done(before.id)
    strip = find_by_name(window, "This week's plan")
    assert strip.summary.text().startswith("This week (week 3)")  # type: ignore[attr-defined]
    snap(window, "replanned")


def export_calendar(window: MainWindow, qtbot: QtBot, path: Path) -> None:
    """Export calendar opens the file dialog; its file name box takes a typed path."""
    typed: list[str] = []
    tries: list[int] = []

    def type_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        tries.append(1)
        if isinstance(dialog, QFileDialog) and len(tries) > 100:
            dialog.reject()  # fail, rather than hang, if the focus never gets there
            return
        box = QApplication.focusWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isAncestorOf(box):
            if isinstance(dialog, QFileDialog):
                dialog.activateWindow()  # as a window manager does with a new dialog
            QTimer.singleShot(50, type_in_dialog)
            return
        assert isinstance(box, QLineEdit), box  # the file name, the suggested one selected
        qtbot.keyClick(box, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(box, str(path))
        typed.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    tab_to(qtbot, "Export calendar")
    QTimer.singleShot(50, type_in_dialog)
    press(qtbot, Qt.Key.Key_Space)
    assert typed == [str(path)], "the file dialog never took the typed path"
    assert path.exists()


def test_the_whole_of_discover_and_discuss_by_keyboard_alone(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    started = time.perf_counter()
    window = open_window(onboarding=True)  # a fresh data folder
    assert window.stack.currentWidget() is window.onboarding_screen
    today = window.today()
    onboarding(window, qtbot)
    answers = assessment(window, qtbot)
    heat_map_by_keyboard(window, qtbot, answers)
    create_pathway(window, qtbot)
    two_weeks_later_replan(window, qtbot, today)
    calendar_file = tmp_path / "exported" / "my pathway.ics"
    calendar_file.parent.mkdir()
    export_calendar(window, qtbot, calendar_file)

    assert window.learner is not None
    stored = window.learner.pathway.current()
    assert stored is not None
    done = window.learner.pathway.done(stored.id)
    from_day = today + timedelta(days=14)
    planned = sorted(
        session.day
        for week in stored.plan.weeks
        for session in week.sessions
        if session.day >= from_day
        and any(p.kind is not StepKind.MILESTONE and p.key not in done for p in session.parts)
    )
    calendar = icalendar.Calendar.from_ical(calendar_file.read_bytes())
    events = calendar.walk("VEVENT")
    assert sorted(e.decoded("dtstart") for e in events) == planned
    assert planned and planned[0] >= from_day
    assert all(e.decoded("dtend") - e.decoded("dtstart") == timedelta(days=1) for e in events)
    assert time.perf_counter() - started < 60
