"""Save PNGs of the Discover screen: the question, the heat map at 100% and 200%, and in
the high-contrast theme, after answering part of the assessment.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/discover_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow

RATINGS = ["practising", "advanced", "not_sure", "aware", "proficient", "expert", "practising"]


def grab(window: MainWindow, folder: Path, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.activateWindow()  # so the focused control draws its focus ring
    window.show_screen("Discover")
    grab(window, folder, "discover-first")
    screen = window.screen("Discover")
    screen.start.click()
    grab(window, folder, "discover-question")
    for number in range(14):
        step = screen.question.step
        if step.question == "rating":
            levels = [level.id for level in screen.pack.framework.levels] + ["not_sure"]
            choice = levels.index(RATINGS[number % len(RATINGS)])
        else:
            choice = 0
        screen.question.choices.buttons[choice].click()
        if number == 1:
            grab(window, folder, "discover-question-answered")
        screen.next.click()
    grab(window, folder, "discover-question-later")
    screen.pause.click()
    settings = window.learner.settings
    for theme, scale in (("light", 100), ("light", 200), ("high_contrast", 100)):
        settings.set("theme", theme)
        settings.set("text_scale", scale)
        window.show_screen("Discover")
        grab(window, folder, f"discover-map-{theme}-{scale}")
        screen.grid.move_to(1, 2)
        scroll = screen.pages.currentWidget()
        scroll.ensureWidgetVisible(screen.grid.current_cell())
        grab(window, folder, f"discover-map-{theme}-{scale}-focus")
        scroll.ensureWidgetVisible(screen.table)
        grab(window, folder, f"discover-table-{theme}-{scale}")
        screen.start.click()
        grab(window, folder, f"discover-question-{theme}-{scale}")
        screen.pause.click()
    screen.save_heat_map(folder / "saved-heat-map.png")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
