"""The steps each setting offers in a list, in words a learner (and a screen reader) can say.

Fixed steps rather than spin boxes: predictable, quick from the keyboard, and every step is
announced as a whole phrase.
"""

from __future__ import annotations

from typing import Any

from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.ui.fonts import FONT_NAMES

Options = list[tuple[Any, str]]


def _times(values: list[int], notes: dict[int, str], zero: str = "") -> Options:
    """Spacing in hundredths of the text size, said as "0.12 × text size"."""
    options = []
    for value in values:
        text = zero if value == 0 and zero else f"{value / 100:g} × text size"
        options.append((value, f"{text} {notes[value]}".strip() if value in notes else text))
    return options


def _minutes(values: list[int]) -> Options:
    return [(value, f"{value} minute" + ("" if value == 1 else "s")) for value in values]


OPTIONS: dict[str, Options] = {
    "font": list(FONT_NAMES.items()),
    "text_scale": [(percent, f"{percent}%") for percent in range(75, 251, 25)],
    "line_spacing": [
        (value, f"{value / 100:g} lines" + (" (recommended)" if value == 150 else ""))
        for value in (100, 115, 125, 150, 175, 200, 250)
    ],
    "letter_spacing": _times(
        [0, 5, 10, 12, 15, 20, 25, 30, 35], {12: "(WCAG)", 20: "(BDA)"}, zero="Normal"
    ),
    "word_spacing": _times(
        [0, 8, 16, 24, 32, 48, 64, 80, 100], {16: "(WCAG)", 24: "(BDA)"}, zero="Normal"
    ),
    "paragraph_spacing": _times([50, 100, 150, 200, 250, 300], {200: "(WCAG)"}),
    "column_chars": [(chars, f"{chars} characters") for chars in range(40, 91, 5)],
    "theme": [
        ("light", "Light"),
        ("dark", "Dark"),
        ("cream", "Cream"),
        ("high_contrast", "High contrast"),
        ("low_stimulation", "Low stimulation (muted)"),
    ],
    "overlay": [
        ("none", "None"),
        ("yellow", "Yellow tint"),
        ("blue", "Blue tint"),
        ("peach", "Peach tint"),
        ("green", "Green tint"),
    ],
    "focus_ring": [(px, f"{px} pixels") for px in range(2, 7)],
    "line_focus": [(0, "Off"), (1, "1 line"), (3, "3 lines"), (5, "5 lines")],
    "timer_focus_minutes": _minutes([5, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 120]),
    "timer_short_break_minutes": _minutes([1, 2, 3, 5, 10, 15, 20, 30]),
    "timer_long_break_minutes": _minutes([3, 5, 10, 15, 20, 25, 30, 45, 60]),
    "timer_long_break_after": [(n, f"every {n} focus sessions") for n in range(2, 9)],
    "reading_speed": [
        (percent, f"{percent / 100:g}×" + (" (normal)" if percent == 100 else ""))
        for percent in (50, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300)
    ],
    "read_highlight": [
        ("sentence_and_word", "Sentence and word"),
        ("word", "Word only"),
        ("sentence", "Sentence only"),
        ("off", "No highlight"),
    ],
    "hyperfocus_minutes": _minutes([30, 45, 60, 75, 90, 120, 150, 180, 240, 300]),
}


def describe(key: str, value: Any) -> str:
    """A setting's value in the words its list uses."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return dict(OPTIONS.get(key, [])).get(value, str(value))


def change_summary(current: dict[str, Any], differ: dict[str, Any]) -> str:
    """What applying a preset would change, in the words the settings lists use."""
    if not differ:
        return "Applying it changes nothing: it is what you have now."
    steps = [
        f"{SPECS[key].label} from {describe(key, current.get(key))} to {describe(key, value)}"
        for key, value in differ.items()
    ]
    count = len(steps)
    return f"Applying it changes {count} setting{'' if count == 1 else 's'}: {'; '.join(steps)}."
