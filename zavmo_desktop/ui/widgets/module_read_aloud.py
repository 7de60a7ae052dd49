"""Read-aloud for a module: the whole module (turning sections in one-section mode), the
section in view, or the learner's selection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QTextEdit

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.read_aloud import ReadAloud
from zavmo_desktop.ui.widgets.read_aloud_bar import ReadAloudBar

SECTION_LEVEL = 2  # sections start at "##" headings
SCOPES = [("module", "Whole module"), ("section", "This section"), ("selection", "Selected text")]


class ModuleReadAloud:
    def __init__(
        self,
        read_aloud: ReadAloud,
        settings: Settings,
        view: QTextEdit,
        next_section: Callable[[], bool],
    ) -> None:
        """`next_section` turns to the next section in one-section mode; False at the end."""
        self.read_aloud = read_aloud
        self.view = view
        self._next_section = next_section
        self._whole_module = False
        self.bar = ReadAloudBar(read_aloud, settings, SCOPES)
        self.bar.set_reader(self.start)
        read_aloud.finished.connect(self._finished)

    def start(self, scope: str) -> None:
        self._whole_module = scope == "module"
        if scope == "selection":
            cursor = self.view.textCursor()
            if not cursor.hasSelection():
                self.bar.status.setText("Select some text first, then press Read aloud.")
                return
            self.read_aloud.read(self.view, cursor.selectionStart(), cursor.selectionEnd())
        elif scope == "section":
            self.read_aloud.read(self.view, *self._section_in_view())
        else:
            self.read_aloud.read(self.view)

    def resume_point(self) -> tuple[int, int] | None:
        """Where to carry on (sentence start, end) if this text is being read, else None."""
        return self.read_aloud.resume_point() if self.read_aloud.view is self.view else None

    def read_range(self, start: int, end: int) -> None:
        self.read_aloud.read(self.view, start, end)

    def stop(self) -> None:
        if self.read_aloud.view is self.view:
            self.read_aloud.stop()

    def _section_in_view(self) -> tuple[int, int]:
        top = self.view.cursorForPosition(QPoint(4, 4)).block()
        start = top
        while start.previous().isValid() and not _starts_section(start):
            start = start.previous()
        end = start.next()
        while end.isValid() and not _starts_section(end):
            end = end.next()
        stop = end.position() - 1 if end.isValid() else self.view.document().characterCount() - 1
        return start.position(), stop

    def _finished(self, view: QTextEdit | None) -> None:
        # Whole module in one-section mode: carry on into the next section.
        if view is self.view and self._whole_module and self._next_section():
            QTimer.singleShot(0, lambda: self.read_aloud.read(self.view))


def _starts_section(block: QTextBlock) -> bool:
    level = block.blockFormat().headingLevel()
    return 0 < level <= SECTION_LEVEL
