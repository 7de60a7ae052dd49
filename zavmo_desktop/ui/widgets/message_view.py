"""One chat message: a read-only text document exactly as tall as its text.

A `QTextBrowser` (not a label) so read-aloud can highlight words inside its document, and
so the text can be selected and copied. It never shows an inner scroll bar: the transcript
around it scrolls instead.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QTextBrowser, QWidget

from zavmo_desktop.ui.widgets.fit_text import fit_to_document


def turn_html(role: str, speaker: str, text: str, details: dict[str, Any]) -> str:
    """The message as simple HTML: who speaks in bold, then the text; in feedback on a
    written answer each line is a paragraph and each "•" line an indented list item."""
    who = f'<p style="margin-bottom: 4px"><b>{html.escape(speaker)}</b></p>'
    if details.get("kind") == "rubric":
        lines = [html.escape(line) for line in text.splitlines()] or [""]
        return who + "".join(
            f'<p style="margin: 0 0 6px 12px">{line}</p>'
            if line.startswith("•")
            else f"<p>{line}</p>"
            for line in lines
        )
    paragraphs = [p for p in text.split("\n\n") if p.strip()] or [""]
    body = "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
    return who + body


def accessible_name(role: str, speaker: str) -> str:
    if role == "learner":
        return "You said"
    if role == "feedback":
        return speaker
    return f"{speaker} said"


class MessageView(QTextBrowser):
    def __init__(
        self,
        role: str,
        speaker: str,
        text: str,
        details: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.role = role
        self.speaker = speaker
        self.message = text
        self.details = dict(details or {})
        self.setProperty("bubble", role)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes to the reply, not each bubble
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(accessible_name(role, speaker))
        self.document().documentLayout().documentSizeChanged.connect(self.fit_height)
        self.restyle("")

    def restyle(self, css: str) -> None:
        """Lay the message out again with the reading stylesheet (spacing, colours)."""
        self.document().setDefaultStyleSheet(css)
        self.setHtml(turn_html(self.role, self.speaker, self.message, self.details))
        self.fit_height()

    def plain_text(self) -> str:
        return self.document().toPlainText()

    def fit_height(self, *_: object) -> None:
        fit_to_document(self)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()
