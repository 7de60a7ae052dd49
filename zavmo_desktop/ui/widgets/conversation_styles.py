"""Colours and stylesheet rules for practice conversations: chat bubbles from the palette.

Kept apart from the widgets so the theme can import it without loading them at start.
Every bubble keeps the theme's own text colour at >= 7:1 (WCAG 1.4.6): a tint is only
as strong as that allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from zavmo_desktop.ui.palettes import Colours, mix

BODY_CONTRAST = 7.0
_TINTS = (0.16, 0.12, 0.08, 0.04, 0.0)


@dataclass(frozen=True)
class BubbleColours:
    background: str
    edge: str


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    h = colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    a, b = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _tinted(c: Colours, tint: str) -> str:
    for amount in _TINTS:
        background = mix(c.base, tint, amount)
        if contrast(c.text, background) >= BODY_CONTRAST:
            return background
    return c.base


def bubble_colours(c: Colours, role: str) -> BubbleColours:
    """The tutor on the page colour; the learner on a wash of the accent; feedback on a wash
    of the edge colour. Each also differs by its speaker name, side and border, never by
    colour alone."""
    if role == "learner":
        return BubbleColours(_tinted(c, c.accent), c.border)
    if role == "feedback":
        return BubbleColours(_tinted(c, c.border), c.border)
    return BubbleColours(c.base, c.border)


def conversation_rules(c: Colours, focus_width: int = 3) -> str:
    w = focus_width
    rules = [
        f"""QScrollArea[role="transcript"] {{ background: {c.window};
            border: 1px solid {c.border}; padding: {w - 1}px; }}""",
        f"""QScrollArea[role="transcript"]:focus {{ border: {w}px solid {c.focus};
            padding: 0px; }}""",
        f"""QLabel[role="practice-box"], QFrame[role="practice-box"] {{ background: {c.base};
            border: 2px solid {c.border}; padding: 10px; }}""",
        f"""QRadioButton[role="reply-choice"] {{ min-width: 24px; min-height: 24px;
            padding: {w}px; }}
        QRadioButton[role="reply-choice"]::indicator {{ width: 18px; height: 18px;
            border: 2px solid {c.border}; border-radius: 11px; background: {c.base}; }}
        QRadioButton[role="reply-choice"]::indicator:checked {{ background: {c.accent};
            border: 5px solid {c.base}; outline: none; }}""",
        f"""QRadioButton[role="reply-choice"]:focus {{ border: {w}px solid {c.focus};
            border-radius: 4px; padding: 0px; }}""",
        """QLabel[role="reply-choice"] { padding: 4px 2px; }
        QLabel[role="reply-choice"][checked="true"] { font-weight: bold; }""",
    ]
    for role, bold in (("tutor", 1), ("learner", 1), ("feedback", 2)):
        colours = bubble_colours(c, role)
        style = "dashed" if role == "feedback" else "solid"
        rules.append(
            f"""QTextBrowser[bubble="{role}"] {{ background: {colours.background};
            border: {bold}px {style} {colours.edge}; border-radius: 10px; padding: 8px 12px; }}"""
        )
    rules.append(f"""QTextBrowser[bubble]:focus {{ border: {w}px solid {c.focus}; }}""")
    return "\n".join(rules)
