"""Whether an organisation's accent colour keeps the contrast targets of the light themes."""

from __future__ import annotations

import re
from collections.abc import Collection

# The backgrounds an accent bar, focus ring or progress fill sits on, in the themes the
# organisation's colour must pass as given (light and cream). The dark theme takes a lighter
# tint of it; high contrast and low stimulation keep their own (see accent_for).
# tests/core/org check these match ui/palettes.py.
ACCENT_BACKGROUNDS: dict[str, dict[str, str]] = {
    "light": {"window": "#f7f7f5", "base": "#ffffff", "button": "#ececea"},
    "cream": {"window": "#f4ecd8", "base": "#fbf4e3", "button": "#e9dfc6"},
}
DARK_BACKGROUNDS = {"window": "#181a1b", "base": "#101213", "button": "#2a2d2f"}
OWN_ACCENT_THEMES = frozenset({"high_contrast", "low_stimulation"})  # their purpose wins
NON_TEXT_TARGET = 3.0  # ACCESSIBILITY.md: interface components and focus against neighbours
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def accent_problem(colour: str) -> str | None:
    """Why the colour cannot be the accent, or None when it keeps every target."""
    if not _HEX.match(colour):
        return f"accent colour {colour!r} is not a #rrggbb colour"
    for theme, backgrounds in ACCENT_BACKGROUNDS.items():
        for name, background in backgrounds.items():
            ratio = contrast(colour, background)
            if ratio < NON_TEXT_TARGET:
                return (
                    f"accent colour {colour} has contrast {ratio:.2f}:1 against the {theme} "
                    f"theme's {name} {background}; it needs at least {NON_TEXT_TARGET:.0f}:1"
                )
    return None


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def accent_for(colour: str, theme: str, backgrounds: Collection[str] | None = None) -> str | None:
    """The organisation's accent as the theme shows it, or None where the theme keeps its own.

    Light and cream show the colour itself (accent_problem has checked it); the dark theme a
    tint of it mixed towards white until it reaches the target on the dark backgrounds (or
    on `backgrounds`: the theme's as a tinted overlay changes them)."""
    if theme in OWN_ACCENT_THEMES:
        return None
    if theme != "dark":
        return colour
    against = backgrounds or DARK_BACKGROUNDS.values()
    for step in range(21):
        tint = _towards_white(colour, step / 20)
        if all(contrast(tint, b) >= NON_TEXT_TARGET for b in against):
            return tint
    return None


def _towards_white(colour: str, amount: float) -> str:
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)
