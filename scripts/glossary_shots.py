"""Save PNGs of the glossary, the reader's look-up and About your learning, at 100% and
200% text in the Dyslexia and Low vision presets and the high-contrast theme.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/glossary_shots.py OUT_DIR
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

LOOKS = ["dyslexia", "low_vision", "high_contrast"]


def set_look(window: MainWindow, look: str, scale: int) -> None:
    assert window.learner is not None
    settings = window.learner.settings
    if look in PRESETS:
        apply_preset(settings, PRESETS[look])
    else:
        apply_preset(settings, None)
        settings.set("theme", look)
    settings.set("text_scale", scale)


def shoot(window: MainWindow, folder: Path, name: str) -> None:
    window.open_glossary()
    screen = window.stack.currentWidget()
    screen.search.setText("capacity")
    screen.run_search()
    screen.terms.setCurrentRow(1)
    grab(window, folder, f"glossary-{name}")
    assert window.learner is not None
    module = window.learner.module("observability-slos-and-model-health")
    assert module is not None
    window.open_module(module)
    text = window.reader.text
    cursor = text.textCursor()
    cursor.setPosition(text.document().toPlainText().index("error budget") + 7)
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    window.reader.lookup.look_up(text)
    grab(window, folder, f"lookup-{name}")
    window.reader.lookup.close_lookup()
    window.show_screen("Settings")
    window.open_about()
    grab(window, folder, f"about-{name}")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-glossary-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.activateWindow()
    if window.onboarding:
        window.onboarding_screen.skip_all.click()
    for look in LOOKS:
        for scale in (100, 200):
            set_look(window, look, scale)
            shoot(window, folder, f"{look}-{scale}")


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv)
    main(Path(sys.argv[1]))
