"""Turns the learner's settings into the app's font, palette and stylesheet, live."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QFont, QFontInfo, QPalette
from PySide6.QtWidgets import QApplication

from zavmo_desktop.core.settings import LOOK_KEYS
from zavmo_desktop.ui.fonts import REGULAR_WEIGHT, family_for, weighted
from zavmo_desktop.ui.palettes import Colours, colours, disabled_text, mix, organisation_accent
from zavmo_desktop.ui.widgets.control_styles import control_rules
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
_sheet = ""


def apply_theme(values: dict[str, Any], app_sheet: bool = True) -> str:
    """Set the app's font, palette and motion from the learner's look settings, and return the
    stylesheet for them. With `app_sheet` it is also set on the whole app (for a widget on
    its own); the main window sets it on each of its parts instead (see ui/restyle.py), since
    an app-wide stylesheet re-polishes every widget, shown or not, on each change."""
    global _applied, _sheet
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    look = {key: values.get(key) for key in LOOK_KEYS}
    look["organisation_accent"] = organisation_accent()  # set at start, before the first frame
    if look != _applied:
        before = _applied or {}
        _applied = look
        c = colours_for(values)
        if _changed(before, look, "font", "text_scale", "letter_spacing", "word_spacing"):
            app.setFont(body_font(values))
        if _changed(before, look, "theme", "overlay", "organisation_accent"):
            app.setPalette(build_palette(c))
        _sheet = build_stylesheet(c, point_size(values), values.get("focus_ring", 3))
        apply_motion(app, bool(values.get("reduce_motion", False)))
    if app_sheet and app.styleSheet() != _sheet:
        app.setStyleSheet(_sheet)
    return _sheet


def current_stylesheet() -> str:
    return _sheet


def _changed(before: dict[str, Any], after: dict[str, Any], *keys: str) -> bool:
    return not before or any(before.get(key) != after.get(key) for key in keys)


_default_flash_ms: int | None = None
_motion_reduced = False  # how the app started: every effect on, the cursor blinking


def apply_motion(app: QApplication, reduce: bool) -> None:
    """With reduced motion nothing animates, the text cursor included: it stops blinking."""
    global _default_flash_ms, _motion_reduced
    if reduce == _motion_reduced:
        return  # also keeps Qt's namespace (~13 ms to import) off the first frame
    from PySide6.QtCore import Qt

    _motion_reduced = reduce
    if _default_flash_ms is None:
        _default_flash_ms = app.cursorFlashTime()
    for effect in (
        Qt.UIEffect.UI_AnimateMenu,
        Qt.UIEffect.UI_FadeMenu,
        Qt.UIEffect.UI_AnimateCombo,
        Qt.UIEffect.UI_AnimateTooltip,
        Qt.UIEffect.UI_FadeTooltip,
        Qt.UIEffect.UI_AnimateToolBox,
    ):
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
    # What a control that cannot be used now looks like where no stylesheet rule draws it.
    disabled = {
        QPalette.ColorRole.Text: disabled_text(c),
        QPalette.ColorRole.WindowText: disabled_text(c),
        QPalette.ColorRole.ButtonText: disabled_text(c),
        QPalette.ColorRole.Button: c.window,
        QPalette.ColorRole.Base: c.window,
    }
    for role, colour in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
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
    QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTreeWidget, QListWidget,
    QTextBrowser, QTableWidget {{ background: {c.base}; border: 1px solid {c.border};
        padding: 6px; }}
    QAbstractSpinBox > QLineEdit, QAbstractSpinBox > QLineEdit:focus {{ border: none;
        padding: 0px; }}
    QDoubleSpinBox::up-button, QDoubleSpinBox::down-button {{ width: 0px; border: none; }}
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
    QRadioButton {{ spacing: 8px; padding: {w}px; }}
    QRadioButton::indicator {{ width: 20px; height: 20px; border: 2px solid {c.border};
        background: {c.base}; border-radius: 12px; }}
    QRadioButton::indicator:checked {{ background: {c.accent}; border: 2px solid {c.text};
        image: none; }}
    QRadioButton:focus {{ border: {w}px solid {c.focus}; padding: 0px; }}
    QPushButton:focus, QToolButton:focus {{ border: {w}px solid {c.focus};
        padding: {7 - w}px {15 - w}px; }}
    QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus,
    QTreeWidget:focus, QListWidget:focus, QTextBrowser:focus, QTableWidget:focus {{
        border: {w}px solid {c.focus}; padding: {7 - w}px; }}
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
        + control_rules(c, w)
        + disabled_rules(c)
    )


def disabled_rules(c: Colours) -> str:
    """Last, so they win: a control that cannot be used now has no fill, faded text and a
    dashed edge, in every theme (tested against the enabled look)."""
    d = disabled_text(c)
    return f"""
    QPushButton:disabled, QToolButton:disabled {{ background: {c.window}; color: {d};
        border: 1px dashed {d}; }}
    QPushButton[nav="true"]:disabled {{ border: 1px dashed {d}; border-left: 6px solid {c.window};
        }}
    QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QPlainTextEdit:disabled,
    QDateEdit:disabled {{ background: {c.window}; color: {d}; border: 1px dashed {d}; }}
    QCheckBox:disabled, QRadioButton:disabled {{ color: {d}; }}
    QCheckBox::indicator:disabled {{ border: 2px dashed {d}; background: {c.window}; }}
    QCheckBox::indicator:checked:disabled {{ background: {d}; border: 2px dashed {d}; }}
    """


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
