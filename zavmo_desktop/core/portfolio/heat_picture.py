"""The Discover heat map as a picture: an inline SVG drawn from the same numbers as its table.

The table beside it is the accessible form; the picture has role="img", a <title> and a
<desc>, and every cell shows its gap in words as well as colour (the app's cividis scale).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from zavmo_desktop.core.assessment.scale import GAP_STEPS, NOT_KNOWN, gap_step

WIDTH = 640
LABEL_WIDTH = 400
CELL_WIDTH = WIDTH - LABEL_WIDTH
ROW = 20
AREA_ROW = 26
MAX_LABEL = 58  # characters of a competency's title that fit beside its cell


def heat_svg(
    areas: Sequence[Mapping[str, Any]],
    title: str,
    description: str,
    font_family: str = "sans-serif",
) -> str:
    parts: list[str] = []
    y = 0
    for area in areas:
        y += AREA_ROW
        parts.append(_text(0, y - 8, str(area["area"]), bold=True))
        for cell in area["competencies"]:
            parts.extend(_cell(y, cell))
            y += ROW
    height = y + 4
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="heat-title '
        f'heat-desc" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="{escape(font_family, quote=True)}">'
        f'<title id="heat-title">{escape(title)}</title>'
        f'<desc id="heat-desc">{escape(description)}</desc>'
        f"{''.join(parts)}</svg>"
    )


def _cell(y: int, cell: Mapping[str, Any]) -> list[str]:
    step = gap_step(cell["gap"])
    fill, ink = NOT_KNOWN if step is None else GAP_STEPS[step]
    label = str(cell["competency"])
    if len(label) > MAX_LABEL:
        label = label[: MAX_LABEL - 1].rstrip() + "…"
    gap = "gap not known" if cell["gap"] is None else f"gap {cell['gap']}: {cell['gap_words']}"
    return [
        _text(0, y + 14, label),
        f'<rect x="{LABEL_WIDTH}" y="{y + 1}" width="{CELL_WIDTH}" height="{ROW - 2}" '
        f'fill="{fill}" stroke="#444444" stroke-width="1"/>',
        _text(LABEL_WIDTH + 6, y + 14, gap, fill=ink),
    ]


def _text(x: int, y: int, words: str, bold: bool = False, fill: str = "#000000") -> str:
    look = 'font-size="12" font-weight="bold"' if bold else 'font-size="11"'
    return f'<text x="{x}" y="{y}" fill="{fill}" {look}>{escape(words)}</text>'
