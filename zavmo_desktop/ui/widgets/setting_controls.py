"""Combo boxes and check boxes bound to settings, named from the settings registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.ui.widgets.labels import paragraph, plain_tooltip

Changed = Callable[[str, Any], None]


class SettingControls:
    """Builds one control per setting and shows new values without echoing them back."""

    def __init__(
        self,
        changed: Changed,
        locked: Callable[[str], bool],
        lock_message: Callable[[str], str] | None = None,
    ) -> None:
        """`lock_message`: who locked a setting and why, "Set by Acme: ..." (Settings has it)."""
        self._changed = changed
        self._locked = locked
        self._lock_message = lock_message
        self.widgets: dict[str, QWidget] = {}

    def combo(self, key: str, options: Iterable[tuple[Any, str]]) -> QComboBox:
        combo = shrinkable_combo()
        for value, text in options:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _: self._changed(key, combo.currentData()))
        return self._register(key, combo)

    def check(self, key: str) -> QCheckBox:
        box = QCheckBox(SPECS[key].label)
        box.toggled.connect(lambda on: self._changed(key, on))
        return self._register(key, box)

    def _register(self, key: str, widget: QWidget) -> Any:
        widget.setAccessibleName(SPECS[key].label)
        if self._locked(key):
            widget.setEnabled(False)
            why = self.why_locked(key)
            widget.setAccessibleDescription(why)
            widget.setToolTip(plain_tooltip(why))
        self.widgets[key] = widget
        return widget

    def why_locked(self, key: str) -> str:
        """ "Set by <organisation>: <reason>", or "" for a setting the learner may change."""
        if not self._locked(key):
            return ""
        message = self._lock_message(key) if self._lock_message is not None else ""
        return message or "Set by your organisation"

    def lock_note(self, key: str) -> QLabel | None:
        """The reason a locked setting cannot be changed, in words shown beside it."""
        why = self.why_locked(key)
        if not why:
            return None
        note = paragraph(why)
        note.setAccessibleName(why)
        note.setProperty("role", "lock-note")
        return note

    def show_values(self, values: Mapping[str, Any]) -> None:
        for key, widget in self.widgets.items():
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(values[key]))
            elif isinstance(widget, QComboBox):
                _select(widget, values[key])
            widget.blockSignals(False)


def shrinkable_combo() -> QComboBox:
    # Sized to a short minimum, not the longest item, so 200% text still fits the page;
    # the open list always shows items in full.
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    return combo


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0:  # a value set elsewhere (a profile, the organisation) between the steps
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
