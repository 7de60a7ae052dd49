"""Turns the learner's settings into the app's font, palette and stylesheet, live."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QPalette
from PySide6.QtWidgets import QApplication

from zavmo_desktop.core.settings import LOOK_KEYS
from zavmo_desktop.ui.fonts import REGULAR_WEIGHT, family_for, weighted
from zavmo_desktop.ui.palettes import Colours, colours, mix
from zavmo_desktop.ui.widgets.conversation_styles import conversation_rules
from zavmo_desktop.ui.widgets.deliver_styles import deliver_rules

BASE_POINT_SIZE = 11.0
READING_COLUMN_CHARS = 70


def colours_for(values: dict[str, Any]) -> Colours:
    return colours(values.get("theme", "light"), values.get("overlay", "none"))


def point_size(values: dict[str, Any]) -> float:
    return BASE_POINT_SIZE * int(values.get("text_scale", 100)) / 100


def body_font(values: dict[str, Any]) -> QFont:
    """The learner's font, size and letter and word spacing (in hundredths of the size)."""
    key = values.get("font", "system")
    font = QFont(family_for(key))
    font.setPointSizeF(point_size(values))
    weighted(font, key, REGULAR_WEIGHT)
    letter, word = values.get("letter_spacing", 0), values.get("word_spacing", 0)
    if letter or word:  # measuring the font costs a font lookup: only when it is needed
        pixels = QFontInfo(font).pixelSize()
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, pixels * letter / 100)
        font.setWordSpacing(pixels * word / 100)
    return font


_applied: dict[str, Any] | None = None


def apply_theme(values: dict[str, Any]) -> None:
    """Restyle the app, only when something it looks at changed: a restyle re-polishes
    every widget."""
    global _applied
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    look = {key: values.get(key) for key in LOOK_KEYS}
    if look == _applied and app.styleSheet():
        return
    _applied = look
    c = colours_for(values)
    app.setFont(body_font(values))
    app.setPalette(build_palette(c))
    app.setStyleSheet(build_stylesheet(c, point_size(values), values.get("focus_ring", 3)))
    apply_motion(app, bool(values.get("reduce_motion", False)))


_ANIMATIONS = (
    Qt.UIEffect.UI_AnimateMenu,
    Qt.UIEffect.UI_FadeMenu,
    Qt.UIEffect.UI_AnimateCombo,
    Qt.UIEffect.UI_AnimateTooltip,
    Qt.UIEffect.UI_FadeTooltip,
    Qt.UIEffect.UI_AnimateToolBox,
)
_default_flash_ms: int | None = None


def apply_motion(app: QApplication, reduce: bool) -> None:
    """With reduced motion nothing animates, the text cursor included: it stops blinking."""
    global _default_flash_ms
    if _default_flash_ms is None:
        _default_flash_ms = app.cursorFlashTime()
    for effect in _ANIMATIONS:
        app.setEffectEnabled(effect, not reduce)
    app.setCursorFlashTime(0 if reduce else _default_flash_ms)


