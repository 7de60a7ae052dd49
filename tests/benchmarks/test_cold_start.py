"""Cold start: from process launch to a responsive window, and to Home with real content.

Each run is a fresh `python -c` process. The parent reads the wall clock (`time.time()`)
just before `Popen`; the child prints `time.time()` at each milestone. Both are the same
machine's wall clock, so the difference is everything the learner waits for: exec,
interpreter start-up, imports, QApplication, the window, the first pass of the event loop.
The bare reference is a QMainWindow of the same size, timed to the same milestone in the
same run, with its runs interleaved with the app's so that machine noise hits both alike.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks._report import REPEATS, Row, Summary, record

REPO_ROOT = Path(__file__).resolve().parents[2]
SHOWN_TARGET = 1.5  # window shown and responsive, as a multiple of the bare window

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
print("imported", repr(time.time()), flush=True)
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1100, 760)
window.show()
QTimer.singleShot(0, lambda: (print("shown", repr(time.time()), flush=True), app.quit()))
app.exec()
"""

# What zavmo_desktop.app.main does, with the two milestones marked.
ZAVMO_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from zavmo_desktop.app import prepare_window
def mark(name):
    print(name, repr(time.time()), flush=True)
mark("imported")
window = prepare_window(sys.argv[1:])
window.failed.connect(lambda error: (print(repr(error), file=sys.stderr), QApplication.exit(3)))
window.show()
window.start_loading()
QTimer.singleShot(0, lambda: mark("shown"))
def ready():
    mark("ready")
    window.close()  # releases the lock and backs up, as when the learner quits
    QApplication.quit()
window.ready.connect(ready)
sys.exit(QApplication.exec())
"""


def _child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ZAVMO_DATA_DIR", None)
    return env


def launch(code: str, *args: str) -> dict[str, float]:
    """Seconds from just before launch to each milestone the child printed."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO_ROOT,
        env=_child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"child failed ({done.returncode}):\n{done.stderr}"
    marks = dict(line.split() for line in done.stdout.splitlines() if line.strip())
    return {name: float(stamp) - started for name, stamp in marks.items()}


@dataclass
class Samples:
    runs: list[dict[str, float]] = field(default_factory=list)

    def of(self, milestone: str) -> Summary:
        return Summary.of([run[milestone] for run in self.runs])


def run_rounds(tmp: Path) -> tuple[Samples, Samples, Samples]:
    bare, first, returning = Samples(), Samples(), Samples()
    returning_dir = tmp / "returning"
    launch(BARE_WINDOW)  # warm-up: file cache and bytecode, not timed
    launch(ZAVMO_WINDOW, "--data-dir", str(returning_dir))  # sets up the returning learner
    for number in range(REPEATS):
        bare.runs.append(launch(BARE_WINDOW))
        fresh_dir = tmp / f"first-{number}" / "data"  # does not exist yet: a first-ever start
        first.runs.append(launch(ZAVMO_WINDOW, "--data-dir", str(fresh_dir)))
        returning.runs.append(launch(ZAVMO_WINDOW, "--data-dir", str(returning_dir)))
    return bare, first, returning


def _record_app(label: str, samples: Samples, bare_shown: float) -> float:
    imported = samples.of("imported")
    shown = samples.of("shown")
    ready = samples.of("ready")
    ratio = shown.median / bare_shown
    note = "python + imports of zavmo_desktop.app, PySide6"
    record(Row("cold start", f"{label}: imports done", imported, imported.median / bare_shown,
               note=note))  # fmt: skip
    record(Row("cold start", f"{label}: (a) window shown, responsive", shown, ratio,
               f"<= {SHOWN_TARGET}x bare", ratio <= SHOWN_TARGET))  # fmt: skip
    record(Row("cold start", f"{label}: (b) ready, Home with content", ready,
               ready.median / bare_shown, "report only"))  # fmt: skip
    return ratio


def test_cold_start(tmp_path: Path) -> None:
    bare, first, returning = run_rounds(tmp_path)
    bare_imported, bare_shown = bare.of("imported"), bare.of("shown")
    record(Row("cold start", "bare: import PySide6.QtWidgets", bare_imported,
               bare_imported.median / bare_shown.median))  # fmt: skip
    record(Row("cold start", "bare QMainWindow: shown, responsive", bare_shown, 1.0,
               note="the reference"))  # fmt: skip
    first_ratio = _record_app("first-ever start", first, bare_shown.median)
    returning_ratio = _record_app("returning learner", returning, bare_shown.median)
    assert first_ratio <= SHOWN_TARGET, f"first-ever start shown at {first_ratio:.2f}x bare"
    assert returning_ratio <= SHOWN_TARGET, f"returning start shown at {returning_ratio:.2f}x bare"
