"""Save PNGs of every screen with this week's plan in view (the Autism preset), at 100% and
200% text, and in the high-contrast theme; and the strip with no plan yet.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/week_strip_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from discover_shots import grab  # scripts/ is on the path when a script runs
from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.core.settings.presets import PRESETS, apply_preset
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screen_table import NAVIGATION


def every_screen(window: MainWindow, folder: Path, look: str) -> None:
    assert window.learner is not None
    for name in NAVIGATION:
        window.show_screen(name)
        grab(window, folder, f"strip-{look}-{name.lower()}")
    board = window.learner.module("board-storytelling")
    assert board is not None
    window.open_module(board)
    grab(window, folder, f"strip-{look}-reader")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-strip-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(1100, 760)
    window.show()
    window.activateWindow()
    window.onboarding_screen.skip_all.click()
    settings = window.learner.settings
    apply_preset(settings, PRESETS["autism"])
    window.show_screen("Home")
    grab(window, folder, "strip-no-plan-home")
    window.show_screen("Pathway")
    window.screen("Pathway").create_button.click()
    stored = window.learner.pathway.current()
    assert stored is not None
    week = stored.plan.week_of(window.today()) or stored.plan.weeks[0]
    window.learner.pathway.set_done(stored.id, week.parts[0].key, True)
    for look, theme, scale in (
        ("autism-100", "low_stimulation", 100),
        ("autism-200", "low_stimulation", 200),
        ("high-contrast-100", "high_contrast", 100),
        ("high-contrast-200", "high_contrast", 200),
    ):
        settings.set("theme", theme)
        settings.set("text_scale", scale)
        every_screen(window, folder, look)


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv)
    main(Path(sys.argv[1]))
