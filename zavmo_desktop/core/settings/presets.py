"""One-click starting points for common needs; the learner can change anything afterwards."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zavmo_desktop.core.settings import Settings


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    description: str
    values: Mapping[str, Any]


PRESETS: dict[str, Preset] = {
    preset.key: preset
    for preset in (
        Preset(
            "dyslexia",
            "Dyslexia (BDA style)",
            "Lexend font at 125%, wider letter and word spacing, 1.5 line spacing, "
            "double paragraph gaps, bold instead of italics, cream pages, "
            "three-line focus, and read-aloud that highlights each sentence and word.",
            {
                "font": "lexend",
                "text_scale": 125,  # 11 pt base: 13.75 pt, inside the BDA's 12-14 pt
                "line_spacing": 150,
                # 0.20 em is ~0.36 of Lexend's average letter width (0.55 em); the gap
                # between words is then 0.28 + 0.20 + 0.24 = 0.72 em, over 3.5x 0.20 em.
                "letter_spacing": 20,
                "word_spacing": 24,
                "paragraph_spacing": 200,
                "column_chars": 60,
                "bold_emphasis": True,
                "theme": "cream",
                "overlay": "none",
                "line_focus": 3,
                "read_highlight": "sentence_and_word",
            },
        ),
        Preset(
            "adhd",
            "ADHD",
            "Focus timer shown (25 minutes on, 5 off, a long break after 4), a nudge "
            "after 90 minutes without a break, one section at a time with visible "
            "progress, and gentle cues you can snooze.",
            {
                "show_focus_timer": True,
                "timer_focus_minutes": 25,
                "timer_short_break_minutes": 5,
                "timer_long_break_minutes": 15,
                "timer_long_break_after": 4,
                "hyperfocus_nudge": True,
                "hyperfocus_minutes": 90,
                "timer_sound": True,
                "one_section": True,
            },
        ),
        Preset(
            "autism",
            "Autism (low stimulation)",
            "Muted colours with no accent colour, no sounds, nothing moves, literal "
            "labels, this week's plan kept in view above every screen, and every "
            "settings change shown as a preview before it applies.",
            {
                "theme": "low_stimulation",
                "overlay": "none",
                "timer_sound": False,
                "reduce_motion": True,
                "literal_labels": True,
                "preview_changes": True,
                "week_in_view": True,
            },
        ),
        Preset(
            "low_vision",
            "Low vision",
            "High contrast colours, text at 150% and a thick focus outline.",
            {
                "theme": "high_contrast",
                "overlay": "none",
                "text_scale": 150,
                "focus_ring": 5,
            },
        ),
    )
}


# A preset sets every setting, its own values over the defaults, so presets never pile up
# on each other. The voice stays: it names a voice installed on this machine, not a need.
KEPT_BY_PRESETS = frozenset({"voice"})


def preset_values(preset: Preset | None, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Every value a preset sets: its own over the defaults (None: the defaults alone)."""
    values = {key: value for key, value in defaults.items() if key not in KEPT_BY_PRESETS}
    values.update(preset.values if preset is not None else {})
    return values


def changes(current: Mapping[str, Any], target: Mapping[str, Any]) -> dict[str, Any]:
    """The values of `target` that differ from `current`."""
    return {key: value for key, value in target.items() if current.get(key) != value}


def matching_presets(
    values: Mapping[str, Any], defaults: Mapping[str, Any], fixed: frozenset[str] = frozenset()
) -> list[str]:
    """The presets exactly in force now: their values, and the defaults for everything else.
    `fixed` settings (locked by the organisation) are left out of the comparison."""
    return [
        preset.key
        for preset in PRESETS.values()
        if not set(changes(values, preset_values(preset, defaults))) - fixed
    ]


def uses_defaults(
    values: Mapping[str, Any], defaults: Mapping[str, Any], fixed: frozenset[str] = frozenset()
) -> bool:
    return not set(changes(values, preset_values(None, defaults))) - fixed


def preset_changes(settings: Settings, preset: Preset | None) -> dict[str, Any]:
    """What applying a preset (None: the defaults) would change, leaving locked settings be."""
    target = preset_values(preset, settings.defaults())
    return changes(
        settings.snapshot(), {k: v for k, v in target.items() if not settings.is_locked(k)}
    )


def apply_preset(settings: Settings, preset: Preset | None) -> list[str]:
    """Apply a preset over the defaults; returns the keys the organisation locked."""
    skipped = [key for key in (preset.values if preset else {}) if settings.is_locked(key)]
    settings.apply(preset_changes(settings, preset))
    return skipped