def build_palette(c: Colours) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.window,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted_text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.highlight,
        QPalette.ColorRole.HighlightedText: c.highlight_text,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.ToolTipBase: c.base,
        QPalette.ColorRole.ToolTipText: c.text,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def build_stylesheet(c: Colours, points: float, focus_width: int = 3) -> str:
    # Unfocused controls have a 1 px edge and extra padding; focus swaps padding for a
    # thicker ring, so gaining focus never moves anything.
    w = focus_width
    return (
        f"""
    QWidget {{ color: {c.text}; }}
    QMainWindow, QStackedWidget > QWidget, QScrollArea > QWidget > QWidget {{
        background: {c.window}; }}
    QLabel[role="heading"] {{ font-size: {points * 1.6:.1f}pt; font-weight: bold; }}
    QLabel[role="subheading"] {{ font-size: {points * 1.2:.1f}pt; font-weight: bold; }}
    QLabel[role="notice"] {{ background: {c.base}; border: 2px solid {c.text};
        padding: 8px; font-weight: bold; }}
    QLabel[role="summary"] {{ background: {c.base}; border-left: 4px solid {c.border};
        padding: 8px; }}
    QPushButton, QToolButton {{ background: {c.button}; border: 1px solid {c.border};
        border-radius: 4px; padding: 6px 14px; min-height: 24px; min-width: 24px; }}
    QPushButton:checked {{ border: 1px solid {c.text}; background: {c.base}; }}
    QPushButton[nav="true"] {{ text-align: left; border-left: 6px solid {c.button};
        padding-left: 9px; }}
    QPushButton[nav="true"]:checked {{ border-left: 6px solid {c.accent}; }}
    QPushButton[nav="true"]:focus {{ border-left-width: 6px; padding-left: {10 - w}px; }}
    QLineEdit, QComboBox, QSpinBox, QPlainTextEdit, QTreeWidget, QListWidget, QTextBrowser,
    QTableWidget {{ background: {c.base}; border: 1px solid {c.border}; padding: 6px; }}
    QHeaderView::section {{ background: {c.button}; color: {c.text}; padding: 4px 8px;
        border: none; border-right: 1px solid {c.border}; border-bottom: 1px solid {c.border};
        font-weight: bold; }}
    QTableWidget::item {{ padding: 6px 8px; }}
    QCheckBox {{ spacing: 8px; padding: {w}px; }}
    QCheckBox::indicator {{ width: 20px; height: 20px; border: 2px solid {c.border};
        background: {c.base}; border-radius: 3px; }}
    QCheckBox::indicator:checked {{ background: {c.accent}; border: 2px solid {c.text};
        image: none; }}
    QCheckBox:focus {{ border: {w}px solid {c.focus}; padding: 0px; }}
    QPushButton:focus, QToolButton:focus {{ border: {w}px solid {c.focus};
        padding: {7 - w}px {15 - w}px; }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QPlainTextEdit:focus, QTreeWidget:focus,
    QListWidget:focus, QTextBrowser:focus, QTableWidget:focus {{ border: {w}px solid {c.focus};
        padding: {7 - w}px; }}
    QTreeWidget::item, QListWidget::item {{ padding: 4px; min-height: 24px; }}
    QTreeWidget::item:selected, QListWidget::item:selected, QTableWidget::item:selected {{
        background: {c.highlight}; color: {c.highlight_text}; }}
    QScrollBar:vertical {{ background: {c.window}; width: 16px; margin: 0; border: none; }}
    QScrollBar:horizontal {{ background: {c.window}; height: 16px; margin: 0; border: none; }}
    QScrollBar::handle {{ background: {c.border}; border-radius: 5px; margin: 3px; }}
    QScrollBar::handle:vertical {{ min-height: 32px; }}
    QScrollBar::handle:horizontal {{ min-width: 32px; }}
    QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
    QProgressBar {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 3px;
        text-align: center; min-height: 12px; }}
    QProgressBar::chunk {{ background: {c.accent}; }}
    """
        + deliver_rules(c, w)
        + conversation_rules(c, w)
    )


def reading_css(values: dict[str, Any]) -> str:
    """The reader's document stylesheet, from the learner's colours and spacing."""
    c = colours_for(values)
    pixels = QFontInfo(body_font(values)).pixelSize()
    gap = round(pixels * values.get("paragraph_spacing", 100) / 100)
    line = values.get("line_spacing", 150)
    emphasis = (
        "em, i { font-style: normal; font-weight: bold; }" if values.get("bold_emphasis") else ""
    )
    return f"""
    body {{ color: {c.text}; }}
    h1 {{ font-size: x-large; }} h2 {{ font-size: large; margin-top: {gap + 8}px; }}
    p, blockquote {{ line-height: {line}%; margin-bottom: {gap}px; text-align: left; }}
    li {{ line-height: {line}%; margin-bottom: {gap // 2}px; text-align: left; }}
    p.summary {{ background-color: {mix(c.base, c.border, 0.10)}; }}
    a {{ color: {c.link}; text-decoration: underline; }}
    code, pre {{ font-family: monospace; }}
    th, td {{ padding: 4px 8px; }}
    {emphasis}
    """
