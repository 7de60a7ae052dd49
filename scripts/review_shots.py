"""Save PNGs of the Review screen (a question, a shown answer, the end state) at 100% and at
200% text with the Dyslexia and Low vision presets, after finishing one module.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/review_shots.py OUT_DIR
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

LOOKS = [
    ("100", None, 100),
    ("dyslexia-200", "dyslexia", 200),
    ("low-vision-200", "low_vision", 200),
]


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-review-shots-")])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.activateWindow()
    window.onboarding_screen.skip_all.click()
    learner = window.learner
    for module_id in ("board-storytelling", "model-incidents"):
        learner.set_complete(module_id, True)
    window.home.refresh()
    grab(window, folder, "review-home-100")
    for name, preset, scale in LOOKS:
        if preset is not None:
            apply_preset(learner.settings, PRESETS[preset])
        learner.settings.set("text_scale", scale)
        window.show_screen("Review")
        screen = window.screen("Review")
        screen.refresh()
        screen.answer_box.setPlainText(
            "Value, cost and risk: what we get, what we pay, what can go wrong."
        )
        grab(window, folder, f"review-question-{name}")
        screen.show_answer.click()
        grab(window, folder, f"review-answer-{name}")
        for button in [screen.rating_buttons["Yes"]] * 12:
            if screen.card.isVisible():
                button.click()
        grab(window, folder, f"review-end-{name}")
        # The next look starts from a fresh day's cards: forget today's ratings.
        learner.review.db.execute("DELETE FROM review_log")
        learner.review.db.execute(
            "UPDATE review_cards SET state = NULL, due = '2000-01-01T00:00:00+00:00'"
        )
    window.show_screen("Home")
    window.home.refresh()
    grab(window, folder, "review-home-after-low-vision-200")


if __name__ == "__main__":
    app = QApplication.instance() or QApplication(sys.argv)
    main(Path(sys.argv[1]))
