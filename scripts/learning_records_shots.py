"""PNGs of Settings, Learning records: with a real LRS (Ralph on loopback, from the test extra)
after a send, with that LRS stopped (the error in words), with records a server refused for
good (the loopback stub of tests/lrs_stub.py), and with no LRS configured; at 100%
and 200% text, and in the dark theme; and the Privacy page for each.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/learning_records_shots.py OUT
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.lrs_stub import stub_lrs
from tests.ralph_lrs import RalphLrs
from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow


def settle(seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(window: MainWindow, folder: Path, name: str) -> None:
    settle()
    window.grab().save(str(folder / f"{name}.png"))
    print(folder / f"{name}.png")


def show_panel(window: MainWindow, folder: Path, name: str) -> None:
    assert window.learner is not None
    for theme, scale in (("light", 100), ("light", 200), ("dark", 100)):
        window.learner.settings.set("theme", theme)
        window.learner.settings.set("text_scale", scale)
        window.show_screen("Settings")
        settle(1.2)  # the panel looks again every second
        screen = window.settings_screen
        screen.scroll.ensureWidgetVisible(screen.learning_records, 0, 0)
        screen.scroll.verticalScrollBar().setValue(screen.learning_records.y() - 40)
        save(window, folder, f"{name}-{theme}-{scale}")
    window.learner.settings.set("theme", "light")
    window.learner.settings.set("text_scale", 100)
    window.show_privacy()
    save(window, folder, f"{name}-privacy")


def open_app(*extra: str) -> MainWindow:
    window = build_window(["--data-dir", tempfile.mkdtemp(prefix="zavmo-records-"), *extra])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.show()
    window.onboarding_screen.skip_all.click()
    return window


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    window = open_app()
    show_panel(window, folder, "records-not-configured")
    window.close()

    lrs = RalphLrs(Path(tempfile.mkdtemp(prefix="zavmo-ralph-")))
    lrs.start()
    try:
        config = Path(tempfile.mkdtemp()) / "org.toml"
        config.write_text(lrs.config_toml(), encoding="utf-8")
        window = open_app("--org-config", str(config))
        learner = window.learner
        assert learner is not None and learner.records_sender is not None
        for module in learner.library.modules[:3]:
            learner.mark_opened(module)
            learner.set_complete(module.id, True)
        learner.records_sender.send_now()
        while learner.records_report().waiting:
            settle(0.1)
        learner.mark_opened(learner.library.modules[3])  # one still waiting
        show_panel(window, folder, "records-sent")
        print(f"Ralph holds {len(lrs.stored_ids())} statements")
        lrs.stop()
        rounds = learner.records_sender.rounds
        learner.records_sender.send_now()
        while learner.records_sender.rounds == rounds:
            settle(0.1)
        show_panel(window, folder, "records-server-down")
        window.close()
    finally:
        lrs.stop()
    show_refused(folder)


def show_refused(folder: Path) -> None:
    with stub_lrs() as stub:
        stub.refuse_marker = "/verbs/experienced"  # every "opened" record is refused
        config = Path(tempfile.mkdtemp()) / "org.toml"
        config.write_text(stub.config_toml(), encoding="utf-8")
        window = open_app("--org-config", str(config))
        learner = window.learner
        assert learner is not None and learner.records_sender is not None
        for module in learner.library.modules[:2]:
            learner.mark_opened(module)
            learner.set_complete(module.id, True)
        learner.records_sender.send_now()
        while learner.records_report().waiting:
            settle(0.1)
        show_panel(window, folder, "records-refused")
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots/xapiui"))
