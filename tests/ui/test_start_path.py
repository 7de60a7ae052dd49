"""What a start loads before the learner can act: nothing the first screen does not need.

The cold-start benchmark times it; this checks what it is made of, in a fresh process as the
learner starts the app: Qt's namespace (~20 ms to import) and its event classes (~5 ms) stay
off the first frame, and a returning learner's start, served from the parse cache with no
migration pending, imports neither sqlite-utils (50-100 ms, with click, dateutil and pluggy)
nor the parsers (PyYAML, Markdown-It); a first start makes its new schema without
sqlite-utils too, and its first frame loads neither QStyle nor sqlite3.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from zavmo_desktop.ui.widgets.home_pathway import NO_PLAN

REPO_ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlite_utils", "click", "dateutil", "pluggy", "yaml", "markdown_it")

CHILD = """
import json, sys
import PySide6.QtCore as QtCore
import PySide6.QtWidgets as QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from zavmo_desktop.app import prepare_window
def loaded():
    return sorted({name.split(".")[0] for name in sys.modules})
seen = {}
window = prepare_window(sys.argv[1:])
window.failed.connect(lambda error: (print(repr(error), file=sys.stderr), QApplication.exit(3)))
window.show()
window.start_loading()
def first_frame():
    seen["qt_namespace_at_first_frame"] = "Qt" in vars(QtCore)
    seen["qt_events_at_first_frame"] = "QEvent" in vars(QtCore)
    seen["heavy_at_first_frame"] = loaded()
    # QStyle and its options (~12 ms), the accessible interfaces, sqlite3 (~4 ms)
    seen["qt_style_at_first_frame"] = "QStyle" in vars(QtWidgets)
    seen["accessible_interfaces_at_first_frame"] = "QAccessibleWidget" in vars(QtWidgets)
    seen["sqlite3_at_first_frame"] = "sqlite3" in sys.modules
QTimer.singleShot(0, first_frame)
def ready():
    seen["heavy_at_ready"] = loaded()
    seen["planner_at_ready"] = "zavmo_desktop.core.pathway.planner" in sys.modules
    if not window.onboarding:
        seen["home_focus"] = window.home.pathway.focus.text()
    seen["showing"] = window.stack.currentWidget().accessibleName()
    seen["navigation_on"] = all(b.isEnabled() for b in window.nav_buttons.values())
    print(json.dumps(seen))
    if window.onboarding:  # a first start: the learner skips it, and next time sees Home
        window.onboarding_screen.skip_all.click()
    window.close()
    QApplication.quit()
window.ready.connect(ready)
sys.exit(QApplication.exec())
"""


def start(data_dir: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ZAVMO_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--data-dir", str(data_dir)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    for moment in ("first_frame", "ready"):
        seen[f"heavy_at_{moment}"] = sorted(set(HEAVY) & set(seen[f"heavy_at_{moment}"]))
    return seen


def accept_a_plan(data_dir: Path) -> None:
    from datetime import date

    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.pathway.model import PlanRequest
    from zavmo_desktop.core.pathway.planner import make_plan
    from zavmo_desktop.paths import bundled_content_dir

    learner = Learner.open(data_dir, [bundled_content_dir()])
    pack = learner.library.packs[0]
    request = PlanRequest(pack.framework, pack.modules, {}, 3, (0, 2, 5), date.today())
    learner.pathway.accept(make_plan(request), "first")
    learner.close()


def test_the_first_frame_and_a_returning_start_load_only_what_they_need(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first = start(data_dir)  # a first start parses the pack and makes the schema
    assert first["showing"] == "Onboarding screen" and first["navigation_on"]
    assert first["qt_namespace_at_first_frame"] is False
    assert first["qt_events_at_first_frame"] is False  # loading QEvent loads ~50 classes
    assert first["heavy_at_first_frame"] == []
    assert first["qt_style_at_first_frame"] is False  # the navigation is plain buttons
    assert first["accessible_interfaces_at_first_frame"] is False  # the factory is installed
    assert first["sqlite3_at_first_frame"] is False  # nothing to peek at yet
    # The new schema is made with plain SQL: only the packs' manifests need a parser.
    assert first["heavy_at_ready"] == ["yaml"]

    accept_a_plan(data_dir)  # Home then shows the week's focus from the stored plan
    returning = start(data_dir)
    assert returning["showing"] == "Home screen" and returning["navigation_on"]
    assert returning["qt_namespace_at_first_frame"] is False
    assert returning["heavy_at_first_frame"] == []
    assert returning["qt_style_at_first_frame"] is False
    assert returning["heavy_at_ready"] == []
    assert returning["planner_at_ready"] is False  # Home reads the stored plan, no more
    assert returning["home_focus"] != NO_PLAN
