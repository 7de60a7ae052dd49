"""A second start on the same learner's data never opens the database twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import OpenWindow
from zavmo_desktop.app import build_window
from zavmo_desktop.core.storage.instance_lock import AlreadyRunning


def test_second_window_on_same_data_is_refused(open_window: OpenWindow, data_dir: Path) -> None:
    open_window()
    with pytest.raises(AlreadyRunning):
        build_window(["--data-dir", str(data_dir)])


def test_second_start_brings_the_first_forward_and_exits(
    open_window: OpenWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window()
    window.showMinimized()
    second = subprocess.Popen(
        [sys.executable, "-m", "zavmo_desktop", "--data-dir", str(data_dir)],
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    assert second.returncode == 1
    assert "already open" in second.stderr.read()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=5_000)
