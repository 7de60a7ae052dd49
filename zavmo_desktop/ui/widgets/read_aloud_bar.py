"""The read-aloud controls: play, pause, stop, what to read, speed and voice.

The owner says what "Read aloud" reads (`set_reader`); the bar only tracks state. When the
machine has no speech engine, the bar says why and how to fix it, and its buttons stay off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.settings import Settings
from zavmo_desktop.ui.read_aloud import IDLE, NO_SOUND, PAUSED, READING, STARTING, ReadAloud
from zavmo_desktop.ui.setting_options import OPTIONS
from zavmo_desktop.ui.widgets.labelled_list import LabelledList
from zavmo_desktop.ui.widgets.reflow_row import ReflowRow
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
        self._silent = False  # read aloud has played here with no sound output
        self.play = self._button("Read aloud", f"Reads aloud ({READ_KEYS})", self._play)
        self.pause = self._button(
            "Pause reading", f"Pauses reading ({READ_KEYS})", read_aloud.pause
        )
        self.stop = self._button("Stop reading", f"Stops reading ({STOP_KEYS})", read_aloud.stop)
        self.scope = self._scope_combo(scopes)
        self._controls = SettingControls(
            self._setting_chosen, settings.is_locked, settings.lock_message
        )
        self.speed = self._controls.combo("reading_speed", OPTIONS["reading_speed"])
        self.voice = self._voice_combo()
        self.status = StatusLine()
        self._status_beside: bool | None = None
        self._lay_out()
        read_aloud.state_changed.connect(self._show_state)
        read_aloud.problem.connect(self._problem)
        settings.subscribe(self._setting_changed)
        self._controls.show_values(settings.snapshot())
        self._show_state(read_aloud.state)
        if not read_aloud.offered:
            self.hide()

    def setVisible(self, visible: bool) -> None:
        # Screens show and hide the bar as they go; where read-aloud is hidden it stays hidden.
        super().setVisible(visible and self._read_aloud.offered)

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
        combo = WholeNamesCombo()  # voice names are long and alike: show them whole
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
            self._lists.reflow()  # the list is as wide as its longest voice now
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
        self._lists = ReflowRow(LabelledList(c) for c in (self.scope, self.speed, self.voice))
        column.addWidget(self._lists)
        self._place_buttons(columns=4)
        self.options.toggled.connect(self._show_options)
        self._lists.hide()

    def _place_buttons(self, columns: int) -> None:
        for index, widget in enumerate((self.play, self.pause, self.stop, self.options)):
            self._buttons.addWidget(widget, index // columns, index % columns)
        self._buttons.setColumnStretch(columns, 1)
        self._columns = columns
        self._place_status()

    def _place_status(self) -> None:
        # Beside the buttons while it is short; on a line of its own under them when it is
        # long (no sound output, a problem) or the buttons take two rows: it never squeezes.
        beside = self._columns == 4 and len(self.status.text()) <= len(_STATUS[PAUSED])
        if beside == self._status_beside:
            return
        self._buttons.removeWidget(self.status)
        if beside:
            self._buttons.addWidget(self.status, 0, self._columns, 1, 1)
        else:
            self._buttons.addWidget(self.status, 4 // self._columns, 0, 1, self._columns + 1)
        self._status_beside = beside

    def minimumSizeHint(self) -> QSize:
        # As narrow as one button: the buttons go into fewer columns rather than widen the page.
        buttons = (self.play, self.pause, self.stop, self.options)
        widest = max(b.sizeHint().width() for b in buttons)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Two rows of two when one row of four would squeeze the labels (200% text), and
        # one column when two do not fit (200% text with wide letter spacing).
        super().resizeEvent(event)
        buttons = (self.play, self.pause, self.stop, self.options)
        spacing = self._buttons.spacing()
        needed = sum(b.sizeHint().width() for b in buttons) + 3 * spacing
        pairs = ((self.play, self.pause), (self.stop, self.options))
        pair = max(a.sizeHint().width() + b.sizeHint().width() for a, b in pairs) + spacing
        columns = 4 if needed <= self.width() * 0.8 else 2 if pair <= self.width() else 1
        if columns != self._columns:
            for widget in (self.play, self.pause, self.stop, self.options, self.status):
                self._buttons.removeWidget(widget)
            self._status_beside = None
            self._buttons.setColumnStretch(self._columns, 0)
            self._place_buttons(columns)

    def bind_keys(self, screen: QWidget) -> None:
        """Ctrl+R and Ctrl+Shift+R anywhere on the screen that holds the bar."""
        if not self._read_aloud.offered:
            return
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
        self._place_status()

    def _show_state(self, state: str) -> None:
        available = self._read_aloud.available
        for widget in (self.play, self.voice, self.scope):
            widget.setEnabled(available)
        self.speed.setEnabled(available and not self._settings.is_locked("reading_speed"))
        self.pause.setEnabled(state in (READING, STARTING))
        self.stop.setEnabled(state != IDLE)
        self.play.setAccessibleDescription(
            f"Carries on from the paused word ({READ_KEYS})"
            if state == PAUSED
            else f"Reads aloud ({READ_KEYS})"
        )
        self.status.setText(self._status_text(state) if available else self._read_aloud.reason)
        self._place_status()

    def _status_text(self, state: str) -> str:
        # "Reading aloud" only when it can be heard. With no speaker that is said plainly
        # and stays said: it is still true when paused or stopped, and the text under the
        # bar does not jump each time the line changes.
        if state == READING and not self._read_aloud.heard:
            self._silent = True
        return NO_SOUND if self._silent else _STATUS[state]


class WholeNamesCombo(QComboBox):
    """Asks for the width of its longest name, and can still shrink to 14 characters on a
    narrow page rather than widen it."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        extra = longest - metrics.horizontalAdvance("x" * self.minimumContentsLength())
        return QSize(hint.width() + max(0, extra), hint.height())


class StatusLine(QLabel):
    """The bar's state in words; with nothing to say it takes no room (at 200% text an empty
    line under the buttons pushed the reading down)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))
