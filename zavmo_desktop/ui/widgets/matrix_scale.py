"""The competency matrix's colours: one blue hue, lighter to darker as the evidence grows.

A single-hue ramp reads in order with any colour vision, and every cell also shows a symbol
and a word (core/portfolio/matrix_words.py). "None" is the theme's own page and text, so it
follows every theme; the other steps carry their own text colour, at least 4.5:1 on them
(tests/ui/test_competency_matrix.py computes it for every theme and overlay).
"""

from __future__ import annotations

from zavmo_desktop.core.portfolio.status import Status
from zavmo_desktop.ui.palettes import Colours

STEPS: dict[Status, tuple[str, str]] = {  # (background, text)
    Status.SOME: ("#deebf7", "#000000"),
    Status.EVIDENCED: ("#6baed6", "#000000"),
    Status.VERIFIED: ("#08306b", "#ffffff"),
}


def cell_colours(status: Status, theme: Colours) -> tuple[str, str]:
    """(background, text) of a cell in this theme."""
    if status is Status.NONE:
        return theme.base, theme.text
    return STEPS[status]
