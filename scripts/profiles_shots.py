"""PNGs of the learner chooser at 100% and 200% text and in the dark theme, the PIN prompt
after wrong tries, Add a learner, the Remove confirmation, the list again after a learner's
data could not be opened, and Settings' Who is learning with its Rename and PIN dialogs.

Run on a virtual screen:  xvfb-run -a .venv/bin/python scripts/profiles_shots.py [OUT_DIR]
(default /tmp/shots/profiles)
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from zavmo_desktop.app import build_window
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.profiles.registry import Profiles
from zavmo_desktop.paths import bundled_content_dir
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.profile_chooser import ProfileChooser
from zavmo_desktop.ui.widgets.learner_account_dialogs import (
    CHANGE_PIN,
    RENAME,
    SET_PIN,
    AccountDialog,
)


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget: object, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / f"{name}.png"))  # type: ignore[attr-defined]
    print(folder / f"{name}.png")


def with_look(root: Path, **look: object) -> None:
    """The root learner's look, which the chooser takes from whoever was in last."""
    learner = Learner.open(root, [bundled_content_dir()])
    for key, value in look.items():
        learner.settings.set(key, value)
    learner.close()


def chooser_on(root: Path) -> ProfileChooser:
    chooser = build_window(["--data-dir", str(root)])
    assert isinstance(chooser, ProfileChooser)
    chooser.resize(1000, 700)
    chooser.show()
    return chooser


def shown_chooser(old: ProfileChooser) -> ProfileChooser | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ProfileChooser) and widget is not old and widget.isVisible():
            return widget
    return None


def could_not_open(chooser: ProfileChooser, root: Path, folder: Path, name: str) -> ProfileChooser:
    """Dana's database held by another program: the list comes back, saying so."""
    from zavmo_desktop.core.storage import DATABASE_NAME

    dana = root / "profiles" / "dana"
    Learner.open(dana, [bundled_content_dir()]).close()
    database = dana / DATABASE_NAME
    holder = sqlite3.connect(database)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        chooser.choose("dana")
        back: ProfileChooser | None = None
        while back is None or not back.list_page.status.isVisible():
            QApplication.processEvents()
            back = shown_chooser(chooser)
    finally:
        holder.rollback()
        holder.close()
    save(back, folder, f"could-not-open-{name}")
    return back


def settings_dialogs(window: MainWindow, folder: Path, name: str) -> None:
    panel = window.settings_screen.who_is_learning
    panel.open_dialog(RENAME)
    dialog: AccountDialog | None = panel.dialog
    assert dialog is not None
    dialog.fields[0].setText("beatriz ferreira")
    dialog.confirm()  # already a learner of that name: what to change is shown
    save(dialog, folder, f"rename-problem-{name}")
    dialog.reject()
    panel.open_dialog(SET_PIN)
    dialog = panel.dialog
    assert dialog is not None
    for field in dialog.fields:
        field.setText("1357")
    dialog.confirm()  # the panel now offers Change PIN and Remove PIN
    settle()
    panel.open_dialog(CHANGE_PIN)
    dialog = panel.dialog
    assert dialog is not None
    for field, text in zip(dialog.fields, ("1111", "2468", "2468"), strict=True):
        field.setText(text)
    for _ in range(4):
        dialog.fields[0].setText("1111")
        dialog.confirm()
    save(dialog, folder, f"change-pin-wait-{name}")
    dialog.reject()
    settle()
    window.settings_screen.scroll.ensureWidgetVisible(panel.switch_button)
    save(window, folder, f"settings-who-is-learning-{name}")


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, look in (
        ("100", {"text_scale": 100}),
        ("200", {"text_scale": 200}),
        ("dark", {"theme": "dark"}),
    ):
        root = Path(tempfile.mkdtemp(prefix="zavmo-profiles-")) / "data"
        with_look(root, **look)
        profiles = Profiles(root)
        profiles.add("Beatriz Ferreira", pin="2468")
        profiles.add("Chen")
        profiles.add("Dana")
        chooser = chooser_on(root)
        save(chooser, folder, f"chooser-{name}")
        chooser.choose("beatriz-ferreira")
        for _ in range(4):
            chooser.pin_page.field.setText("1111")
            chooser.pin_page.submit()
        save(chooser, folder, f"pin-after-wrong-tries-{name}")
        chooser.show_add()
        chooser.add_page.name.setText("Dana")
        chooser.add_page.pin.setText("12")
        chooser.add_page.pin_again.setText("12")
        chooser.add_page.submit()  # too short: what to change is shown
        save(chooser, folder, f"add-learner-{name}")
        chooser.show_list()
        chooser.ask_to_remove("chen")
        assert chooser.remove_dialog is not None
        save(chooser.remove_dialog, folder, f"remove-confirmation-{name}")
        chooser.remove_dialog.reject()
        chooser = could_not_open(chooser, root, folder, name)
        chooser.choose("chen")
        window = chooser.successor
        assert isinstance(window, MainWindow)
        while window.learner is None or not window.content_loaded:
            QApplication.processEvents()
        if window.onboarding:
            window.onboarding_screen.skip_all.click()
        window.learner.settings.set("text_scale", look.get("text_scale", 100))
        window.learner.settings.set("theme", look.get("theme", "light"))
        window.show_screen("Settings")
        settle()
        settings_dialogs(window, folder, name)
        window.close()
        settle()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots/profiles"))
