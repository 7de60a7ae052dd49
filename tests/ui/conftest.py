"""UI fixtures: the real app window on a fresh data folder, the real bundled content."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from zavmo_desktop.app import build_window
from zavmo_desktop.ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_window(qapp: QApplication, qtbot: QtBot, data_dir: Path) -> Iterator[OpenWindow]:
    opened: list[MainWindow] = []

    def open_(*extra: str) -> MainWindow:
        window = build_window(["--data-dir", str(data_dir), *extra])
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts only reach the active window
        qtbot.waitUntil(window.isActiveWindow)
        opened.append(window)
        return window

    yield open_
    for window in opened:
        window.close()


@pytest.fixture
def window(open_window: OpenWindow) -> MainWindow:
    return open_window()
