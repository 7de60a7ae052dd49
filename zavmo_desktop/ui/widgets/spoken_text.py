"""Read-only text in the learner's spacing and colours, live, and a button that reads it
aloud with the window's read-aloud (the glossary, the reader's look-up, About your learning).

A `QTextBrowser`, not a label, so read-aloud can highlight the words as they are heard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QTextBrowser, QTextEdit

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.read_aloud import IDLE, ReadAloud
from zavmo_desktop.ui.theme import reading_css
from zavmo_desktop.ui.widgets.fit_text import fit_to_document
from zavmo_desktop.ui.widgets.read_aloud_bar import StatusLine

STOP = "Stop reading"


class SpokenText(QTextBrowser):
    def __init__(self, name: str, settings: Settings, fit: bool = True) -> None:
        """`fit`: exactly as tall as its text, the page around it scrolls; else it scrolls."""
        super().__init__()
        self._settings = settings
        self._fit = fit
        self._html = ""
        self.setAccessibleName(name)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if fit:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.document().documentLayout().documentSizeChanged.connect(self.fit_height)
        self._restyle = QTimer(self, singleShot=True, interval=0)
        self._restyle.timeout.connect(self.restyle)
        listener = lambda _key, _value: self._restyle.start()  # noqa: E731
        settings.subscribe(listener)
        self.destroyed.connect(lambda: settings.unsubscribe(listener))

    def show_html(self, html: str) -> None:
        self._html = html
        self.restyle()

    def restyle(self) -> None:
        """Lay the text out again in the learner's spacing and colours."""
        values: dict[str, Any] = self._settings.snapshot()
        css = reading_css(values) + " body { margin: 0; } p { margin-top: 0; }"
        self.document().setDefaultStyleSheet(css)
        self.setHtml(self._html)
        self.fit_height()

    def fit_height(self, *_: object) -> None:
        if not self._fit:
            return
        fit_to_document(self)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height()) if self._fit else super().sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()


class ReadTextButton(QPushButton):
    """Reads `view` aloud; while it does, the button stops it. What goes wrong (no speech
    engine) is said in `status`, next to the button."""

    def __init__(self, name: str, read_aloud: ReadAloud, view: QTextEdit) -> None:
        super().__init__(name)
        self._name = name
        self._read_aloud = read_aloud
        self._view = view
        self._asked = False  # a problem is shown only after this button asked for speech
        self.status = StatusLine()
        self.setAccessibleName(name)
        self.setAccessibleDescription("Reads the text above aloud, highlighting each word")
        self.clicked.connect(self._pressed)
        read_aloud.state_changed.connect(self._show_state)
        read_aloud.problem.connect(self._problem)
        if not read_aloud.offered:
            self.hide()

    def setVisible(self, visible: bool) -> None:
        # Where the organisation hid read-aloud, no screen can show this button again.
        super().setVisible(visible and self._read_aloud.offered)

    @property
    def reading(self) -> bool:
        return self._read_aloud.view is self._view and self._read_aloud.state != IDLE

    def _pressed(self) -> None:
        if self.reading:
            self._read_aloud.stop()
            return
        self._asked = True
        self.status.setText("")
        self._read_aloud.read(self._view)

    def stop(self) -> None:
        if self.reading:
            self._read_aloud.stop()

    def _show_state(self, _state: str) -> None:
        text = STOP if self.reading else self._name
        self.setText(text)
        self.setAccessibleName(text)

    def _problem(self, message: str) -> None:
        if self._asked:
            self.status.setText(message)
        self._asked = False
