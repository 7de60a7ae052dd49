"""The read-aloud controls: play, pause, stop, what to read, speed and voice.

The owner says what "Read aloud" reads (`set_reader`); the bar only tracks state. When the
machine has no speech engine, the bar says why and how to fix it, and its buttons stay off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.read_aloud import IDLE, PAUSED, READING, STARTING, ReadAloud
from zavmo_desktop.ui.setting_options import OPTIONS
from zavmo_desktop.ui.widgets.setting_controls import SettingControls, shrinkable_combo

READ_KEYS = "Ctrl+R"
STOP_KEYS = "Ctrl+Shift+R"
Scopes = list[tuple[str, str]]  # (value, what the list says)
_STATUS = {
    IDLE: "",
    STARTING: "Starting…",
    READING: "Reading aloud",
    PAUSED: "Paused: Read aloud carries on",
}


class ReadAloudBar(QWidget):
    def __init__(self, read_aloud: ReadAloud, settings: Settings, scopes: Scopes) -> None:
        super().__init__()
        self.setAccessibleName("Read aloud controls")
        self._read_aloud = read_aloud
        self._settings = settings
        self._start: Callable[[str], None] = lambda _scope: None
        self.play = self._button("Read aloud", f"Reads aloud ({READ_KEYS})", self._play)
        self.pause = self._button(
            "Pause reading", f"Pauses reading ({READ_KEYS})", read_aloud.pause
        )
        self.stop = self._button("Stop reading", f"Stops reading ({STOP_KEYS})", read_aloud.stop)
        self.scope = self._scope_combo(scopes)
        self._controls = SettingControls(self._setting_chosen, settings.is_locked)
        self.speed = self._controls.combo("reading_speed", OPTIONS["reading_speed"])
        self.voice = self._voice_combo()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._lay_out()
        read_aloud.state_changed.connect(self._show_state)
        read_aloud.problem.connect(self._problem)
        settings.subscribe(self._setting_changed)
        self._controls.show_values(settings.snapshot())
        self._show_state(read_aloud.state)

    def _button(self, name: str, description: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(action)
        return button

    def _scope_combo(self, scopes: Scopes) -> QComboBox:
        combo = shrinkable_combo()
        combo.setAccessibleName("What to read")
        for value, text in scopes:
            combo.addItem(text, value)
        return combo

    def _voice_combo(self) -> QComboBox:
        # Filled when the options first open: listing voices starts the speech engine.
        combo = shrinkable_combo()
        combo.currentIndexChanged.connect(
            lambda _: self._setting_chosen("voice", combo.currentData())
        )
        combo.setAccessibleName("Voice")
        return combo

    def _show_options(self, shown: bool) -> None:
        if shown and self.voice.count() == 0:
            self.voice.blockSignals(True)
            for identifier, name in self._read_aloud.voices():
                self.voice.addItem(name, identifier)
            self.voice.blockSignals(False)
            self._select_voice(self.voice, self._settings.get("voice"))
            self._show_state(self._read_aloud.state)  # the engine may have turned out missing
        self._lists.setVisible(shown)

    def _lay_out(self) -> None:
        # The lists open under the buttons on request, so at 200% text the bar does not
        # take the room the reading needs.
        self.options = QPushButton("Reading options")
        self.options.setAccessibleName("Reading options")
        self.options.setAccessibleDescription("Shows what to read, the reading speed and voice")
        self.options.setCheckable(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self._buttons = QGridLayout()
        column.addLayout(self._buttons)
        self._lists = QWidget()
        lists = QHBoxLayout(self._lists)
        lists.setContentsMargins(0, 0, 0, 0)
        for combo in (self.scope, self.speed, self.voice):
            lists.addWidget(_labelled(combo))
        lists.addStretch(1)
        column.addWidget(self._lists)
        self._place_buttons(columns=4)
        self.options.toggled.connect(self._show_options)
        self._lists.hide()

    def _place_buttons(self, columns: int) -> None:
        for index, widget in enumerate((self.play, self.pause, self.stop, self.options)):
            self._buttons.addWidget(widget, index // columns, index % columns)
        self._buttons.addWidget(self.status, 0, columns, -1, 1)
        self._buttons.setColumnStretch(columns, 1)
        self._columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Two rows of two when one row of four would squeeze the labels (200% text).
        super().resizeEvent(event)
        needed = sum(b.sizeHint().width() for b in (self.play, self.pause, self.stop, self.options))
        columns = 4 if needed + 3 * self._buttons.spacing() <= self.width() * 0.8 else 2
        if columns != self._columns:
            for widget in (self.play, self.pause, self.stop, self.options, self.status):
                self._buttons.removeWidget(widget)
            self._buttons.setColumnStretch(self._columns, 0)
            self._place_buttons(columns)

    def bind_keys(self, screen: QWidget) -> None:
        """Ctrl+R and Ctrl+Shift+R anywhere on the screen that holds the bar."""
        for keys, action in ((READ_KEYS, self._play_or_pause), (STOP_KEYS, self._read_aloud.stop)):
            shortcut = QShortcut(QKeySequence(keys), screen)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def set_reader(self, start: Callable[[str], None]) -> None:
        """What Read aloud does: called with the chosen scope ("module", "section", "selection")."""
        self._start = start

    def _play(self) -> None:
        if self._read_aloud.state == PAUSED:
            self._read_aloud.resume()
        elif self._read_aloud.state == IDLE:
            self._start(self.scope.currentData())

    def _play_or_pause(self) -> None:
        if self._read_aloud.state in (READING, STARTING):
            self._read_aloud.pause()
        else:
            self._play()

    def _setting_chosen(self, key: str, value: Any) -> None:
        if value is not None and not self._settings.is_locked(key):
            self._settings.set(key, value)

    def _setting_changed(self, key: str, value: Any) -> None:
        if key == "voice":
            self._select_voice(self.voice, value)
        elif key == "reading_speed":
            self._controls.show_values(self._settings.snapshot())

    def _select_voice(self, combo: QComboBox, identifier: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(identifier)))
        combo.blockSignals(False)

    def _problem(self, message: str) -> None:
        self._show_state(self._read_aloud.state)
        self.status.setText(message)

    def _show_state(self, state: str) -> None:
        available = self._read_aloud.available
        for widget in (self.play, self.speed, self.voice, self.scope):
            widget.setEnabled(available)
        self.pause.setEnabled(state in (READING, STARTING))
        self.stop.setEnabled(state != IDLE)
        self.play.setAccessibleDescription(
            f"Carries on from the paused word ({READ_KEYS})"
            if state == PAUSED
            else f"Reads aloud ({READ_KEYS})"
        )
        self.status.setText(_STATUS[state] if available else self._read_aloud.reason)


def _labelled(combo: QComboBox) -> QWidget:
    """The list under its label, kept together when the row wraps."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"{combo.accessibleName()}:")
    label.setBuddy(combo)
    column.addWidget(label)
    column.addWidget(combo)
    return box
