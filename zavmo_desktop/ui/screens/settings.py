"""Settings: presets, text, colours, reading aids and the focus timer, applied live
(or previewed first, for learners who want to see a change before it happens)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zavmo_desktop.core.org.features import ALL_FEATURES, Features
from zavmo_desktop.core.settings import Settings
from zavmo_desktop.core.settings.presets import (
    PRESETS,
    Preset,
    apply_preset,
    matching_presets,
    preset_changes,
    uses_defaults,
)
from zavmo_desktop.core.settings.profile_file import (
    SUFFIX,
    ProfileError,
    read_profile,
    write_profile,
)
from zavmo_desktop.core.storage.problems import SETTINGS_KEPT, classify, not_saved
from zavmo_desktop.ui.announce import announce
from zavmo_desktop.ui.setting_options import OPTIONS, change_summary
from zavmo_desktop.ui.widgets.about_button import about_button
from zavmo_desktop.ui.widgets.column_scroll import page_scroll
from zavmo_desktop.ui.widgets.labels import heading, paragraph
from zavmo_desktop.ui.widgets.pending_saves import RETRY_MS
from zavmo_desktop.ui.widgets.save_status import SaveStatus
from zavmo_desktop.ui.widgets.setting_controls import SettingControls, shrinkable_combo
from zavmo_desktop.ui.widgets.settings_preview import SettingsPreview

SECTIONS: list[tuple[str, list[str]]] = [
    ("Text", ["font", "text_scale", "line_spacing", "letter_spacing", "word_spacing",
              "paragraph_spacing", "column_chars", "bold_emphasis"]),
    ("Colours", ["theme", "overlay", "focus_ring"]),
    ("Read aloud", ["reading_speed", "read_highlight"]),
    ("Reading aids", ["line_focus", "reading_ruler", "one_section", "reduce_motion",
                      "literal_labels", "preview_changes"]),
    ("Routine", ["week_in_view"]),
    ("Focus timer", ["show_focus_timer", "timer_focus_minutes", "timer_short_break_minutes",
                     "timer_long_break_minutes", "timer_long_break_after", "hyperfocus_nudge",
                     "hyperfocus_minutes", "timer_sound", "companion_mode"]),
]  # fmt: skip
SECTION_FEATURES = {"Read aloud": "read_aloud", "Focus timer": "focus_timer"}


class SettingsScreen(QWidget):
    def __init__(
        self,
        settings: Settings,
        your_profile: QWidget | None = None,
        open_about: Callable[[], None] | None = None,
        your_data: QWidget | None = None,
        who_is_learning: QWidget | None = None,
        learning_records: QWidget | None = None,
        features: Features = ALL_FEATURES,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._features = features  # a section for a feature the organisation hid is left out
        self._open_about = open_about
        self.your_profile = your_profile  # the onboarding's answers, changeable here
        self.your_data = your_data  # export, erase, privacy
        self.who_is_learning = who_is_learning  # Switch learner
        self.learning_records = learning_records  # what is sent to the organisation, if any
        self._pending: dict[str, Any] = {}
        self.controls = SettingControls(
            self._control_changed, settings.is_locked, settings.lock_message
        )
        self.setAccessibleName("Settings screen")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Settings"))
        self._intro = paragraph()
        layout.addWidget(self._intro)
        self.save_status = SaveStatus()  # only while a choice could not be written
        layout.addWidget(self.save_status)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._save_again)
        layout.addWidget(self._build_scroll_area(), 1)
        self.preview = SettingsPreview(self.apply_pending, self.discard_pending)
        layout.addWidget(self.preview)
        # Coalesced: a preset changes up to thirty settings, and the page is shown once.
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self._show_current)
        settings.subscribe(lambda _key, _value: self._refresh.start())
        settings.subscribe(lambda _key, _value: self._show_save_state())
        self._show_current()

    def _build_scroll_area(self) -> QScrollArea:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self._build_presets())
        if self._open_about is not None:
            column.addWidget(about_button(self._open_about), 0, Qt.AlignmentFlag.AlignLeft)
        column.addLayout(self._build_form())
        if self.who_is_learning is not None:  # beside the learner's own profile and data
            column.addWidget(heading("Who is learning", role="subheading"))
            column.addWidget(self.who_is_learning)
        if self.your_profile is not None:
            column.addWidget(heading("Your profile", role="subheading"))
            column.addWidget(self.your_profile)
        column.addWidget(heading("Take your settings with you", role="subheading"))
        column.addWidget(self._build_profile_buttons())
        if self.your_data is not None:
            column.addWidget(heading("Your data", role="subheading"))
            column.addWidget(self.your_data)
        if self.learning_records is not None:
            column.addWidget(heading("Learning records", role="subheading"))
            column.addWidget(self.learning_records)
        column.addStretch(1)
        scroll = page_scroll()  # not a tab stop of its own: Tab goes to the controls inside
        scroll.setWidget(page)
        self.scroll = scroll
        return scroll

    def _build_form(self) -> QFormLayout:
        # One form for every section, so labels and fields line up down the whole page.
        form = self._form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for title, keys in SECTIONS:
            if not self._features.shows(SECTION_FEATURES.get(title, "")):
                continue
            form.addRow(heading(title, role="subheading"))
            for key in keys:
                if key in OPTIONS:
                    field = self.controls.combo(key, OPTIONS[key])
                    label = QLabel(f"{field.accessibleName()}:")
                    label.setBuddy(field)
                    form.addRow(label, field)
                else:
                    form.addRow(self.controls.check(key))
                note = self.controls.lock_note(key)  # why it cannot be changed, beside it
                if note is not None:
                    form.addRow(note)
        return form

    def _build_presets(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading("Starting points", role="subheading"))
        row = QHBoxLayout()
        self.preset = shrinkable_combo()
        self.preset.setAccessibleName("Preset")
        for preset in PRESETS.values():
            self.preset.addItem(preset.name, preset.key)
        self.preset.currentIndexChanged.connect(self._show_preset_description)
        label = QLabel("Preset:")
        label.setBuddy(self.preset)
        row.addWidget(label)
        row.addWidget(self.preset, 1)
        column.addLayout(row)
        self.preset_description = paragraph()
        self.preset_changes = paragraph()  # what applying it would change, before it is applied
        for label in (self.preset_description, self.preset_changes):
            column.addWidget(label)
        buttons = QHBoxLayout()
        self.apply_preset_button = self._button("Apply preset", self.apply_preset)
        self.reset_button = self._button("Reset to defaults", self.reset_to_defaults)
        buttons.addWidget(self.apply_preset_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.preset_in_use = paragraph()
        self.preset_status = paragraph()
        for label in (self.preset_in_use, self.preset_status):
            column.addWidget(label)
        self._show_preset_description()
        return box

    def _button(self, name: str, action: Any) -> QPushButton:
        button = QPushButton(name)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        return button

    def _build_profile_buttons(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for name, action in (
            ("Export settings to a file", self._choose_export_file),
            ("Import settings from a file", self._choose_import_file),
        ):
            button = QPushButton(name)
            button.setAccessibleName(name)
            button.clicked.connect(action)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.profile_status = paragraph()
        column.addWidget(self.profile_status)
        return box

    # --- what the learner does ---------------------------------------------------------------

    @property
    def previewing(self) -> bool:
        return bool(self._settings.get("preview_changes"))

    def _control_changed(self, key: str, value: Any) -> None:
        if self.previewing and key != "preview_changes":
            self._pending[key] = value
            self._show_current()
        else:
            self._settings.set(key, value)

    def apply_preset(self) -> None:
        preset = PRESETS[self.preset.currentData()]
        self._switch_to(preset, preset.name)

    def reset_to_defaults(self) -> None:
        self._switch_to(None, "The defaults")

    def _switch_to(self, preset: Preset | None, name: str) -> None:
        """Every setting to the preset's values over the defaults (None: the defaults)."""
        if self.previewing:
            self._pending = preset_changes(self._settings, preset)
            self._show_current()
            announce(self, f"{name} is shown in the preview. Apply changes to use it.")
            return
        skipped = apply_preset(self._settings, preset)
        self._tell(f"{name} applied." + _locked_note(skipped))

    def apply_pending(self) -> None:
        pending, self._pending = self._pending, {}
        skipped = self._settings.apply(pending)
        self._show_current()
        self._tell("Your changes are applied." + _locked_note(skipped))

    def discard_pending(self) -> None:
        self._pending = {}
        self._show_current()
        self._tell("Your changes were discarded. Nothing changed.")

    def export_to(self, path: Path) -> None:
        try:
            write_profile(path, self._settings.snapshot())
        except OSError as error:
            self._tell(f"Could not save {path}: {error.strerror or error}", self.profile_status)
            return
        self._tell(f"Your settings are saved in {path}.", self.profile_status)

    def import_from(self, path: Path) -> None:
        try:
            profile = read_profile(path)
        except ProfileError as error:
            self._tell(f"Nothing was changed. {error}", self.profile_status)
            return
        if self.previewing:
            self._pending.update(profile.values)
            self._show_current()
        else:
            skipped = self._settings.apply(profile.values)
            profile.skipped += [f"{key}: set by your organisation" for key in skipped]
        message = f"Read {len(profile.values)} settings from {path.name}."
        if profile.skipped:
            message += " Left out: " + "; ".join(profile.skipped) + "."
        self._tell(message, self.profile_status)

    def _choose_export_file(self) -> None:
        suggested = str(Path.home() / f"my-zavmo-settings{SUFFIX}")
        name, _ = QFileDialog.getSaveFileName(
            self, "Export settings", suggested, "Zavmo settings (*.json)"
        )
        if name:
            self.export_to(Path(name))

    def _choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import settings", str(Path.home()), "Zavmo settings (*.json)"
        )
        if name:
            self.import_from(Path(name))

    # --- showing the state -------------------------------------------------------------------

    def _show_save_state(self) -> None:
        problem = self._settings.save_problem
        if problem is None or not self._settings.unsaved:
            self._retry.stop()
            self.save_status.saved()
            return
        self.save_status.not_saved(not_saved(classify(problem), SETTINGS_KEPT))
        self._retry.start()

    def _save_again(self) -> None:
        self._settings.save_unsaved()
        self._show_save_state()

    def _show_current(self) -> None:
        current = self._settings.snapshot()
        merged = {**current, **self._pending}
        self.controls.show_values(merged)
        # Large text: each list under its label, as wide as the page, so no choice is cut.
        big = current.get("text_scale", 100) >= 150
        Wrap = QFormLayout.RowWrapPolicy
        self._form.setRowWrapPolicy(Wrap.WrapAllRows if big else Wrap.WrapLongRows)
        self.preview.show_pending(self._pending, merged)
        self._show_preset_in_use(current)
        self._show_preset_description()
        self._intro.setText(
            "Changes wait in a preview until you apply them."
            if self.previewing
            else "Changes apply straight away and are kept for next time."
        )
        self._keep_focus_in_view()

    def _keep_focus_in_view(self) -> None:
        """The preview opening under the page takes room from it: scroll the focused control
        back into sight (WCAG 2.4.11)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.scroll.widget().isAncestorOf(focus):
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the page's new height, now rather than on the next event
            self.scroll.ensureWidgetVisible(focus)

    def _show_preset_in_use(self, current: dict[str, Any]) -> None:
        defaults, locked = self._settings.defaults(), self._settings.locked
        in_use = matching_presets(current, defaults, locked)
        for index in range(self.preset.count()):
            preset = PRESETS[self.preset.itemData(index)]
            mark = " (in use)" if preset.key in in_use else ""
            self.preset.setItemText(index, preset.name + mark)
        if in_use:
            text = ", ".join(PRESETS[key].name for key in in_use)
        else:
            text = "The defaults" if uses_defaults(current, defaults, locked) else "Your own mix"
        self.preset_in_use.setText(f"In use: {text}")

    def _show_preset_description(self) -> None:
        preset = PRESETS[self.preset.currentData()]
        self.preset_description.setText(preset.description)
        current = self._settings.snapshot()
        self.preset_changes.setText(change_summary(current, preset_changes(self._settings, preset)))

    def _tell(self, message: str, where: QLabel | None = None) -> None:
        (where or self.preset_status).setText(message)
        announce(self, message)


def _locked_note(skipped: list[str]) -> str:
    return f" {len(skipped)} setting(s) are set by your organisation and stayed." if skipped else ""
