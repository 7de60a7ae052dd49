"""UI fixtures: the real app window on a fresh data folder, the real bundled content."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zavmo_desktop.app import build_window
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def skip_onboarding(window: MainWindow) -> None:
    """A fresh data folder starts with the onboarding: tests about something else skip it
    the way a learner would, with its "Skip setup" button."""
    if window.onboarding:
        assert window.stack.currentWidget() is window.onboarding_screen
        window.onboarding_screen.skip_all.click()
        assert window.stack.currentWidget() is window.home


def framework_of(window: MainWindow, qtbot: QtBot) -> Framework:
    """The bundled pack's framework, once the window has read the modules."""
    qtbot.waitUntil(lambda: window.content_loaded, timeout=10000)
    assert window.learner is not None
    return window.learner.library.packs[0].framework


@pytest.fixture
def open_window(qapp: QApplication, qtbot: QtBot, data_dir: Path) -> Iterator[OpenWindow]:
    opened: list[MainWindow] = []

    def open_(*extra: str, onboarding: bool = False) -> MainWindow:
        """The app on the test's data folder; `onboarding`: leave a first start's onboarding
        showing (else it is skipped)."""
        window = build_window(["--data-dir", str(data_dir), *extra])
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts only reach the active window
        qtbot.waitUntil(window.isActiveWindow)
        opened.append(window)
        if not onboarding:
            skip_onboarding(window)
        return window

    yield open_
    for window in opened:
        window.close()


@pytest.fixture
def window(open_window: OpenWindow) -> MainWindow:
    return open_window()
