"""The colour themes and tinted overlays, as plain data; tests check every pair's contrast."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Colours:
    window: str
    base: str  # reading and input backgrounds
    text: str
    muted_text: str
    button: str
    border: str  # control edges: >= 3:1 against window
    focus: str  # focus ring: >= 3:1 against window, base and button
    highlight: str
    highlight_text: str
    link: str
    accent: str  # the current-screen bar and progress fill; grey in low stimulation
    warning: str  # "Not saved yet": >= 4.5:1 on window, base and button, with every overlay
    dark: bool = False


THEMES: dict[str, Colours] = {
    "light": Colours(
        window="#f7f7f5", base="#ffffff", text="#1b1b1b", muted_text="#3d3d3d",
        button="#ececea", border="#616161", focus="#0b4fc4", highlight="#0b4fc4",
        highlight_text="#ffffff", link="#0a47b0", accent="#0b4fc4", warning="#a00d00",
    ),
    "dark": Colours(
        window="#181a1b", base="#101213", text="#f1f1ee", muted_text="#d4d4d0",
        button="#2a2d2f", border="#9a9a96", focus="#ffd34d", highlight="#ffd34d",
        highlight_text="#101213", link="#9fc3ff", accent="#ffd34d", warning="#ffb4a2",
        dark=True,
    ),
    # Dark brown on warm off-white: the BDA's "cream or pastel" background.
    "cream": Colours(
        window="#f4ecd8", base="#fbf4e3", text="#1f1a14", muted_text="#433a2f",
        button="#e9dfc6", border="#6b5d49", focus="#0b4fc4", highlight="#0b4fc4",
        highlight_text="#ffffff", link="#0a47b0", accent="#0b4fc4", warning="#9a1000",
    ),
    "high_contrast": Colours(
        window="#000000", base="#000000", text="#ffffff", muted_text="#ffffff",
        button="#000000", border="#ffffff", focus="#ffff00", highlight="#ffff00",
        highlight_text="#000000", link="#ffff00", accent="#ffff00", warning="#ffff00",
        dark=True,
    ),
    # Muted greys only: no accent colour anywhere, focus shown by a dark ring.
    "low_stimulation": Colours(
        window="#e9e8e4", base="#f1f0ec", text="#252525", muted_text="#3f3f3f",
        button="#dedcd7", border="#6a6a6a", focus="#2e2e2e", highlight="#4a4a4a",
        highlight_text="#ffffff", link="#252525", accent="#5a5a5a", warning="#7d2410",
    ),
}  # fmt: skip

# A tint laid over the page, as in coloured reading overlays.
OVERLAY_TINTS: dict[str, str] = {
    "yellow": "#ffe45c",
    "blue": "#8db8ff",
    "peach": "#ffb48f",
    "green": "#93e0a6",
}
_TINT_STRENGTH = {False: 0.30, True: 0.14}  # light themes take more tint than dark ones


_organisation_accent: str | None = None  # checked by core/org/accent.py when it was read


def set_organisation_accent(colour: str | None) -> None:
    """The organisation's accent for every theme from now on (before the first frame)."""
    global _organisation_accent
    _organisation_accent = colour


def organisation_accent() -> str | None:
    return _organisation_accent


def colours(theme: str, overlay: str = "none") -> Colours:
    """A theme's colours with the chosen overlay tinting its page and input backgrounds, and
    the organisation's accent on its focus ring, current-screen bar and fills."""
    chosen = THEMES.get(theme, THEMES["light"])
    tint = OVERLAY_TINTS.get(overlay)
    if tint is not None:
        strength = _TINT_STRENGTH[chosen.dark]
        chosen = replace(
            chosen,
            window=mix(chosen.window, tint, strength),
            base=mix(chosen.base, tint, strength),
            button=mix(chosen.button, tint, strength),
        )
    if _organisation_accent is not None:
        chosen = _with_accent(chosen, theme, _organisation_accent)
    return chosen


def _with_accent(chosen: Colours, theme: str, colour: str) -> Colours:
    """The accent where it keeps 3:1 on this theme's (tinted) backgrounds, else the theme's."""
    from zavmo_desktop.core.org.accent import accent_for  # only with an organisation accent

    backgrounds = (chosen.window, chosen.base, chosen.button)
    shown = accent_for(colour, theme if theme in THEMES else "light", backgrounds)
    if shown is None or any(_contrast(shown, b) < 3.0 for b in backgrounds):
        return chosen
    return replace(chosen, accent=shown, focus=shown)


def mix(colour: str, tint: str, amount: float) -> str:
    a, b = _rgb(colour), _rgb(tint)
    mixed = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def spoken_sentence_background(c: Colours) -> str:
    """A light wash of the highlight colour behind the sentence being read; the page's own
    text colour stays on it (>= 4.5:1 in every theme and overlay, tested)."""
    return mix(c.base, c.highlight, 0.16 if c.dark else 0.12)


def disabled_text(c: Colours) -> str:
    """Text and edges of a control that cannot be used now: faded towards the page, yet
    >= 3:1 on it, so it reads as unavailable and stays legible (drawn dashed, too, so it
    never rests on colour alone)."""
    for amount in (0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3):
        faded = mix(c.text, c.window, amount)
        if _contrast(faded, c.window) >= 3.0 and _contrast(faded, c.base) >= 3.0:
            return faded
    return c.muted_text


def _contrast(first: str, second: str) -> float:
    def luminance(colour: str) -> float:
        channels = [value / 255 for value in _rgb(colour)]
        linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
