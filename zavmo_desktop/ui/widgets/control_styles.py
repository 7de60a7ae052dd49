"""Stylesheet rules for the module tab bar and drop-down lists (and date fields' calendar
buttons), added to the app's stylesheet.

Qt's own tab bar shows no focus ring under a stylesheet, its drop-down arrow is a fixed
8 px whatever the text size, and the app's button padding pushed a search box's clear
button out of the box. Here the focused tab gets the app's focus ring, and the arrow is
an SVG in the theme's text colour (>= 7:1 on the field), sized in `em` so it grows with the
text.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from zavmo_desktop.ui.palettes import Colours, disabled_text

_SHAPES = {
    "arrow": '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="40" viewBox="0 0 16 10">'
    '<path d="M1 1 L8 9 L15 1 Z" fill="{colour}" stroke="{colour}" stroke-width="1.5" '
    'stroke-linejoin="round"/></svg>',
}
_folder: Path | None = None


def icon_file(shape: str, colour: str) -> Path:
    """An icon in `colour`, written once per colour to this run's own folder."""
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="zavmo-style-"))
        atexit.register(shutil.rmtree, _folder, ignore_errors=True)
    path = _folder / f"{shape}-{colour.lstrip('#')}.svg"
    if not path.exists():
        path.write_text(_SHAPES[shape].format(colour=colour), encoding="utf-8")
    return path


def control_rules(c: Colours, focus_width: int = 3) -> str:
    w = focus_width
    arrow = icon_file("arrow", c.text).as_posix()
    faded_arrow = icon_file("arrow", disabled_text(c)).as_posix()
    # Every state keeps the same outer size: borders grow only where padding shrinks.
    return f"""
    QTabBar::tab {{ background: {c.button}; color: {c.text}; border: 1px solid {c.border};
        border-bottom: none; padding: 7px 14px; margin-right: 2px; min-height: 24px; }}
    QTabBar::tab:selected {{ background: {c.base}; border-top: 4px solid {c.accent};
        padding-top: 4px; }}
    QTabBar::tab:focus {{ border: {w}px solid {c.focus}; padding: {8 - w}px {15 - w}px
        {max(0, 7 - w)}px {15 - w}px; }}
    QTabBar::scroller {{ width: 56px; }}
    QTabBar QToolButton {{ padding: 0px; }}
    QLineEdit QToolButton {{ background: transparent; border: none; padding: 0px;
        min-width: 0px; min-height: 0px; }}
    QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: border;
        subcontrol-position: top right; width: 1.6em; border-left: 1px solid {c.border};
        background: {c.button}; }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url("{arrow}"); width: 0.75em;
        height: 0.5em; }}
    QComboBox::drop-down:disabled, QDateEdit::drop-down:disabled {{ background: {c.window};
        border-left: 1px dashed {disabled_text(c)}; }}
    QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled {{
        image: url("{faded_arrow}"); }}
    """
