"""Save a PNG of every screen, for looking at what we built.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/screenshots.py OUT_DIR
Options: --size 1280x800 (the window; 1100x760 by default), --presets-only (each screen in
the Dyslexia and Low vision presets at 100% and 200% only), --content PACK (a pack of one's
own, e.g. a broken one to see the Library's content problems).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QRadioButton

from zavmo_desktop.app import build_window
from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.settings.presets import PRESETS
from zavmo_desktop.ui.main_window import MainWindow


def grab(window: MainWindow, folder: Path, name: str) -> None:
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def main(folder: Path, size: tuple[int, int], presets_only: bool, content: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    packs = [arg for pack in content for arg in ("--content", pack)]
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-shots-"), *packs])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(*size)
    window.show()
    grab(window, folder, "onboarding-first-run")
    window.onboarding_screen.skip_all.click()  # scripts/onboarding_shots.py shows every step
    if presets_only:
        for preset in ("dyslexia", "low_vision"):
            for scale in (100, 200):
                every_screen(window, folder, preset, scale)
        window.close()
        return
    grab(window, folder, "home-first-run")
    window.show_screen("Library")
    grab(window, folder, "library")
    window.library.search.setText("stakeholder adoption")
    window.library._run_search()
    grab(window, folder, "library-search")
    window.open_module(window.learner.library.modules[0])
    grab(window, folder, "reader")
    window.show_screen("Home")
    grab(window, folder, "home-continue")
    window.show_screen("Settings")
    grab(window, folder, "settings")
    window.show_screen("Keyboard shortcuts")
    grab(window, folder, "shortcuts")
    settings = window.learner.settings
    for theme, scale in (("dark", 100), ("light", 200)):
        settings.set("theme", theme)
        settings.set("text_scale", scale)
        window.open_module(window.learner.library.modules[0])
        grab(window, folder, f"reader-{theme}-{scale}")
        window.show_screen("Library")
        grab(window, folder, f"library-{theme}-{scale}")
    for preset in PRESETS.values():
        settings.apply({key: spec.default for key, spec in SPECS.items()})
        settings.apply(preset.values)
        window.open_module(window.learner.library.modules[1])
        window.reader.text.setFocus()
        grab(window, folder, f"reader-preset-{preset.key}")
    settings.apply({key: spec.default for key, spec in SPECS.items()})
    for theme in ("cream", "high_contrast", "low_stimulation"):
        settings.set("theme", theme)
        window.show_screen("Settings")
        grab(window, folder, f"settings-{theme}")
    settings.set("theme", "light")
    settings.set("text_scale", 200)
    window.timer.toggle()  # a focus session running, at double text size
    window.open_module(window.learner.library.modules[2])
    grab(window, folder, "reader-200-timer-running")
    window.timer.toggle()
    settings.set("text_scale", 100)
    for overlay in ("yellow", "blue"):
        settings.set("overlay", overlay)
        window.open_module(window.learner.library.modules[0])
        grab(window, folder, f"reader-overlay-{overlay}")
    settings.set("overlay", "none")
    deliver(window, folder)
    settings.set("text_scale", 200)
    deliver(window, folder, suffix="-200")
    for preset in ("dyslexia", "low_vision"):
        for scale in (100, 200):
            every_screen(window, folder, preset, scale)
    window.close()


def every_screen(window: MainWindow, folder: Path, preset: str, scale: int) -> None:
    """Each screen in one preset at one text size: {preset}-{scale}-{screen}.png."""
    assert window.learner is not None
    settings = window.learner.settings
    settings.apply({key: spec.default for key, spec in SPECS.items()})
    settings.apply({**PRESETS[preset].values, "text_scale": scale})
    name = f"{preset}-{scale}"
    window.show_screen("Home")
    grab(window, folder, f"{name}-home")
    window.show_screen("Discover")
    grab(window, folder, f"{name}-discover")
    window.show_screen("Library")
    grab(window, folder, f"{name}-library")
    window.library.search.setText("stakeholder adoption")
    window.library.search.returnPressed.emit()
    grab(window, folder, f"{name}-library-search")
    window.library.search.clear()
    board = window.learner.module("board-storytelling")
    assert board is not None
    window.open_module(board)
    window.reader.speech.bar.options.click()  # with the reading options open
    grab(window, folder, f"{name}-reader-read")
    window.reader.speech.bar.options.click()
    bar = window.reader.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # halfway through, then the options opened
    grab(window, folder, f"{name}-reader-middle")
    window.reader.speech.bar.options.click()
    grab(window, folder, f"{name}-reader-middle-options")
    window.reader.speech.bar.options.click()
    for tab in ("Practise", "Checklists", "Reflections"):
        window.reader.show_tab(tab)
        grab(window, folder, f"{name}-reader-{tab.lower()}")
    window.open_conversation(board, board.conversations[0])
    screen = window.conversation_screen
    if screen.session is not None and screen.session.started:
        screen.restart_button.click()
        screen.confirm_yes.click()
    else:
        screen.start_button.click()
    grab(window, folder, f"{name}-conversation-choices")
    screen.choices.findChildren(QRadioButton)[1].click()  # a weak reply: feedback follows
    screen.send_button.click()
    grab(window, folder, f"{name}-conversation-feedback")
    window.show_screen("Settings")
    grab(window, folder, f"{name}-settings")
    window.show_screen("Keyboard shortcuts")
    grab(window, folder, f"{name}-shortcuts")


def deliver(window: MainWindow, folder: Path, suffix: str = "") -> None:
    """Read aloud mid-sentence, the module's tabs, and a conversation part-way through."""
    assert window.learner is not None
    board = window.learner.module("board-storytelling")
    assert board is not None
    window.open_module(board)
    window.reader.speech.bar.play.click()
    wait(1500)
    grab(window, folder, f"reader-reading-aloud{suffix}")
    window.read_aloud.stop()
    for tab in ("Practise", "Checklists", "Reflections"):
        window.reader.show_tab(tab)
        grab(window, folder, f"reader-tab-{tab.lower()}{suffix}")
    cfo = board.conversations[0]
    window.open_conversation(board, cfo)
    screen = window.conversation_screen
    if screen.session is not None and not screen.session.started:
        screen.start_button.click()
    grab(window, folder, f"conversation-choices{suffix}")
    if screen.session is not None and screen.session.engine.replies:
        screen.choices.findChildren(QRadioButton)[0].click()
        screen.send_button.click()
        screen.answer_box.editor.setPlainText("We will report revenue and adoption.")
        screen.send_button.click()
    grab(window, folder, f"conversation-key-points{suffix}")
    screen.restart_button.click()
    screen.confirm_yes.click()


def wait(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--size", default="1100x760")
    parser.add_argument("--presets-only", action="store_true")
    parser.add_argument("--content", action="append", default=[])
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    main(args.folder, (width, height), args.presets_only, args.content)
