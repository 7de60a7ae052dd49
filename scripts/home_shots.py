"""Save PNGs of Home with a pathway (one step ticked) at 100% and 200% text.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/home_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from discover_shots import grab  # scripts/ is on the path when a script runs
from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-home-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.onboarding_screen.skip_all.click()
    grab(window, folder, "home-no-plan-100")
    window.show_screen("Pathway")
    window.screen("Pathway").create_button.click()
    stored = window.learner.pathway.current()
    assert stored is not None
    window.learner.pathway.set_done(stored.id, stored.plan.parts[0].key, True)
    window.show_screen("Home")
    for scale in (100, 200):
        window.learner.settings.set("text_scale", scale)
        grab(window, folder, f"home-plan-{scale}")


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv)
    main(Path(sys.argv[1]))
