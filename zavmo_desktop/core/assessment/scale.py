"""The heat map's colour-blind-safe sequential scale: five cividis steps, by gap.

Cividis reads as one light-to-dark ramp with any colour vision. A larger gap is darker;
each step has the text colour (black or white) that keeps at least 4.5:1 on it
(tests/core/test_assessment_heat_map.py computes it). "Not known" is not on the scale:
it is a plain background, and the screen marks it with a pattern and words.
"""

from __future__ import annotations

# (background, text) for a gap of 0, 1, 2, 3 and 4 or more levels
GAP_STEPS = (
    ("#FFEA46", "#000000"),
    ("#BCAF6F", "#000000"),
    ("#7C7B78", "#000000"),
    ("#414D6B", "#FFFFFF"),
    ("#00204D", "#FFFFFF"),
)
NOT_KNOWN = ("#FFFFFF", "#000000")


def gap_step(gap: int | None) -> int | None:
    """The step of the scale for a gap: 0 for none, up to 4; None while the gap is not known."""
    if gap is None:
        return None
    return min(max(gap, 0), len(GAP_STEPS) - 1)
