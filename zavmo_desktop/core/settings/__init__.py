"""Every setting, declared once: its default, what values it accepts, and who decides it.

A learner's choice wins over the organisation's value unless the organisation
locked that setting; both win over the default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def validate(self, value: Any) -> Any:
        """The value if acceptable, else ValueError with a message a person can act on."""
        if self.choices:
            if value not in self.choices:
                allowed = ", ".join(str(choice) for choice in self.choices)
                raise ValueError(f"{self.label} must be one of {allowed}")
            return value
        if isinstance(self.default, bool):
            if not isinstance(value, bool):
                raise ValueError(f"{self.label} must be on or off")
            return value
        if isinstance(self.default, int):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{self.label} must be a whole number")
            low, high = self.minimum, self.maximum
            if (low is not None and value < low) or (high is not None and value > high):
                raise ValueError(f"{self.label} must be between {low} and {high}")
            return value
        if isinstance(self.default, str) and not isinstance(value, str):
            raise ValueError(f"{self.label} must be text")
        return value


FONTS = ("system", "atkinson", "lexend", "opendyslexic")
THEMES = ("light", "dark", "cream", "high_contrast", "low_stimulation")
OVERLAYS = ("none", "yellow", "blue", "peach", "green")

# Spacing is in hundredths of the font size, as WCAG 1.4.12 states it: line height
# 1.5 (150), paragraph gap 2 (200), letter spacing 0.12 (12), word spacing 0.16 (16).
_TYPOGRAPHY = (
    SettingSpec("font", "Font", "system", choices=FONTS),
    SettingSpec("text_scale", "Text size", 100, minimum=75, maximum=250),
    SettingSpec("line_spacing", "Line spacing", 150, minimum=100, maximum=250),
    SettingSpec("letter_spacing", "Letter spacing", 0, minimum=0, maximum=35),
    SettingSpec("word_spacing", "Word spacing", 0, minimum=0, maximum=100),
    SettingSpec("paragraph_spacing", "Paragraph spacing", 100, minimum=50, maximum=300),
    SettingSpec("column_chars", "Reading column width", 70, minimum=40, maximum=90),
    SettingSpec("bold_emphasis", "Show emphasis in bold", False),
)
_COLOURS = (
    SettingSpec("theme", "Theme", "light", choices=THEMES),
    SettingSpec("overlay", "Colour overlay", "none", choices=OVERLAYS),
    SettingSpec("focus_ring", "Focus outline thickness", 3, minimum=2, maximum=6),
)
_READING_AIDS = (
    SettingSpec("line_focus", "Line focus", 0, choices=(0, 1, 3, 5)),
    SettingSpec("reading_ruler", "Reading ruler", False),
    SettingSpec("one_section", "One section at a time", False),
    SettingSpec("reduce_motion", "Reduce motion", False),
    SettingSpec("literal_labels", "Literal labels", False),
    SettingSpec("preview_changes", "Preview changes before they apply", False),
)
# A predictable week: this week's steps stay in view above every screen.
_ROUTINE = (SettingSpec("week_in_view", "Keep this week's plan in view", False),)
# Every length spans at least ten times its shortest value (WCAG 2.2.1).
_FOCUS_TIMER = (
    SettingSpec("show_focus_timer", "Show the focus timer", True),
    SettingSpec("timer_focus_minutes", "Focus session length", 25, minimum=5, maximum=120),
    SettingSpec("timer_short_break_minutes", "Short break length", 5, minimum=1, maximum=30),
    SettingSpec("timer_long_break_minutes", "Long break length", 15, minimum=3, maximum=60),
    SettingSpec("timer_long_break_after", "Long break after", 4, minimum=2, maximum=8),
    SettingSpec("hyperfocus_nudge", "Hyperfocus nudge", True),
    SettingSpec("hyperfocus_minutes", "Hyperfocus nudge after", 90, minimum=30, maximum=300),
    SettingSpec("timer_sound", "Timer sounds", True),
    SettingSpec("companion_mode", "Study with me", False),
)

HIGHLIGHTS = ("sentence_and_word", "word", "sentence", "off")
_READ_ALOUD = (
    SettingSpec("reading_speed", "Reading speed", 100, minimum=50, maximum=300),  # percent
    SettingSpec("voice", "Voice", ""),  # "" is the engine's usual voice for the language
    SettingSpec("read_highlight", "Highlight while reading", "sentence_and_word", HIGHLIGHTS),
)

SPECS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (*_TYPOGRAPHY, *_COLOURS, *_READING_AIDS, *_ROUTINE, *_FOCUS_TIMER, *_READ_ALOUD)
}
# What each part of the interface depends on, so a timer change never restyles the app.
LOOK_KEYS = frozenset(spec.key for spec in (*_TYPOGRAPHY, *_COLOURS)) | {"reduce_motion"}
READER_KEYS = LOOK_KEYS | {spec.key for spec in _READING_AIDS}


class SettingsStore(Protocol):
    def all(self) -> dict[str, Any]: ...
    def set(self, key: str, value: Any) -> None: ...
    def set_many(self, values: Mapping[str, Any]) -> None: ...


Listener = Callable[[str, Any], None]


class Settings:
    def __init__(
        self,
        store: SettingsStore,
        organisation: Mapping[str, Any] | None = None,
        locked: frozenset[str] = frozenset(),
        lock_messages: Mapping[str, str] | None = None,
    ) -> None:
        self._store = store
        self._organisation = _valid_only(organisation or {})
        self._locked = locked
        self._lock_messages = dict(lock_messages or {})
        self._learner = _valid_only(store.all())
        self._listeners: list[Listener] = []
        self._unsaved: dict[str, Any] = {}
        self.save_problem: BaseException | None = None  # why `unsaved` is not empty

    def get(self, key: str) -> Any:
        spec = SPECS[key]
        if key in self._learner and key not in self._locked:
            return self._learner[key]
        return self._organisation.get(key, spec.default)

    def is_locked(self, key: str) -> bool:
        return key in self._locked

    def lock_message(self, key: str) -> str:
        """Who set a locked setting and why ("Set by Acme: ..."); empty when it is not locked."""
        if key not in self._locked:
            return ""
        return self._lock_messages.get(key, "Set by your organisation")

    @property
    def locked(self) -> frozenset[str]:
        return self._locked

    def defaults(self) -> dict[str, Any]:
        """Each setting before the learner chose: the organisation's value, else the default."""
        return {key: self._organisation.get(key, spec.default) for key, spec in SPECS.items()}

    def set(self, key: str, value: Any) -> None:
        if self.is_locked(key):
            raise PermissionError(f"{SPECS[key].label} is set by your organisation")
        self._set_checked({key: SPECS[key].validate(value)})

    def _set_checked(self, values: Mapping[str, Any]) -> None:
        changed = {
            key: value
            for key, value in values.items()
            if not (self.get(key) == value and key in self._learner and key not in self._unsaved)
        }
        if not changed:
            return
        self._learner.update(changed)  # in effect at once, even while it cannot be kept
        self._keep(changed)
        for key, value in changed.items():
            for listener in list(self._listeners):
                listener(key, value)

    def _keep(self, values: Mapping[str, Any]) -> None:
        # Here, not at the top: it loads sqlite3 (~4 ms), which a first start's first frame
        # does not need (the window's theme reads the settings' declarations).
        from zavmo_desktop.core.storage.problems import STORAGE_ERRORS

        try:
            self._store.set_many(values)
        except STORAGE_ERRORS as error:  # a full disk: kept here and tried again
            self._unsaved.update(values)
            self.save_problem = error
        else:
            for key in values:
                self._unsaved.pop(key, None)
            if not self._unsaved:
                self.save_problem = None

    @property
    def unsaved(self) -> dict[str, Any]:
        """Choices in effect that could not be written yet (see save_problem)."""
        return dict(self._unsaved)

    def save_unsaved(self) -> bool:
        """Try again to write what could not be written. True when nothing is left."""
        if self._unsaved:
            self._keep(dict(self._unsaved))
        return not self._unsaved

    def apply(self, values: Mapping[str, Any]) -> list[str]:
        """Set several values (a preset, an imported profile): all are checked before any is
        kept. Returns the keys skipped because the organisation locked them."""
        checked = {key: SPECS[key].validate(value) for key, value in values.items()}
        skipped = [key for key in checked if self.is_locked(key)]
        self._set_checked({k: v for k, v in checked.items() if k not in skipped})
        return skipped

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def snapshot(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SPECS}


def resolve(stored: Mapping[str, Any]) -> dict[str, Any]:
    """Every setting's value from raw stored values, defaults where missing or invalid."""
    valid = _valid_only(stored)
    return {key: valid.get(key, spec.default) for key, spec in SPECS.items()}


def _valid_only(values: Mapping[str, Any]) -> dict[str, Any]:
    """Stored or organisation values that are (still) valid; others fall back to defaults."""
    valid = {}
    for key, value in values.items():
        spec = SPECS.get(key)
        if spec is None:
            continue
        try:
            valid[key] = spec.validate(value)
        except ValueError:
            continue
    return valid
