"""A locked setting says who locked it and why: beside the control, and to a screen reader
in the control's description; the page still fits at 200% text with the organisation's look."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, find_starting, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.settings import SPECS

CONFIG = """name = "Acme Care"
[locked.theme]
value = "dark"
reason = "Night shifts use dimmed screens."
[locked.reading_ruler]
value = true
[locked.reading_speed]
value = 90
reason = "Slower speech for new starters."
"""


def test_each_locked_setting_shows_and_says_why(open_window: OpenWindow, tmp_path: Path) -> None:
    (tmp_path / "org.toml").write_text(CONFIG, encoding="utf-8")
    window = open_window("--org-config", str(tmp_path / "org.toml"))
    window.show_screen("Settings")
    screen = window.settings_screen
    expected = {
        "theme": "Set by Acme Care: Night shifts use dimmed screens.",
        "reading_ruler": "Set by Acme Care: it is the same for everyone here",
        "reading_speed": "Set by Acme Care: Slower speech for new starters.",
    }
    for key, why in expected.items():
        control = find_by_name(screen, SPECS[key].label)
        assert isinstance(control, (QComboBox, QCheckBox)) and not control.isEnabled()
        assert control.accessibleDescription() == why
        note = find_starting(screen, why)
        assert isinstance(note, QLabel) and note.isVisible()
    unlocked = find_by_name(screen, SPECS["font"].label)
    assert unlocked.isEnabled() and unlocked.accessibleDescription() == ""
    # The reader's own speed list is locked the same way.
    assert window.learner is not None
    window.open_module(window.learner.library.modules[0])
    speed = window.reader.speech.bar.speed
    assert not speed.isEnabled() and speed.accessibleDescription() == expected["reading_speed"]


def test_the_locked_page_fits_at_200_percent(open_window: OpenWindow, tmp_path: Path) -> None:
    (tmp_path / "org.toml").write_text(CONFIG, encoding="utf-8")
    window = open_window("--org-config", str(tmp_path / "org.toml"))
    assert window.learner is not None
    window.learner.settings.set("text_scale", 200)
    window.show_screen("Settings")
    settle()
    assert_accessible(window)


def test_after_erasing_the_organisation_still_holds(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Erase all my data starts again as the first run did: with the organisation's locks,
    look and name, not without them."""
    (tmp_path / "org.toml").write_text(CONFIG, encoding="utf-8")
    window = open_window("--org-config", str(tmp_path / "org.toml"))
    successor = window.erase_and_start_again()
    qtbot.addWidget(successor)
    qtbot.waitUntil(
        lambda: successor.learner is not None and successor.content_loaded, timeout=20_000
    )
    try:
        assert successor.windowTitle() == "Zavmo Desktop — Acme Care"
        assert successor.palette().color(QPalette.ColorRole.Window).name() == "#181a1b"
        settings = successor.learner.settings  # type: ignore[union-attr]
        assert settings.is_locked("theme") and settings.get("theme") == "dark"
        assert settings.lock_message("theme").startswith("Set by Acme Care: ")
    finally:
        successor.close()
