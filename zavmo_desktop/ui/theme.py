"""Turns the learner's settings into the app's font, palette and stylesheet, live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 11.0
READING_COLUMN_CHARS = 70


@dataclass(frozen=True)
class Colours:
    window: str
    base: str  # reading and input backgrounds
    text: str
    muted_text: str
    button: str
    border: str  # control edges: >= 3:1 against window
    focus: str  # focus ring: >= 3:1 against window and border
    highlight: str
    highlight_text: str
    link: str


THEMES: dict[str, Colours] = {
    "light": Colours(
        window="#f7f7f5", base="#ffffff", text="#1b1b1b", muted_text="#3d3d3d",
        button="#ececea", border="#616161", focus="#0b4fc4", highlight="#0b4fc4",
        highlight_text="#ffffff", link="#0a47b0",
    ),
    "dark": Colours(
        window="#181a1b", base="#101213", text="#f1f1ee", muted_text="#d4d4d0",
        button="#2a2d2f", border="#9a9a96", focus="#ffd34d", highlight="#ffd34d",
        highlight_text="#101213", link="#9fc3ff",
    ),
}  # fmt: skip


def colours_for(values: dict[str, Any]) -> Colours:
    return THEMES.get(values.get("theme", "light"), THEMES["light"])


def point_size(values: dict[str, Any]) -> float:
    return BASE_POINT_SIZE * int(values.get("text_scale", 100)) / 100


def apply_theme(values: dict[str, Any]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    colours = colours_for(values)
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(point_size(values))
    app.setFont(font)
    app.setPalette(build_palette(colours))
    app.setStyleSheet(build_stylesheet(colours, point_size(values)))


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


def build_stylesheet(c: Colours, points: float) -> str:
    # Focus is a 3 px ring in the focus colour; unfocused controls have a 1 px edge
    # and 2 px more padding, so gaining focus never moves anything.
    return f"""
    QWidget {{ color: {c.text}; }}
    QMainWindow, QStackedWidget > QWidget {{ background: {c.window}; }}
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
    QPushButton[nav="true"]:checked {{ border-left: 6px solid {c.text}; }}
    QPushButton[nav="true"]:focus {{ border-left-width: 6px; padding-left: 7px; }}
    QLineEdit, QComboBox, QSpinBox, QTreeWidget, QListWidget, QTextBrowser {{
        background: {c.base}; border: 1px solid {c.border}; padding: 4px; }}
    QPushButton:focus, QToolButton:focus {{ border: 3px solid {c.focus}; padding: 4px 12px; }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QTreeWidget:focus, QListWidget:focus,
    QTextBrowser:focus {{ border: 3px solid {c.focus}; padding: 2px; }}
    QTreeWidget::item, QListWidget::item {{ padding: 4px; min-height: 24px; }}
    QTreeWidget::item:selected, QListWidget::item:selected {{
        background: {c.highlight}; color: {c.highlight_text}; }}
    """


def reading_css(values: dict[str, Any]) -> str:
    """The reader's document stylesheet: sizes relative to the learner's text size."""
    c = colours_for(values)
    return f"""
    body {{ color: {c.text}; }}
    h1 {{ font-size: x-large; }} h2 {{ font-size: large; margin-top: 18px; }}
    p, li {{ line-height: 150%; }}
    a {{ color: {c.link}; }}
    code, pre {{ font-family: monospace; }}
    th, td {{ padding: 4px 8px; }}
    """
