"""A control that cannot be used now looks it, in every theme and overlay: measured from the
real widgets as the app draws them, enabled beside disabled."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import contrast_ratio
from zavmo_desktop.core.settings import OVERLAYS, THEMES, resolve
from zavmo_desktop.ui.theme import apply_theme


def controls() -> list[QWidget]:
    nav = QPushButton("Library")
    nav.setProperty("nav", True)
    box = QComboBox()
    box.addItem("High contrast")
    tick = QCheckBox("Reading ruler")
    tick.setChecked(True)
    return [QPushButton("Apply preset"), nav, box, tick, QLineEdit("typed text")]


def drawn(qtbot: QtBot, widget: QWidget, enabled: bool) -> QImage:
    widget.setEnabled(enabled)
    widget.resize(220, 40)
    qtbot.addWidget(widget)
    widget.show()
    QApplication.processEvents()
    return widget.grab().toImage()


def colour_at(image: QImage, x: int, y: int) -> str:
    return QColor(image.pixel(x, y)).name()


def background_and_ink(image: QImage) -> tuple[str, str]:
    """The commonest colour inside the edges, and the one furthest from it (the text)."""
    inside = [
        colour_at(image, x, y)
        for x in range(8, image.width() - 8)
        for y in range(6, image.height() - 6)
    ]
    background = Counter(inside).most_common(1)[0][0]
    ink = max(set(inside), key=lambda colour: contrast_ratio(colour, background))
    return background, ink


def top_edge_has_gaps(image: QImage) -> bool:
    """A dashed edge: the middle of the top row holds more than one colour."""
    row = {colour_at(image, x, 0) for x in range(image.width() // 4, 3 * image.width() // 4)}
    return len(row) > 1


@pytest.mark.parametrize(("theme", "overlay"), list(itertools.product(THEMES, OVERLAYS)))
def test_disabled_controls_look_disabled_in_every_theme_and_overlay(
    qapp: QApplication, qtbot: QtBot, theme: str, overlay: str
) -> None:
    apply_theme(resolve({"theme": theme, "overlay": overlay}))
    problems = []
    for on, off in zip(controls(), controls(), strict=True):
        name = type(on).__name__ + (" (navigation)" if on.property("nav") else "")
        on_image, off_image = drawn(qtbot, on, True), drawn(qtbot, off, False)
        _, on_ink = background_and_ink(on_image)
        off_back, off_ink = background_and_ink(off_image)
        if contrast_ratio(on_ink, off_ink) < 2.0:
            problems.append(f"{name}: text {off_ink} too like the enabled {on_ink}")
        if contrast_ratio(off_ink, off_back) < 3.0:
            problems.append(f"{name}: disabled text {off_ink} on {off_back} is not legible")
        if not isinstance(on, QCheckBox) and not top_edge_has_gaps(off_image):
            problems.append(f"{name}: the disabled edge is not dashed")
        if not isinstance(on, QCheckBox) and top_edge_has_gaps(on_image):
            problems.append(f"{name}: the enabled edge is dashed too")
    assert problems == []
