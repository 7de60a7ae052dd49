"""Save PNGs of the navigation column in the Dyslexia and Low vision presets at 100% and
200% text: idle, with a focus session running, and with a reminder showing.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/nav_shots.py OUT_DIR
Options: --size 1280x800 (1100x760 by default), --review (a sixth button, as the Review
screen will add).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from discover_shots import grab  # scripts/ is on the path when a script runs
from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.ui import main_window
from zavmo_desktop.ui.main_window import MainWindow


def main(folder: Path, size: tuple[int, int], review: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if review and "Review" not in main_window.NAVIGATION:
        main_window.NAVIGATION = (*main_window.NAVIGATION, "Review")
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-nav-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(*size)
    window.show()
    window.onboarding_screen.skip_all.click()
    settings = window.learner.settings
    tag = f"{size[0]}x{size[1]}{'-review' if review else ''}"
    for preset in ("dyslexia", "low_vision"):
        for scale in (100, 200):
            settings.apply({key: spec.default for key, spec in SPECS.items()})
            settings.apply({**PRESETS[preset].values, "text_scale": scale})
            window.show_screen("Library")
            grab(window, folder, f"nav-{preset}-{scale}-{tag}-idle")
            window.timer.toggle()
            grab(window, folder, f"nav-{preset}-{scale}-{tag}-running")
            window.timer._timer.extend()  # any change; then a message as after a restart:
            window.timer._notice = "Your focus session was restored after a restart."
            window.timer._render()
            grab(window, folder, f"nav-{preset}-{scale}-{tag}-notice")
            window.timer._notice = ""
            window.timer._stop.click()
    window.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", default="1100x760")
    parser.add_argument("--review", action="store_true")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    app = QApplication.instance() or QApplication([])
    main(args.folder, (width, height), args.review)
