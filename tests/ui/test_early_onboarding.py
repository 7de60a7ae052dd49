"""A first start shows the onboarding while the modules are still being read: the learner
can act at once, and a screen that shows content waits for it in plain words.

The real loader is held back (wrapped to wait for the test, then called as it is) so that
"while the modules are still being read" is a state the test controls, not a race.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import zavmo_desktop.core.storage.content_opening as content_opening
import zavmo_desktop.core.storage.store as store_module
from tests.accessibility import names_starting
from zavmo_desktop.app import prepare_window
from zavmo_desktop.core.profile.model import Onboarding
from zavmo_desktop.core.storage.backups import newest_good
from zavmo_desktop.core.storage.database import is_good_backup
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning, InstanceLock
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.core.storage.repositories import ProgressRepository
from zavmo_desktop.core.storage.store import open_store
from zavmo_desktop.ui.main_window import MainWindow

BUNDLED_ID, BUNDLED_TITLE = "director-ml-engineering", "Director of Machine Learning Engineering"


@pytest.fixture
def held_modules(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The modules are parsed only once the returned event is set."""
    go = threading.Event()
    real = content_opening.load_library

    def held(*args: Any, **kwargs: Any) -> Any:
        assert go.wait(20), "the test never let the modules load"
        return real(*args, **kwargs)

    monkeypatch.setattr(content_opening, "load_library", held)
    yield go
    go.set()


def started(qtbot: QtBot, data_dir: Path) -> MainWindow:
    window = prepare_window(["--data-dir", str(data_dir)])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=15000):
        window.show()
        window.start_loading()
    return window


def test_the_onboarding_is_usable_before_the_modules_are_read(
    qapp: QApplication, qtbot: QtBot, data_dir: Path, held_modules: threading.Event
) -> None:
    window = started(qtbot, data_dir)
    assert not window.content_loaded  # held: the old start waited for them before ready
    onboarding = window.stack.currentWidget()
    assert onboarding is window.built("Onboarding")
    assert onboarding.isAncestorOf(window.focusWidget())
    assert all(button.isEnabled() for button in window.nav_buttons.values())
    # The roles come from the packs' pack.yaml files alone.
    assert window.learner is not None
    assert window.learner.roles() == [(BUNDLED_ID, BUNDLED_TITLE)]

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    waiting = window.stack.currentWidget()
    assert waiting.accessibleName() == "Still loading screen"
    assert "Still reading the modules" in waiting.text()
    assert window.built("Library") is None  # never a library that looks empty
    assert window.nav_buttons["Library"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.built("Settings")  # needs no modules
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is waiting  # Discover waits too

    with qtbot.waitSignal(window.loaded, timeout=15000):
        held_modules.set()
    discover = window.stack.currentWidget()
    assert discover is window.built("Discover")  # opened as soon as they were read
    assert window.nav_buttons["Discover"].isChecked()
    assert window.learner.library.modules
    assert window.learner.roles() == [
        (pack.manifest.id, pack.manifest.title) for pack in window.learner.library.packs
    ]
    assert all(w.accessibleName() != "Still loading screen" for w in _stack(window))
    window.show_screen("Library")
    assert window.library.modules.topLevelItemCount() > 0
    window.close()


def test_skipping_the_onboarding_at_once_shows_home_once_it_is_filled(
    qapp: QApplication, qtbot: QtBot, data_dir: Path, held_modules: threading.Event
) -> None:
    window = started(qtbot, data_dir)
    window.onboarding_screen.skip_all.click()
    assert window.stack.currentWidget().accessibleName() == "Still loading screen"
    assert window.built("Home") is None
    with qtbot.waitSignal(window.loaded, timeout=15000):
        held_modules.set()
    assert window.stack.currentWidget() is window.home
    assert window.home._summary.text().startswith("You have completed")
    window.close()


def test_closing_while_the_modules_are_read_waits_and_keeps_what_was_typed(
    qapp: QApplication, qtbot: QtBot, data_dir: Path, held_modules: threading.Event
) -> None:
    window = started(qtbot, data_dir)
    window.onboarding_screen.skip_all.click()
    window.close()
    assert window.isVisible()  # waits for the modules: their index is being written
    with pytest.raises(AlreadyRunning):
        InstanceLock(data_dir).acquire()
    held_modules.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    assert window.learner is None
    lock = InstanceLock(data_dir)
    lock.acquire()  # released once everything was closed
    lock.release()
    store = open_store(data_dir)
    assert not ProfileRepository(store.db).load().needs_onboarding  # the skip was saved
    store.db.conn.close()


def test_a_returning_learner_gets_everything_at_ready(
    qapp: QApplication, qtbot: QtBot, data_dir: Path
) -> None:
    window = started(qtbot, data_dir)
    qtbot.waitUntil(lambda: window.content_loaded, timeout=15000)
    window.onboarding_screen.skip_all.click()
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15000)
    again = started(qtbot, data_dir)
    assert again.content_loaded  # Home never waits: it is filled at ready
    assert again.stack.currentWidget() is again.home
    again.close()


def _stack(window: MainWindow) -> list[Any]:
    return [window.stack.widget(i) for i in range(window.stack.count())]


def returning_learner(data_dir: Path) -> None:
    store = open_store(data_dir)
    ProfileRepository(store.db).save(
        ProfileRepository(store.db).load().but(onboarding=Onboarding.SKIPPED)
    )
    ProgressRepository(store.db).set_complete("board-storytelling", True)
    store.db.conn.close()
    shutil.rmtree(data_dir / "backups", ignore_errors=True)  # any backup found: this start's


def test_ready_does_not_wait_for_todays_backup_and_closing_waits_for_it(
    qapp: QApplication, qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    returning_learner(data_dir)
    go, taken = threading.Event(), []
    real = store_module.make_backup

    def held(*args: Any) -> Path:
        assert go.wait(20), "the test never let the backup be made"
        taken.append(real(*args))
        return taken[-1]

    monkeypatch.setattr(store_module, "make_backup", held)
    window = started(qtbot, data_dir)  # the old start made the backup before ready
    assert window.stack.currentWidget() is window.home
    assert window.home._summary.text().startswith("You have completed 1")
    assert not taken
    threading.Timer(0.3, go.set).start()
    window.close()  # waits for the backup on its way, then backs up as it always did
    assert not window.isVisible()
    assert len(taken) == 2  # today's, then closing's
    newest = newest_good(data_dir / "backups")  # one a day is kept: closing's
    assert newest is not None and newest.path == taken[-1] and is_good_backup(newest.path)


def test_a_backup_that_cannot_be_made_is_told_on_home_after_it_was_shown(
    qapp: QApplication, qtbot: QtBot, data_dir: Path
) -> None:
    returning_learner(data_dir)
    (data_dir / "backups").write_text("not a folder")  # what a sync tool can leave
    window = started(qtbot, data_dir)
    home = window.home
    told = "Zavmo could not make today's backup of your progress."
    qtbot.waitUntil(lambda: any(told in text for text in names_starting(home, "")), timeout=15000)
    window.close()
