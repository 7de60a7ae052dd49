"""The Pathway screen in the real window: create, tick, re-plan beside the old plan, export."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QListWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle, shown_rect
from tests.benchmarks._extra_pack import write_extra_pack
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.pathway.model import StepKind, WeekKind
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.pathway import PathwayScreen
from zavmo_desktop.ui.widgets.pathway_form import PathwayForm

START = date(2026, 12, 3)  # a Thursday; the study days are Monday, Wednesday, Saturday
TWO_WEEKS_ON = date(2026, 12, 14)


def pathway(window: MainWindow, today: date = START) -> PathwayScreen:
    window.show_screen("Pathway")
    screen = window.screen("Pathway")
    assert isinstance(screen, PathwayScreen)
    screen._today = lambda: today
    screen.form.start.setDate(screen.form.start.date().fromString(str(today), "yyyy-MM-dd"))
    settle()
    return screen


def create(window: MainWindow, qtbot: QtBot) -> PathwayScreen:
    screen = pathway(window)
    button = find_by_name(window, "Create my pathway")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # by keyboard
    settle()
    return screen


def test_ctrl_3_opens_the_pathway_and_the_hours_box_is_named(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().accessibleName() == "Pathway screen"
    assert QApplication.focusWidget() is find_by_name(window, "Hours per week")
    assert find_by_name(window, "Create my pathway").isVisible()
    assert window.learner is not None and window.learner.pathway.current() is None


def test_create_tick_this_week_and_it_is_kept_after_a_restart(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    screen = create(window, qtbot)
    assert window.learner is not None
    stored = window.learner.pathway.current()
    assert stored is not None and stored.plan.start == START
    this_week = find_by_name(window, "This week")
    assert isinstance(this_week, QListWidget) and this_week.isVisible()
    assert QApplication.focusWidget() is this_week
    first = this_week.item(0)
    assert "Telling the board the ML story" in first.text() and "min" in first.text()
    assert "\nServes: Report strategy, progress, risks" in first.text()
    this_week.setCurrentRow(0)
    qtbot.keyClick(this_week, Qt.Key.Key_Space)  # tick it by keyboard
    assert first.checkState() == Qt.CheckState.Checked
    assert QApplication.focusWidget() is this_week and this_week.currentRow() == 0  # stays
    key = stored.plan.weeks[0].parts[0].key
    assert window.learner.pathway.done(stored.id) == {key}
    assert "30 min of it done" in screen._week_summary.text()
    assert not screen.create_button.isVisible()
    window.close()

    again = open_window()
    screen = pathway(again)
    this_week = find_by_name(again, "This week")
    assert isinstance(this_week, QListWidget)
    assert this_week.item(0).checkState() == Qt.CheckState.Checked
    weeks = find_by_name(again, "Weeks of the plan")
    assert isinstance(weeks, QListWidget) and weeks.count() > 5
    assert "(done)" in weeks.item(1).text()


def test_two_missed_weeks_catch_up_shown_beside_the_old_plan_before_accepting(
    window: MainWindow, qtbot: QtBot
) -> None:
    create(window, qtbot)
    assert window.learner is not None
    first = window.learner.pathway.current()
    assert first is not None
    screen = pathway(window, TWO_WEEKS_ON)
    screen.refresh()
    assert "not ticked yet" in screen._behind.text() and "overdue" not in screen._behind.text()
    find_by_name(window, "Catch-up week").click()
    settle()
    assert screen.proposal.isVisible()
    for name in ("Current plan, week by week", "New plan, week by week", "What moves"):
        assert find_by_name(window, name).isVisible()
    moves = find_by_name(window, "What moves")
    assert isinstance(moves, QListWidget)
    assert any("moves from week" in moves.item(i).text() for i in range(moves.count()))
    assert window.learner.pathway.current() == first  # nothing changes before accepting
    assert_accessible(window)
    find_by_name(window, "Accept the new plan").click()
    settle()
    current = window.learner.pathway.current()
    assert current is not None and current.reason == "catch_up" and current.replaces == first.id
    week = current.plan.week_of(TWO_WEEKS_ON)
    assert week is not None and week.kind is WeekKind.CATCH_UP
    assert not screen.proposal.isVisible()
    assert "catch-up week" in screen._week_summary.text()
    assert [h.reason for h in window.learner.pathway.history()] == ["catch_up", "first"]


def test_keep_my_current_plan_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    create(window, qtbot)
    assert window.learner is not None
    before = window.learner.pathway.current()
    screen = pathway(window, TWO_WEEKS_ON)
    screen.form.hours.setValue(6)
    find_by_name(window, "Re-plan from today").click()
    settle()
    find_by_name(window, "Keep my current plan").click()
    assert window.learner.pathway.current() == before
    assert not screen.proposal.isVisible()


def test_export_calendar_writes_a_file_icalendar_reads_back(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = create(window, qtbot)
    target = tmp_path / "my pathway.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    find_by_name(window, "Export calendar").click()
    assert window.learner is not None
    stored = window.learner.pathway.current()
    assert stored is not None
    days = [s.day for w in stored.plan.weeks for s in w.sessions
            if any(p.kind is not StepKind.MILESTONE for p in s.parts)]  # fmt: skip
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == days
    assert days[0] == date(2026, 12, 5)
    assert "Calendar saved" in screen.save_status.text()
    blocked = tmp_path / "missing-folder" / "x.ics"
    assert not screen.export_to(blocked)
    assert screen.save_status.failing and "could not be saved" in screen.save_status.text()


def test_the_screen_follows_the_text_size_live(window: MainWindow, qtbot: QtBot) -> None:
    screen = create(window, qtbot)
    assert window.learner is not None
    tall = screen.timeline.sizeHint().height()
    window.learner.settings.set("text_scale", 200)
    settle()
    assert screen.timeline.sizeHint().height() > tall * 1.5
    assert_accessible(window)


def test_zero_hours_says_why_nothing_is_planned(window: MainWindow, qtbot: QtBot) -> None:
    screen = pathway(window)
    screen.form.hours.setValue(0)
    find_by_name(window, "Create my pathway").click()
    settle()
    assert "0 hours a week" in screen._notices.text()
    assert "Nothing is planned this week." in screen._week_summary.text()
    assert screen.timeline.isVisible() and START + timedelta(days=1) > START


def test_create_my_pathway_starts_from_the_assessment(window: MainWindow, qtbot: QtBot) -> None:
    assert window.learner is not None
    pack = window.learner.library.packs[0]
    round_ = window.learner.assessments.start_round(pack.manifest.id)
    window.learner.assessments.save_rating(round_.id, "executive-communication", "expert")
    create(window, qtbot)
    stored = window.learner.pathway.current()
    assert stored is not None
    assert "executive-communication" in stored.plan.at_target
    assert not [p for p in stored.plan.parts if p.module_id == "board-storytelling"]


def test_the_form_opens_on_29_february(qapp: QApplication) -> None:
    form = PathwayForm(date(2028, 2, 29))  # a year on is not 29 February
    assert form.target_date is None and form.start_date == date(2028, 2, 29)


def test_a_first_pathway_starts_from_the_learners_profile(window: MainWindow, qtbot: QtBot) -> None:
    assert window.learner is not None
    profile = window.learner.profile.load().but(
        hours_per_week=5, study_days=(1, 3), start_date=START, target_date=date(2027, 6, 30)
    )
    window.learner.profile.save(profile)
    window.show_screen("Pathway")
    screen = window.screen("Pathway")
    assert find_by_name(window, "Hours per week").value() == 5  # type: ignore[attr-defined]
    assert screen.form.study_days == (1, 3) and screen.form.target_date == date(2027, 6, 30)
    find_by_name(window, "Create my pathway").click()
    stored = window.learner.pathway.current()
    assert stored is not None
    assert stored.plan.weekly_minutes == 300 and stored.plan.study_days == (1, 3)
    assert stored.plan.start == START and stored.plan.target == date(2027, 6, 30)


def test_the_pathway_plans_the_role_the_learner_chose(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    extra = write_extra_pack(tmp_path / "second-role", 3)
    window = open_window("--content", str(extra))
    assert window.learner is not None and len(window.learner.library.packs) == 2
    assert window.learner.library.packs[0].manifest.id != "benchmark-extra"  # not the first
    window.learner.profile.save(window.learner.profile.load().but(role="benchmark-extra"))
    create(window, qtbot)
    stored = window.learner.pathway.current()
    assert stored is not None
    planned = {p.module_id for p in stored.plan.parts if p.module_id}
    assert planned and all(module_id.endswith("-0") for module_id in planned)


@pytest.mark.parametrize("scale", [100, 200])
def test_where_the_focus_goes_after_each_button_is_in_view(
    window: MainWindow, qtbot: QtBot, scale: int
) -> None:
    """WCAG 2.4.11: Create, Re-plan and Accept each move the focus; it lands in sight."""
    assert window.learner is not None
    window.resize(1100, 760)
    window.learner.settings.set("text_scale", scale)
    create(window, qtbot)
    pathway(window, TWO_WEEKS_ON).refresh()
    for name in ("Re-plan from today", "Accept the new plan"):
        button = find_by_name(window, name)
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
        settle()
        focus = QApplication.focusWidget()
        assert focus is not None
        shown = shown_rect(focus)
        assert shown.height() >= min(focus.height(), 24), f"{focus.accessibleName()}: {shown}"
