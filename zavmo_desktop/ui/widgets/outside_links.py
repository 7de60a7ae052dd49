"""Links in a module that lead outside Zavmo open only after the learner says yes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

WEB_SCHEMES = ("http", "https", "mailto")


def ask_then_open(parent: QWidget, url: QUrl) -> None:
    if url.scheme() not in WEB_SCHEMES:
        return
    ask = QMessageBox(
        QMessageBox.Icon.Question,
        "Open a web page?",
        f"This link goes outside Zavmo to:\n\n{url.toString()}\n\nOpen it in your web browser?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    ask.setTextFormat(Qt.TextFormat.PlainText)  # the address is the pack's, not markup
    ask.setDefaultButton(QMessageBox.StandardButton.No)
    if ask.exec() == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(url)
