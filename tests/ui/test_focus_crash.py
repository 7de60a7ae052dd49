"""A focus session survives the app being killed: the real app, a real SIGKILL, a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.accessibility import find_by_name, names_starting
from tests.ui.conftest import OpenWindow

# Starts the real app, starts a focus session with the keyboard shortcut, reports, and waits
# to be killed: no clean close, no final save.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton
    from zavmo_desktop.app import build_window

    window = build_window(["--data-dir", sys.argv[1]])
    window.show()
    window.activateWindow()
    for _ in range(100):  # shortcuts reach only the active window
        if window.isActiveWindow():
            break
        QTest.qWait(20)
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    names = {button.accessibleName() for button in window.findChildren(QPushButton)}
    print("running" if "Pause focus session" in names else "not running", flush=True)
    sys.stdin.read()
    """
)


def test_a_session_running_when_the_app_is_killed_comes_back_paused(
    data_dir: Path, open_window: OpenWindow
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "running"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)

    window = open_window()
    assert names_starting(window, "Your focus session was paused when Zavmo closed.")
    resume = find_by_name(window, "Resume focus session")
    assert resume.isEnabled()
    rows = window.learner.focus_sessions.recent()  # type: ignore[union-attr]
    assert len(rows) == 1 and rows[0].kind == "focus" and rows[0].outcome is None
