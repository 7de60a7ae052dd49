"""Opening a 5,000-word module in the real reader, against a bare QTextBrowser.

Timed: `ReaderScreen.show_module(module)`, then `QApplication.processEvents()` for what it
posted, then `document().size()`, which lays out the whole document. Not timed: opening the
learner and building and showing the reader, which happen once, at start-up.

In this process markdown-it-py is imported by a warm-up open first, so "first open" is the
render (Markdown + nh3), storing the HTML in the index, setHtml and layout. The first open
in a new process, as after launching the app, also pays for importing markdown-it-py and
its extensions, and for Qt's first text layout; a bare browser's first layout of the same
HTML in a new process is its reference.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QTextBrowser

from tests.benchmarks._reader_session import (
    READER_SIZE,
    REPO_ROOT,
    module_words,
    open_session,
    time_open,
    write_big_pack,
)
from tests.benchmarks._report import REPEATS, Row, Summary, record, time_it
from zavmo_desktop.core.content.render import render_markdown

FIRST_OPEN_TARGET = 0.100  # seconds

# A fresh process: its first module open also pays for importing markdown-it-py.
FIRST_IN_PROCESS = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from tests.benchmarks._reader_session import open_session, time_open
app = QApplication(sys.argv[:1])
session = open_session(Path(sys.argv[1]), Path(sys.argv[2]))
print(repr(time_open(session)))
session.close()
"""

# The reference for that: a new process's first layout of the same HTML in a bare browser.
BARE_FIRST_IN_PROCESS = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(sys.argv[:1])
html = Path(sys.argv[1]).read_text(encoding="utf-8")
browser = QTextBrowser()
browser.resize(int(sys.argv[2]), int(sys.argv[3]))
browser.show()
app.processEvents()
start = time.perf_counter()
browser.setHtml(html)
app.processEvents()
browser.document().size()
print(repr(time.perf_counter() - start))
"""

SECTION = "module open"


@pytest.fixture(scope="module")
def big_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_big_pack(tmp_path_factory.mktemp("bench-pack"))


def first_opens(tmp: Path, pack: Path) -> tuple[list[float], list[float], list[Path]]:
    """Each run a new learner on a new data dir: the Markdown is rendered. Then reopens."""
    first, same_session, data_dirs = [], [], []
    for number in range(REPEATS):
        data_dir = tmp / f"first-{number}"
        session = open_session(data_dir, pack)
        first.append(time_open(session))
        same_session.append(time_open(session))  # the HTML is in the learner's memory
        session.close()
        data_dirs.append(data_dir)
    return first, same_session, data_dirs


def reopens_next_session(data_dirs: list[Path], pack: Path) -> list[float]:
    """A later session: the HTML comes from the index's rendered-HTML cache."""
    samples = []
    for data_dir in data_dirs:
        session = open_session(data_dir, pack)
        samples.append(time_open(session))
        session.close()
    return samples


def in_new_process(code: str, *args: str) -> float:
    """The seconds a `python -c code args` child printed last."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return float(done.stdout.strip().splitlines()[-1])


def new_process_opens(tmp: Path, pack: Path, html: str) -> tuple[Summary, Summary]:
    """The app's first open in each new process, and a bare browser's, interleaved."""
    html_file = tmp / "module.html"
    html_file.write_text(html, encoding="utf-8")
    size = [str(n) for n in READER_SIZE]
    app, bare = [], []
    for number in range(REPEATS):
        bare.append(in_new_process(BARE_FIRST_IN_PROCESS, str(html_file), *size))
        app.append(in_new_process(FIRST_IN_PROCESS, str(tmp / f"process-{number}"), str(pack)))
    return Summary.of(app), Summary.of(bare)


def bare_browser_layout(html: str) -> float:
    browser = QTextBrowser()
    browser.resize(*READER_SIZE)
    browser.show()
    QApplication.processEvents()

    def lay_out() -> None:
        browser.setHtml(html)
        QApplication.processEvents()
        browser.document().size()

    seconds = time_it(lay_out)
    browser.hide()
    browser.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return seconds


def repeat(measure: Callable[[], float]) -> list[float]:
    return [measure() for _ in range(REPEATS)]


def test_module_open(qapp: QApplication, tmp_path: Path, big_pack: Path) -> None:
    warm_up = open_session(tmp_path / "warm-up", big_pack)  # imports Markdown, loads fonts
    time_open(warm_up)
    html = warm_up.learner.module_html(warm_up.module)
    warm_up.close()

    bare = Summary.of(repeat(lambda: bare_browser_layout(html)))
    render = Summary.of(repeat(lambda: time_it(lambda: render_markdown(warm_up.module.body))))
    first, same_session, data_dirs = first_opens(tmp_path, big_pack)
    first_open = Summary.of(first)
    next_session = Summary.of(reopens_next_session(data_dirs, big_pack))
    fresh, bare_fresh = new_process_opens(tmp_path, big_pack, html)

    words = module_words(big_pack)
    passed = first_open.median <= FIRST_OPEN_TARGET
    rows = [
        Row(SECTION, f"bare QTextBrowser setHtml + layout ({len(html) // 1024} KiB HTML)", bare,
            1.0, note="the reference"),
        Row(SECTION, f"render_markdown alone ({words} words)", render, render.median / bare.median),
        Row(SECTION, "first open (renders Markdown)", first_open, first_open.median / bare.median,
            f"<= {FIRST_OPEN_TARGET * 1000:.0f} ms", passed),
        Row(SECTION, "bare QTextBrowser, first layout in a new process", bare_fresh, 1.0,
            note="the reference for the next row"),
        Row(SECTION, "first open in a new process (+ import markdown)", fresh,
            fresh.median / bare_fresh.median, "report only",
            note="the first module opened after start"),
        Row(SECTION, "reopen, same session (HTML in memory)", Summary.of(same_session),
            Summary.of(same_session).median / bare.median),
        Row(SECTION, "reopen, next session (HTML from index cache)", next_session,
            next_session.median / bare.median),
    ]  # fmt: skip
    for row in rows:
        record(row)
    assert passed, f"first open took {first_open.median * 1000:.0f} ms (median)"
