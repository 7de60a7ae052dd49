"""Labels with a role the stylesheet knows (heading, notice) and sensible wrapping.

Every label here shows its text as plain text, never as rich text: a pack's title such as
`<img src="/dev/zero">` is shown as those characters, and Qt loads nothing for it. Any
string from a content pack goes on screen through these helpers (or a widget that is
always plain, such as a button, list item or combo box entry).

A heading also carries its level (1 for a screen's title, 2 below it): ui/accessible.py
tells screen readers the Heading role and that level.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

LEVELS = {"heading": 1, "subheading": 2}
# The first frame has a heading, and Qt's namespace takes ~20 ms to import: the format is
# set through its property instead.
_PLAIN_TEXT = 0  # Qt.TextFormat.PlainText


def plain(label: QLabel) -> QLabel:
    label.setProperty("textFormat", _PLAIN_TEXT)
    return label


def heading(text: str, parent: QWidget | None = None, role: str = "heading") -> QLabel:
    label = plain(QLabel(parent))
    label.setProperty("role", role)
    # The level before the text: with a screen reader running, Qt makes the label's
    # accessible interface as soon as it has text, and keeps that one.
    label.setProperty("level", LEVELS.get(role, 2))
    label.setText(text)
    label.setWordWrap(True)
    return label


def paragraph(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = plain(QLabel(text, parent))
    label.setWordWrap(True)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt would guess rich text from a '<'."""
    import html

    return f"<p>{html.escape(text)}</p>" if text else ""
