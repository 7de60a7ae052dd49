"""No Python Qt message handler may be installed while tests run (the app installs none either).

QMediaPlayer.stop() and setSource() block the GUI thread, with the GIL held, until FFmpeg's
player thread answers. That thread logs warnings (e.g. "No audio device detected"); with a
Python handler installed it waits for the GIL, and read-aloud hangs for ever. pytest-qt's log
capture is such a handler, hence --no-qt-log in pyproject.toml.
"""

from __future__ import annotations

from PySide6.QtCore import qInstallMessageHandler


def test_no_python_qt_message_handler_during_a_test() -> None:
    installed = qInstallMessageHandler(None)
    qInstallMessageHandler(installed)
    assert installed is None, f"a Python Qt message handler is installed: {installed!r}"
