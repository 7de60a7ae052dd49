"""Save a PNG of every onboarding step at 100% and 200% text and in the high-contrast
theme, and of Settings' "Your profile", for looking at them.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/onboarding_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow

LOOKS = {"100": (100, "light"), "200": (200, "light"), "high-contrast": (100, "high_contrast")}


def grab(window: MainWindow, path: Path) -> None:
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(path))
    print(path)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for look, (scale, theme) in LOOKS.items():
        window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-onboarding-")])
        assert isinstance(window, MainWindow) and window.learner is not None
        window.learner.settings.apply({"text_scale": scale, "theme": theme})
        window.show()
        screen = window.onboarding_screen
        screen.groups[0].name.setText("Sam")
        screen.groups[3].boxes["reading_long_text"].setChecked(True)
        screen.groups[3].boxes["reading_listen"].setChecked(True)
        for step in range(5):
            screen.go_to(step)
            grab(window, folder / f"step-{step + 1}-{look}.png")
        window.onboarding_screen.skip_all.click()
        window.show_screen("Settings")
        settings = window.settings_screen
        QApplication.processEvents()
        top = settings.your_profile.y() - 3 * settings.fontMetrics().height()  # its heading
        settings.scroll.verticalScrollBar().setValue(top)
        grab(window, folder / f"settings-your-profile-{look}.png")
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots"))
