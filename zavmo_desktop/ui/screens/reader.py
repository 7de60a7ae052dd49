"""The reader: one module's text, its summary, and marking it complete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from zavmo_desktop.core.content.models import Module
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.theme import reading_css
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.reading_view import ReadingView

SAVE_POSITION_DELAY_MS = 800


class ReaderScreen(QWidget):
    def __init__(self, learner: Learner, back_to_library: Callable[[], None]) -> None:
        super().__init__()
        self._learner = learner
        self._module: Module | None = None
        self._css = ""
        self.setAccessibleName("Reader screen")
        layout = QVBoxLayout(self)
        self._title = heading("")
        layout.addWidget(self._title)
        self._summary = paragraph()
        self._summary.setProperty("role", "summary")
        layout.addWidget(self._summary)
        self.text = self._build_browser()
        layout.addWidget(self.text, 1)
        layout.addLayout(self._build_buttons(back_to_library))
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_POSITION_DELAY_MS)
        self._save_timer.timeout.connect(self.save_position)

    def _build_browser(self) -> ReadingView:
        browser = ReadingView()
        browser.setAccessibleName("Module text")
        browser.setOpenLinks(False)  # every link goes through _link_clicked
        browser.anchorClicked.connect(self._link_clicked)
        browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        browser.verticalScrollBar().valueChanged.connect(lambda _: self._save_timer.start())
        return browser

    def _build_buttons(self, back_to_library: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        back = QPushButton("Back to library")
        back.setAccessibleName("Back to library")
        back.setShortcut("Alt+Left")
        back.clicked.connect(back_to_library)
        self.complete = QPushButton("Mark as complete")
        self.complete.setAccessibleName("Mark as complete")
        self.complete.setCheckable(True)
        self.complete.toggled.connect(self._completion_toggled)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.complete)
        return row

    @property
    def module(self) -> Module | None:
        return self._module

    def show_module(self, module: Module) -> None:
        self.save_position()
        self._module = module
        self._title.setText(module.title)
        self._summary.setText(f"In short: {module.summary}")
        self.text.setSearchPaths([str(module.path.parent)])
        html = self._learner.open_module(module)
        self._set_html(html)
        progress = self._learner.module_progress(module.id)
        self.complete.blockSignals(True)
        self.complete.setChecked(bool(progress and progress.complete))
        self.complete.blockSignals(False)
        self._show_completion_state()
        position = progress.position if progress else 0.0
        QTimer.singleShot(0, lambda: self._scroll_to(position))

    def apply_settings(self, values: dict[str, Any]) -> None:
        self._css = reading_css(values)
        if self._module is not None:
            bar = self.text.verticalScrollBar()
            fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
            self._set_html(self._learner.module_html(self._module))
            QTimer.singleShot(0, lambda: self._scroll_to(fraction))
        self.text.fit_column()

    def _set_html(self, html: str) -> None:
        self.text.document().setDefaultStyleSheet(self._css)
        self.text.setHtml(html)
        self.text.fit_column()

    def _scroll_to(self, fraction: float) -> None:
        bar = self.text.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    def save_position(self) -> None:
        self._save_timer.stop()
        if self._module is None:
            return
        bar = self.text.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._learner.save_position(self._module.id, fraction)

    def _completion_toggled(self, checked: bool) -> None:
        if self._module is not None:
            self._learner.set_complete(self._module.id, checked)
        self._show_completion_state()

    def _show_completion_state(self) -> None:
        done = self.complete.isChecked()
        self.complete.setText("Completed ✓" if done else "Mark as complete")
        self.complete.setAccessibleDescription(
            "This module is marked complete. Press to mark it not complete."
            if done else "Marks this module as complete."
        )  # fmt: skip

    def _link_clicked(self, url: QUrl) -> None:
        if url.isRelative() and url.hasFragment() and not url.path():
            self.text.scrollToAnchor(url.fragment())
            return
        if url.scheme() not in ("http", "https", "mailto"):
            return
        answer = QMessageBox.question(
            self,
            "Open a web page?",
            f"This link goes outside Zavmo to:\n\n{url.toString()}\n\nOpen it in your web browser?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)
