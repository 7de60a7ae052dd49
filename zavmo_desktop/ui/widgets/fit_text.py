"""Making a read-only text view exactly as tall as its document, so a page scrolls, not it."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QTextEdit


def fit_to_document(view: QTextEdit) -> None:
    document = view.document()
    document.setTextWidth(view.viewport().width())
    chrome = view.height() - view.viewport().height()
    wanted = math.ceil(document.size().height()) + max(0, chrome)
    if wanted != view.height():
        view.setFixedHeight(wanted)
