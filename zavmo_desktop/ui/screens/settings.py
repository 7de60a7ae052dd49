"""Settings: text size and theme, applied the moment they change."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from zavmo_desktop.core.settings import SPECS, Settings
from zavmo_desktop.ui.widgets.labels import heading, paragraph

THEME_NAMES = {"light": "Light", "dark": "Dark"}


class SettingsScreen(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self.setAccessibleName("Settings screen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Settings"))
        layout.addWidget(paragraph("Changes apply straight away and are kept for next time."))
        form = QFormLayout()
        layout.addLayout(form)
        self.text_size = self._build_text_size()
        self._add_row(form, "&Text size:", self.text_size, "text_scale")
        self.theme = self._build_theme()
        self._add_row(form, "T&heme:", self.theme, "theme")
        layout.addStretch(1)

    def _add_row(self, form: QFormLayout, label_text: str, field: QWidget, key: str) -> None:
        label = QLabel(label_text)
        label.setBuddy(field)
        if self._settings.is_locked(key):
            field.setEnabled(False)
            field.setAccessibleDescription("Set by your organisation")
        form.addRow(label, field)

    def _build_text_size(self) -> QComboBox:
        # Fixed steps: predictable, and each one is announced as a plain percentage.
        spec = SPECS["text_scale"]
        combo = QComboBox()
        combo.setAccessibleName("Text size")
        for percent in range(spec.minimum or 75, (spec.maximum or 250) + 1, 25):
            combo.addItem(f"{percent}%", percent)
        current = self._settings.get("text_scale")
        if combo.findData(current) < 0:
            combo.addItem(f"{current}%", current)
        combo.setCurrentIndex(combo.findData(current))
        combo.currentIndexChanged.connect(
            lambda _: self._settings.set("text_scale", combo.currentData())
        )
        return combo

    def _build_theme(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName("Theme")
        for key in SPECS["theme"].choices:
            combo.addItem(THEME_NAMES[key], key)
        combo.setCurrentIndex(max(0, combo.findData(self._settings.get("theme"))))
        combo.currentIndexChanged.connect(
            lambda _: self._settings.set("theme", combo.currentData())
        )
        return combo
