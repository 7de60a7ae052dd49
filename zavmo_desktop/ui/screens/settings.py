"""Settings: text size and theme, applied the moment they change."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

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

    def _build_text_size(self) -> QSpinBox:
        spec = SPECS["text_scale"]
        box = QSpinBox()
        box.setAccessibleName("Text size")
        box.setRange(spec.minimum or 75, spec.maximum or 250)
        box.setSingleStep(25)
        box.setSuffix(" %")
        box.setValue(self._settings.get("text_scale"))
        box.setKeyboardTracking(False)  # apply once typing stops, not at every digit
        box.valueChanged.connect(lambda value: self._settings.set("text_scale", value))
        return box

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
