"""Stylesheet rules for the checklist and reflection panels, added to the app's stylesheet.

Kept apart from the panels so the theme can import it without loading them at start.
"""

from __future__ import annotations

from zavmo_desktop.ui.palettes import Colours


def deliver_rules(c: Colours, focus_width: int = 3) -> str:
    w = focus_width
    # Tick boxes in the checklist drawn like the app's other check boxes (empty, or filled
    # with a strong edge), big enough to see in every theme; the next step is bold as well
    # as named in words.
    return f"""
    QListWidget[role="checklist"]::indicator {{ width: 18px; height: 18px; image: none;
        border: 2px solid {c.border}; background: {c.base}; border-radius: 3px; }}
    QListWidget[role="checklist"]::indicator:checked {{ background: {c.accent};
        border: 2px solid {c.text}; }}
    QListWidget[role="checklist"]::indicator:selected {{ background: transparent;
        border: 2px solid {c.highlight_text}; }}
    QListWidget[role="checklist"]::indicator:checked:selected {{
        background: {c.highlight_text}; }}
    QListWidget[role="checklist"]::item {{ padding: 6px 4px; }}
    QLabel[role="next-step"] {{ font-weight: bold; }}
    QFrame[role="week-strip"] {{ background: {c.base}; border: 1px solid {c.border};
        border-radius: 4px; }}
    QLabel[role="saved"] {{ color: {c.muted_text}; }}
    QLabel[role="not-saved"] {{ color: {c.warning}; font-weight: bold; background: {c.base};
        border: 2px solid {c.warning}; border-left-width: 6px; padding: 6px 8px; }}
    QDateEdit {{ background: {c.base}; border: 1px solid {c.border}; padding: 6px; }}
    QDateEdit:focus {{ border: {w}px solid {c.focus}; padding: {7 - w}px; }}
    """
