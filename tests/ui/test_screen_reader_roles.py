"""Headings and the navigation as a screen reader gets them from the real app at start-up:
in a fresh process (the app's own start code installs the factory, not the tests' qapp),
and over AT-SPI, the way Orca reads it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# The app's start-up under a screen reader: accessibility is on before the first widget,
# so Qt makes each widget's interface as soon as the widget gets its text.
START = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication
    from tests.accessibility_roles import heading_problems, navigation_problems
    from zavmo_desktop.app import build_window

    app = QApplication([sys.argv[0]])
    QAccessible.setActive(True)
    window = build_window(["--data-dir", sys.argv[1]])
    window.show()
    app.processEvents()
    print(json.dumps({
        "headings": heading_problems(window),
        "navigation": navigation_problems(window),
    }))
    """
)


def test_the_app_gives_headings_and_navigation_their_roles_from_its_first_widget(
    data_dir: Path,
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    run = subprocess.run(
        [sys.executable, "-c", START, str(data_dir)],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO_ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.splitlines()[-1]) == {"headings": [], "navigation": []}


SYSTEM_PYTHON = Path("/usr/bin/python3")


def _atspi_missing() -> str:
    for tool in ("dbus-run-session", "xvfb-run"):
        if shutil.which(tool) is None:
            return f"needs {tool} (scripts/install.sh)"
    found = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True)
    return "" if found.returncode == 0 else "needs python3-pyatspi (scripts/install.sh)"


@pytest.mark.slow
@pytest.mark.skipif(not SYSTEM_PYTHON.exists() or bool(_atspi_missing()), reason="AT-SPI")
def test_a_screen_reader_hears_headings_with_levels_and_the_navigation_as_page_tabs(
    data_dir: Path,
) -> None:
    probe = REPO_ROOT / "tests" / "atspi" / "probe.py"
    run = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", str(SYSTEM_PYTHON), str(probe),
         sys.executable, str(data_dir)],
        capture_output=True, text=True, timeout=240, cwd=REPO_ROOT,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    heard = json.loads(run.stdout.splitlines()[-1])
    assert ["Welcome to Zavmo", "1"] in heard["headings"]
    assert {level for _name, level in heard["headings"]} == {"1", "2"}
    assert set(heard["tabs"]) >= {"Home", "Library", "Settings", "Keyboard shortcuts"}
    for name, states in heard["tabs"].items():
        assert "checked" not in states and "checkable" not in states, name
    assert [n for n, states in heard["tabs"].items() if "selected" in states] == ["Home"]
    after = heard["after_press"]
    assert [n for n, states in after.items() if "selected" in states] == ["Library"]
