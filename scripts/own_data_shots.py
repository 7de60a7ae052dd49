"""PNGs of Settings' Your data, the ERASE confirmation and the Privacy page at 100% and
200%, and the onboarding after an erase.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/own_data_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget: object, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    print(folder / f"{name}.png")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-own-data-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.onboarding_screen.skip_all.click()
    for scale in (100, 200):
        window.learner.settings.set("text_scale", scale)
        window.show_screen("Settings")
        panel = window.settings_screen.your_data
        settle()
        window.settings_screen.scroll.ensureWidgetVisible(panel.privacy_button)
        save(window, folder, f"settings-your-data-{scale}")
        panel.ask_to_erase()
        dialog = panel.erase_dialog
        dialog.word.setText("erase it")
        dialog.confirm()  # the wrong word: what to type is shown
        save(dialog, folder, f"erase-confirmation-{scale}")
        dialog.reject()
        window.show_privacy()
        save(window, folder, f"privacy-{scale}")
    window.learner.settings.set("text_scale", 100)
    window.show_screen("Settings")
    window.settings_screen.your_data.ask_to_erase()
    dialog = window.settings_screen.your_data.erase_dialog
    dialog.word.setText("ERASE")
    dialog.confirm()
    successor = window.successor
    assert successor is not None
    while successor.learner is None or not successor.content_loaded:
        QApplication.processEvents()
    save(successor, folder, "onboarding-after-erase")
    successor.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
