"""The preset the learner's how-I-work answers suggest: why, what it would change, shown
as a preview (the settings' own preview), and the learner's choice. Nothing is applied
until they press "Apply this preset"."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from zavmo_desktop.core.profile.how_i_work import Suggestion, suggest
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.core.settings.presets import apply_preset, preset_changes
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.setting_options import change_summary
from zavmo_desktop.ui.widgets.labels import paragraph
from zavmo_desktop.ui.widgets.settings_preview import SettingsPreview

APPLY, NOT_NOW = "Apply this preset", "Not now"
NOTHING_TICKED = (
    "You did not tick anything about how you work, so there is nothing to suggest. "
    "Settings has starting points (presets) you can try at any time."
)


class PresetSuggestion(QWidget):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._settings = settings
        self._suggestion = Suggestion(None, (), ())
        self._decided = False  # "Apply" or "Not now" was pressed for these answers
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.summary = paragraph()
        self.reasons = paragraph()
        self.preview = SettingsPreview(self.apply, self.not_now, APPLY, NOT_NOW)
        self.outcome = paragraph()
        for widget in (self.summary, self.reasons, self.preview, self.outcome):
            column.addWidget(widget)
        column.addStretch(1)
        # Settings can change elsewhere (a preset applied in Settings): what this one would
        # change is worked out again, once per burst of changes.
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self._show)
        settings.subscribe(lambda _key, _value: self._refresh.start())

    def show_answers(self, answers: tuple[str, ...]) -> None:
        suggestion = suggest(answers)
        if suggestion != self._suggestion:
            self._suggestion, self._decided = suggestion, False
            self.outcome.setText("")
        self._show()

    def _show(self) -> None:
        if self._decided:
            return
        preset = self._suggestion.preset
        self.reasons.setVisible(preset is not None)
        if preset is None:
            self.summary.setText(NOTHING_TICKED)
            self.preview.show_pending({}, {})
            return
        text = f"Your answers suggest the {preset.name} preset: {preset.description}"
        if self._suggestion.also:
            others = ", ".join(p.name for p in self._suggestion.also)
            text += f" Some answers also fit {others}, which you can try in Settings."
        self.summary.setText(text)
        self.reasons.setText("Because you ticked: " + " ".join(self._suggestion.reasons))
        current = self._settings.snapshot()
        pending = preset_changes(self._settings, preset)
        self.preview.show_pending(pending, {**current, **pending})
        self.preview.summary.setText(
            f"{change_summary(current, pending)} Nothing changes until you press {APPLY}."
        )
        self.outcome.setText("" if pending else "It is what you have now: nothing would change.")

    def apply(self) -> None:
        preset = self._suggestion.preset
        if preset is None:
            return
        skipped = apply_preset(self._settings, preset)
        locked = f" {len(skipped)} of its settings are set by your organisation." if skipped else ""
        self._tell(f"{preset.name} is applied.{locked} You can change any setting in Settings.")

    def not_now(self) -> None:
        self._tell("Nothing was changed. You can try the presets in Settings at any time.")

    def _tell(self, message: str) -> None:
        self._decided = True
        self.preview.hide()
        self.outcome.setText(message)
        announce(self, message)

    def first_field(self) -> QWidget:
        return self.preview.apply_button
