"""The focus timer panel, driven by name with a fake clock and its tick slot (no sleeping)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, names_starting
from zavmo_desktop.core.settings import Settings, resolve
from zavmo_desktop.core.storage.focus_sessions import FocusSessionRepository
from zavmo_desktop.core.storage.repositories import SettingsRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store
from zavmo_desktop.paths import resources_dir
from zavmo_desktop.ui import announce as announce_module
from zavmo_desktop.ui.theme import apply_theme
from zavmo_desktop.ui.widgets import focus_timer as panel_module
from zavmo_desktop.ui.widgets.focus_timer import FocusTimerPanel

FOCUS = 25 * 60


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_741_944_360.0  # 14 March 2025

    def __call__(self) -> float:
        return self.now


class Harness:
    """A panel on a real learner database, hosted in a window, with a clock to move."""

    def __init__(self, qtbot: QtBot, data_dir: Path, clock: FakeClock) -> None:
        self.qtbot, self.data_dir, self.clock = qtbot, data_dir, clock
        self.announced: list[str] = []
        self.store: OpenedStore | None = None
        self.open()

    def open(self) -> None:
        self.store = open_store(self.data_dir)
        self.settings = Settings(SettingsRepository(self.store.db))
        self.sessions = FocusSessionRepository(self.store.db)
        # Like the main window: the panel at the foot of a narrow navigation column.
        self.host = QWidget()
        self.host.resize(1100, 760)
        row = QHBoxLayout(self.host)
        column = QVBoxLayout()
        column.addWidget(QPushButton("Home"))
        column.addStretch(1)
        self.panel = FocusTimerPanel(
            self.settings, self.sessions, lambda: "Board storytelling", self.clock
        )
        column.addWidget(self.panel)
        row.addLayout(column)
        row.addWidget(QLabel("The screen"), 1)
        self.host.show()
        self.qtbot.waitExposed(self.host)

    def close(self) -> None:
        """Zavmo goes away without a last save, as in a crash: the widgets and the
        database connection are simply gone."""
        if shiboken6.isValid(self.host):
            shiboken6.delete(self.host)
        if self.store is not None:
            self.store.db.conn.close()
            self.store = None

    def advance(self, seconds: float) -> None:
        self.clock.now += seconds
        self.panel.tick()

    def click(self, name: str) -> None:
        find_by_name(self.host, name).click()

    def text(self, role: str) -> str:
        labels = [label.text() for label in self.panel.findChildren(QLabel)
                  if label.property("role") == role and label.isVisible()]  # fmt: skip
        return labels[0] if labels else ""

    def bar(self) -> QProgressBar:
        bar = find_by_name(self.host, "Focus time remaining")
        assert isinstance(bar, QProgressBar)
        return bar

    def ticking(self) -> bool:
        return any(timer.isActive() for timer in self.panel.findChildren(QTimer))

    def dialog(self) -> QDialog:
        self.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        return dialog


def settle() -> None:
    """Let layouts finish: wrapped labels take their height in a second pass."""
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timer(
    qtbot: QtBot, data_dir: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Harness]:
    harness = Harness(qtbot, data_dir, clock)
    harness.settings.set("timer_sound", False)
    monkeypatch.setattr(panel_module, "announce", lambda _w, text: harness.announced.append(text))
    yield harness
    harness.close()
    apply_theme(resolve({}))


def test_idle_panel_offers_only_start(timer: Harness) -> None:
    assert timer.text("subheading") == "Ready to focus"
    assert timer.text("heading") == "25:00"
    assert timer.bar().accessibleDescription() == "25 minutes of focus, not started"
    assert names_starting(timer.host, "Start focus session") == ["Start focus session"]
    for hidden in ("Pause focus session", "Add 5 minutes", "Skip to break", "Snooze"):
        assert names_starting(timer.host, hidden) == []
    assert not timer.ticking()


def test_start_pause_resume_and_the_shrinking_bar(timer: Harness, qtbot: QtBot) -> None:
    with qtbot.waitSignal(timer.panel.minutes_changed):
        timer.click("Start focus session")
    assert timer.ticking() and timer.text("subheading") == "Focus"
    assert timer.announced == ["Focus session started: 25 minutes."]
    timer.advance(12 * 60 + 30)
    assert timer.text("heading") == "12:30"
    assert (timer.bar().maximum(), timer.bar().value()) == (FOCUS, 750)
    assert timer.bar().accessibleDescription() == "12 minutes 30 seconds left"

    timer.click("Pause focus session")
    assert not timer.ticking()
    timer.clock.now += 3600  # paused: does not count
    timer.click("Resume focus session")
    assert timer.ticking() and timer.text("heading") == "12:30"
    assert timer.announced[-1] == "Focus session resumed. 12 minutes 30 seconds left."


def test_warning_then_overtime_counts_up_and_nothing_advances(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(FOCUS - 21)
    assert timer.text("notice") == ""
    timer.advance(1)
    assert timer.text("notice") == "20 seconds left."
    assert timer.announced[-1] == "20 seconds left."
    assert find_by_name(timer.host, "Snooze").isVisible()
    timer.advance(1)
    assert timer.announced.count("20 seconds left.") == 1

    timer.advance(19 + 192)
    assert timer.text("heading") == "3:12 over"
    assert timer.text("subheading") == "Focus"  # still focus: the learner decides
    assert timer.text("notice") == "Session done: take a break when ready."
    assert timer.bar().value() == 0
    assert timer.bar().accessibleDescription() == "3 minutes 12 seconds over"


def test_the_compact_form_shows_a_reminder_and_offers_snooze_in_its_menu(timer: Harness) -> None:
    timer.panel.set_compact(True)  # as the navigation does when the whole panel does not fit
    timer.click("Start focus session")
    timer.advance(FOCUS - 20)
    settle()
    assert timer.text("notice") == "20 seconds left."
    assert timer.text("subheading") == ""  # the reminder says what the moment is
    assert timer.text("heading") == "0:20"
    with pytest.raises(LookupError):
        timer.bar()  # no bar in the compact form
    more = find_by_name(timer.host, "More timer actions")
    assert isinstance(more, QPushButton) and more.menu() is not None
    more.menu().aboutToShow.emit()
    items = {action.text(): action for action in more.menu().actions()}
    assert list(items) == ["Snooze", "Add 5 minutes", "Skip to break", "Stop focus session"]
    items["Snooze"].trigger()
    assert timer.text("notice") == ""
    assert timer.announced[-1].startswith("Reminder snoozed for")
    timer.panel.set_compact(False)
    settle()
    assert timer.bar().isVisible() and find_by_name(timer.host, "Add 5 minutes").isVisible()
    assert find_by_name(timer.host, "Pause focus session").text() == "Pause focus session"


def test_skip_to_break_logs_the_session_and_skip_to_focus_returns(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(FOCUS + 40)
    timer.click("Skip to break")
    assert timer.text("subheading") == "Short break" and timer.text("heading") == "5:00"
    assert timer.announced[-1] == "Short break started: 5 minutes."
    focus, short = reversed(timer.sessions.recent())
    assert (focus.kind, focus.outcome, focus.focused_seconds) == ("focus", "completed", FOCUS + 40)
    assert focus.activity == "Board storytelling" and focus.overtime_seconds == 40
    assert (short.kind, short.outcome) == ("short_break", None)
    timer.advance(60)
    timer.click("Skip to focus")
    assert timer.text("subheading") == "Focus"
    assert timer.sessions.get(short.id).outcome == "skipped"  # type: ignore[union-attr]


def test_add_five_minutes_and_stop(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(FOCUS - 60)
    timer.click("Add 5 minutes")
    assert timer.text("heading") == "6:00"
    timer.click("Stop focus session")
    assert timer.text("subheading") == "Ready to focus" and not timer.ticking()
    (row,) = timer.sessions.recent()
    assert (row.outcome, row.planned_seconds, row.focused_seconds) == ("stopped", FOCUS + 300, 1440)


def test_reduced_motion_shows_whole_minutes_and_a_static_bar(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(12 * 60 + 30)
    timer.settings.set("reduce_motion", True)
    assert timer.text("heading") == "13 min"
    assert (timer.bar().maximum(), timer.bar().value()) == (25, 13)
    assert timer.bar().accessibleDescription() == "13 minutes left"
    timer.advance(29)
    assert timer.bar().value() == 13 and timer.text("heading") == "13 min"
    timer.advance(2)
    assert timer.bar().value() == 12 and timer.text("heading") == "12 min"


def test_settings_apply_live_without_jumping_the_running_session(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(60)
    timer.settings.set("timer_focus_minutes", 50)
    assert timer.text("heading") == "24:00"
    timer.click("Stop focus session")
    assert timer.text("heading") == "50:00"

    timer.click("Start focus session")
    timer.settings.set("show_focus_timer", False)
    assert not timer.panel.isVisible() and not timer.ticking()
    timer.panel.toggle()  # the shortcut does nothing while the timer is turned off
    timer.settings.set("show_focus_timer", True)
    assert timer.panel.isVisible()
    assert find_by_name(timer.host, "Resume focus session")


def test_toggle_starts_pauses_and_resumes(timer: Harness) -> None:
    for name in ("Pause focus session", "Resume focus session", "Pause focus session"):
        timer.panel.toggle()
        assert find_by_name(timer.host, name)


def test_hyperfocus_nudge_can_be_snoozed(timer: Harness) -> None:
    timer.settings.set("hyperfocus_minutes", 30)
    timer.click("Start focus session")
    timer.advance(30 * 60)
    nudge = "30 minutes of focus without a real break. Time to stretch?"
    assert timer.text("notice") == nudge and timer.announced[-1] == nudge
    timer.click("Snooze")
    assert timer.text("notice") == "" and names_starting(timer.host, "Snooze") == []
    assert timer.announced[-1] == "Reminder snoozed for 10 minutes."
    timer.advance(10 * 60)
    assert timer.text("notice") == nudge.replace("30", "40")


def test_study_with_me_asks_the_goal_and_how_it_went(timer: Harness, qtbot: QtBot) -> None:
    timer.settings.set("companion_mode", True)
    timer.click("Start focus session")
    dialog = timer.dialog()
    assert not timer.ticking()  # the clock starts once the goal is set
    goal = find_by_name(dialog, "Your goal")
    assert isinstance(goal, QLineEdit)
    assert goal.placeholderText() == "For example: Board storytelling"
    qtbot.keyClicks(goal, "Draft the board story")
    qtbot.keyClick(goal, Qt.Key.Key_Return)
    qtbot.waitUntil(timer.ticking)
    timer.advance(FOCUS)
    timer.click("Skip to break")
    answer = find_by_name(timer.dialog(), "How it went")
    qtbot.keyClicks(answer, "Good: first draft done")
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    focus = timer.sessions.recent()[1]
    assert (focus.goal, focus.check_in) == ("Draft the board story", "Good: first draft done")


def test_escape_skips_the_goal_and_still_starts(timer: Harness, qtbot: QtBot) -> None:
    timer.settings.set("companion_mode", True)
    timer.click("Start focus session")
    qtbot.keyClick(find_by_name(timer.dialog(), "Your goal"), Qt.Key.Key_Escape)
    qtbot.waitUntil(timer.ticking)
    assert timer.sessions.recent()[0].goal is None


def test_restart_mid_session_resumes_paused_with_the_saved_time(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(10 * 60)  # a heartbeat saves this
    timer.advance(10)  # not yet saved when Zavmo dies
    timer.close()
    timer.clock.now += 2 * 3600

    timer.open()
    notice = "Your focus session was paused when Zavmo closed. 15:00 left."
    assert timer.text("notice") == notice
    assert find_by_name(timer.host, "Resume focus session") and not timer.ticking()
    (row,) = timer.sessions.recent()
    assert row.outcome is None and row.focused_seconds == 600
    timer.click("Stop focus session")
    row = timer.sessions.get(row.id)  # type: ignore[assignment]
    assert (row.outcome, row.focused_seconds) == ("interrupted", 600)  # type: ignore[union-attr]


def test_a_clean_close_saves_to_the_second(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(100)
    timer.panel.save()
    timer.close()
    timer.open()
    assert timer.text("heading") == f"{(FOCUS - 100) // 60}:{(FOCUS - 100) % 60:02d}"
    timer.click("Resume focus session")
    assert timer.text("notice") == ""


def test_the_chime_plays_only_when_timer_sounds_are_on(timer: Harness) -> None:
    from PySide6.QtMultimedia import QSoundEffect

    assert (resources_dir() / "sounds" / "chime.wav").is_file()
    timer.click("Start focus session")
    timer.advance(FOCUS)
    assert timer.panel.findChildren(QSoundEffect) == []
    timer.settings.set("timer_sound", True)
    timer.click("Add 5 minutes")
    timer.advance(5 * 60)
    (chime,) = timer.panel.findChildren(QSoundEffect)
    assert chime.source().toLocalFile().endswith("sounds/chime.wav")


@pytest.mark.parametrize("scale", [100, 200])
def test_the_panel_passes_the_accessibility_harness(timer: Harness, scale: int) -> None:
    apply_theme(resolve({"text_scale": scale}))
    settle()
    assert_accessible(timer.host)
    timer.click("Start focus session")
    timer.advance(FOCUS + 5 * 3600)  # overtime, with a cue and every button showing
    settle()
    assert_accessible(timer.host)
    for name in ("Snooze", "Pause focus session", "Add 5 minutes", "Skip to break"):
        button = find_by_name(timer.host, name)
        assert button.accessibleDescription() and min(button.width(), button.height()) >= 24


def test_announcements_are_polite_unless_asked() -> None:
    source = QWidget()
    polite = announce_module.announcement(source, "20 seconds left.")
    assert polite.message() == "20 seconds left."
    assert polite.politeness() is QAccessible.AnnouncementPoliteness.Polite
    urgent = announce_module.announcement(source, "Now", assertive=True)
    assert urgent.politeness() is QAccessible.AnnouncementPoliteness.Assertive


def test_open_rows_from_an_earlier_crash_are_closed(timer: Harness) -> None:
    timer.click("Start focus session")
    timer.advance(30)
    timer.close()
    store = open_store(timer.data_dir)
    store.db.execute("DELETE FROM focus_timer_state")
    store.db.conn.commit()
    store.db.conn.close()
    timer.open()
    (row,) = timer.sessions.recent()
    assert (row.outcome, row.focused_seconds) == ("interrupted", 30)
    assert timer.text("subheading") == "Ready to focus"
