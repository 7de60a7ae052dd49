"""Shared test set-up: offscreen Qt, and a fresh data folder for every test."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.register_assert_rewrite("tests.accessibility")  # failures list what is wrong

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CONTENT = REPO_ROOT / "content"
HARD_STOP_S = 600  # past pytest-timeout's 300 s


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """A test stuck in Qt's C++ with the GIL held never reaches pytest-timeout's Python
    handler; faulthandler's own thread needs no GIL: it prints every thread's stack and
    ends the run."""
    faulthandler.dump_traceback_later(HARD_STOP_S, exit=True)
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's application, with the app's accessibility factory installed at once, as
    app.py does: before any widget exists (see ui/accessible.py for why then). Accessibility
    is on, as when a screen reader runs: Qt then makes each widget's interface as soon as
    the widget changes (its text set, say), not first when a test asks for it."""
    from PySide6.QtGui import QAccessible

    from zavmo_desktop.ui import accessible

    accessible.install(qapp)
    QAccessible.setActive(True)
    return qapp


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty learner data folder (ZAVMO_DATA_DIR points at it)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("ZAVMO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def bundled_content() -> Path:
    return BUNDLED_CONTENT
