"""A learner with a generated 5,000-word module, and the real reader showing it.

Shared by the in-process module-open benchmark and its fresh-process child.
"""

from __future__ import annotations

import gc
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from tests.benchmarks._corpus import count_words, module_file, text_maker
from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.screens.reader import ReaderScreen
from zavmo_desktop.ui.theme import apply_theme

REPO_ROOT = Path(__file__).resolve().parents[2]
BIG_MODULE_ID = "benchmark-long-module"
MODULE_WORDS = 5000
WORDS_PER_SECTION = 300
READER_SIZE = (900, 700)  # about the reader's share of the 1100 x 760 main window


def write_big_pack(folder: Path) -> Path:
    """A real content pack: the bundled manifest and framework, and one long module."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("pack.yaml", "framework.yaml"):
        shutil.copy(REPO_ROOT / "content" / name, folder / name)
    framework = yaml.safe_load((folder / "framework.yaml").read_text(encoding="utf-8"))
    competency = framework["areas"][0]["competencies"][0]["id"]
    body = text_maker().markdown(MODULE_WORDS, WORDS_PER_SECTION)
    (folder / "modules").mkdir(exist_ok=True)
    (folder / "modules" / "big.md").write_text(
        module_file(BIG_MODULE_ID, competency, body), encoding="utf-8"
    )
    return folder


def module_words(pack: Path) -> int:
    return count_words((pack / "modules" / "big.md").read_text(encoding="utf-8"))


@dataclass
class ReaderSession:
    learner: Learner
    reader: ReaderScreen
    module: Module

    def close(self) -> None:
        self.reader.save_position()  # also stops the reader's pending save
        self.reader.hide()
        self.reader.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.learner.close()


def open_session(data_dir: Path, pack: Path) -> ReaderSession:
    """What MainWindow does before the learner opens a module: learner, theme, shown reader."""
    learner = Learner.open(data_dir, [pack])
    module = learner.module(BIG_MODULE_ID)
    assert module is not None, "\n".join(str(problem) for problem in learner.problems)
    values = learner.settings.snapshot()
    apply_theme(values)
    reader = ReaderScreen(
        learner, lambda: None, ReadAloud(learner.settings, None), lambda _module, _chat: None
    )
    reader.apply_settings(values)
    reader.resize(*READER_SIZE)
    reader.show()
    QApplication.processEvents()
    gc.freeze()  # as the app does once it has started (app.main)
    return ReaderSession(learner, reader, module)


def time_open(session: ReaderSession) -> float:
    """Seconds for show_module, the events it posts, and a complete layout of the text."""
    start = time.perf_counter()
    session.reader.show_module(session.module)
    QApplication.processEvents()
    session.reader.text.document().size()  # forces the layout of the whole document
    return time.perf_counter() - start
