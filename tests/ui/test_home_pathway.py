"""Home with the learner's pathway: this week's focus, the next step and its button, progress
towards the next milestone; with no plan, one line and a way to the Pathway screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, find_starting, settle
from tests.ui.conftest import OpenWindow
from tests.ui.test_pathway_screen import START, create, pathway
from zavmo_desktop.core.pathway.model import Part, StepKind
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.home_pathway import NO_PLAN, HomePathway


def home(window: MainWindow, qtbot: QtBot) -> HomePathway:
    """Home as the learner reaches it (Ctrl+1), on the plan's first day."""
    part = window.home.pathway
    assert isinstance(part, HomePathway)
    part.today = lambda: START
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().accessibleName() == "Home screen"
    settle()
    return part


def first_weeks_steps(window: MainWindow) -> list[Part]:
    assert window.learner is not None
    stored = window.learner.pathway.current()
    assert stored is not None
    week = stored.plan.week_of(START)
    assert week is not None
    return [p for p in week.parts if p.kind is not StepKind.MILESTONE]


def test_once_a_module_is_finished_home_offers_the_next_one_not_the_first(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.learner is not None
    first = window.learner.continue_point()
    assert first is not None and not first.started
    window.learner.set_complete(first.module.id, True)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Library
    home(window, qtbot)  # and back, as after finishing a module
    button = find_starting(window, "Start your next module")
    assert button.isVisible() and button.text() == "Start your next module"
    assert first.module.title not in button.accessibleName()


def test_without_a_plan_home_says_so_and_its_button_opens_the_pathway_screen(
    window: MainWindow, qtbot: QtBot
) -> None:
    part = home(window, qtbot)
    assert part.focus.text() == NO_PLAN
    assert not part.open_step.isVisible() and not part.milestone.isVisible()
    assert find_starting(window, "Start your first module").isVisible()  # still offered
    assert_accessible(window)
    button = find_by_name(window, "Go to my pathway")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.stack.currentWidget().accessibleName() == "Pathway screen"
    assert find_by_name(window, "Create my pathway").isVisible()


def test_with_a_plan_home_shows_the_week_the_next_step_and_the_milestone(
    window: MainWindow, qtbot: QtBot
) -> None:
    create(window, qtbot)
    steps = first_weeks_steps(window)
    part = home(window, qtbot)
    minutes = sum(p.minutes for p in steps)
    assert part.focus.text().startswith(f"Week 1: {len(steps)} steps on ")
    assert f"about {minutes} min" in part.focus.text() or " h" in part.focus.text()
    assert f"Done so far: 0 of {len(steps)} steps" in part.focus.text()
    assert part.next_step.text().startswith("Next step, ")
    assert steps[0].title in part.next_step.text()
    assert part.milestone.text() == (
        "0 of 1 step done towards: Executive communication and influence milestone (Sat 5 Dec)."
    )
    assert_accessible(window)
    button = find_by_name(window, f"Open the next step: {steps[0].title}")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.reader
    assert window.reader.module.id == steps[0].module_id


def test_after_ticking_a_step_and_a_restart_home_counts_it(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    create(window, qtbot)
    steps = first_weeks_steps(window)
    this_week = find_by_name(window, "This week")
    assert isinstance(this_week, QListWidget)
    # Ticked on the Pathway screen: the week's first step (all of its competency, so that
    # milestone is reached) and the first of the next competency's two parts.
    assert [p.key for p in steps[:2]] == [
        "module:board-storytelling:1",
        "module:architecture-horizon-and-pnl:1",
    ]
    for row in (0, 2):  # row 1 is the first milestone, which is not ticked
        this_week.setCurrentRow(row)
        qtbot.keyClick(this_week, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is this_week
    part = home(window, qtbot)
    expect_done = f"Done so far: 2 of {len(steps)} steps"
    expect_milestone = (
        "1 of 2 steps done towards: Strategic thinking and vision milestone (Mon 7 Dec)."
    )
    assert expect_done in part.focus.text()
    assert (
        part.next_step.text()
        == "Next step, Mon 7 Dec: A three-to-five-year ML architecture plan, tied to the P&L "
        "(part 2 of 2), 10 min."
    )
    assert part.milestone.text() == expect_milestone
    window.close()

    again = open_window()
    part = home(again, qtbot)  # a returning learner starts on Home
    assert expect_done in part.focus.text()
    assert "(part 2 of 2)" in part.next_step.text()
    assert part.milestone.text() == expect_milestone
    pathway(again)  # and the Pathway screen agrees
    ticked = find_by_name(again, "This week")
    assert isinstance(ticked, QListWidget)
    assert ticked.item(0).checkState() == Qt.CheckState.Checked
