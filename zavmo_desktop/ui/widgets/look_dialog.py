"""A dialog that keeps the learner's look while it is open: it restyles when a look setting
changes and refits its size to a reading line when its font does (ui/widgets/dialog_fit.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from zavmo_desktop.core.settings import LOOK_KEYS, Settings
from zavmo_desktop.ui.theme import current_stylesheet
from zavmo_desktop.ui.widgets.dialog_fit import LINE_CHARS, fit_dialog


class LookFollowingDialog(QDialog):
    line_chars = LINE_CHARS

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refit = QTimer(self, singleShot=True, interval=0)  # first: changeEvent uses it
        self._refit.timeout.connect(self._fit)
        self._look_changed = QTimer(self, singleShot=True, interval=0)
        self._look_changed.timeout.connect(self._restyle)
        listener = self._setting_changed
        settings.subscribe(listener)
        self.destroyed.connect(lambda: settings.unsubscribe(listener))

    def showEvent(self, event: QShowEvent) -> None:
        self._restyle()  # the look as it is now, should it have changed since it was made
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit.start()  # once the children have their new font too
        super().changeEvent(event)

    def _setting_changed(self, key: str, _value: object) -> None:
        if key in LOOK_KEYS:
            self._look_changed.start()  # after the main window has applied the new look

    def _restyle(self) -> None:
        # Its own copy: the window keeps the stylesheet on its parts, not on itself.
        self.setStyleSheet(current_stylesheet())
        self._fit()

    def _fit(self) -> None:
        fit_dialog(self, self.line_chars)
