"""Onboarding under the checks every screen passes (100% and 200% text, high contrast) and
on a really full disk, where nothing the learner typed may be lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QScrollArea
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, names_starting, settle
from tests.ui.conftest import OpenWindow
from tests.ui.test_save_failures import (  # noqa: F401
    NOT_SAVED,
    FullDisk,
    answer_the_close_question,
    disk,
)
from zavmo_desktop.app import build_window
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.ui.main_window import MainWindow


def pages_wider_than_their_window(window: MainWindow) -> list[str]:
    """Pages cut off at the side: wider than the scroll area that shows them (its sideways
    scroll bar is off, so the harness's sideways check cannot see them)."""
    return [
        f"{area.widget().width()} > {area.viewport().width()}"
        for area in window.findChildren(QScrollArea)
        if area.isVisible() and area.widget() is not None
        and area.widget().width() > area.viewport().width()
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("scale", "theme"), [(100, "light"), (200, "light"), (200, "high_contrast")]
)
def test_every_step_passes_the_accessibility_walk(
    open_window: OpenWindow, scale: int, theme: str
) -> None:
    window = open_window(onboarding=True)
    assert window.learner is not None
    window.learner.settings.apply({"text_scale": scale, "theme": theme})
    screen = window.onboarding_screen
    for step in range(5):
        if step == 4:
            screen.groups[3].boxes["attention_breaks"].click()  # so the preview shows
        screen.go_to(step)
        settle()
        assert screen.step_label.text().startswith(f"Step {step + 1} of 5")
        assert_accessible(window)
        assert pages_wider_than_their_window(window) == []
    assert screen.suggestion.preview.isVisible()
    find_by_name(window, "Skip setup").click()
    window.show_screen("Settings")  # the same fields under Your profile
    settle()
    assert_accessible(window)
    assert pages_wider_than_their_window(window) == []


def test_hours_per_week_has_its_contract_name_and_a_visible_label(open_window: OpenWindow) -> None:
    window = open_window(onboarding=True)
    window.onboarding_screen.go_to(1)
    hours = find_by_name(window, "Hours per week")
    assert names_starting(window, "Hours per week:") == ["Hours per week:"]
    labels = [label for label in window.findChildren(type(window.onboarding_screen.step_label))
              if label.buddy() is hours]  # fmt: skip
    assert len(labels) == 1 and labels[0].isVisible()


@pytest.fixture
def full_window(disk: FullDisk, qtbot: QtBot) -> Iterator[MainWindow]:  # noqa: F811
    opened = build_window(["--data-dir", str(disk.data)])
    assert isinstance(opened, MainWindow)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    disk.free()
    opened.close()
    opened.deleteLater()


def test_on_a_full_disk_the_onboarding_says_not_saved_and_keeps_every_word(
    full_window: MainWindow,
    disk: FullDisk,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = full_window
    assert window.onboarding
    disk.fill()
    name = find_by_name(window, "Your name or nickname")
    assert isinstance(name, QLineEdit)
    name.setFocus()
    qtbot.keyClicks(name, "Robin")
    status = window.onboarding_screen.saver.status
    qtbot.waitUntil(lambda: status.isVisible() and status.text() == NOT_SAVED, timeout=3000)
    assert name.text() == "Robin"
    find_by_name(window, "Next").click()  # the learner carries on; the words wait
    assert window.onboarding_screen.step == 1
    assert disk.stored("SELECT display_name FROM learner_profile") == []

    disk.free()
    window.onboarding_screen.pending.retry()  # as its timer does every few seconds
    settle()
    assert not status.isVisible()
    conn = sqlite3.connect(disk.data / DATABASE_NAME)
    try:
        row = conn.execute("SELECT display_name, onboarding_step FROM learner_profile").fetchone()
    finally:
        conn.close()
    assert row == ("Robin", 1)


def test_closing_on_a_full_disk_offers_the_answers_as_a_text_file(
    full_window: MainWindow,
    disk: FullDisk,  # noqa: F811
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = full_window
    disk.fill()
    name = find_by_name(window, "Your name or nickname")
    name.setFocus()
    qtbot.keyClicks(name, "Robin")
    kept = tmp_path / "my words.txt"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args, **kw: (str(kept), "")
    )
    seen: list[str] = []
    answer_the_close_question("Save them to a text file…", seen)
    window.close()  # before the pause after typing: closing saves, fails, and asks
    assert not window.isVisible()
    assert "Your profile" in seen[0]
    assert "Name or nickname: Robin" in kept.read_text(encoding="utf-8")
