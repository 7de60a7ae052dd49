"""Layout at 100% and 200% text that the walk cannot see: the drop-down arrow drawn."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from tests.accessibility import contrast_ratio, find_by_name, settle
from zavmo_desktop.ui.main_window import MainWindow


def arrow_of(combo: QComboBox) -> tuple[int, float]:
    """The height of the arrow drawn in the drop-down button, and its contrast with the
    button behind it (the darkest and lightest pixels in that part of the list)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    part = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, combo
    )
    image = combo.grab().toImage()
    inside = part.adjusted(3, 3, -3, -3)  # not the button's own edge
    pixels = {
        (x, y): QColor(image.pixel(x, y))
        for x in range(inside.left(), inside.right())
        for y in range(inside.top(), inside.bottom())
    }
    background = QColor(image.pixel(inside.left(), inside.top()))
    marked = [xy for xy, c in pixels.items() if contrast_ratio(c, background) >= 3.0]
    if not marked:
        return 0, 1.0
    rows = [y for _, y in marked]
    strongest = max(contrast_ratio(pixels[xy], background) for xy in marked)
    return max(rows) - min(rows) + 1, strongest


@pytest.mark.parametrize("theme", ["light", "dark", "cream", "high_contrast", "low_stimulation"])
def test_drop_down_arrows_grow_with_the_text_and_stand_out(window: MainWindow, theme: str) -> None:
    assert window.learner is not None
    window.show_screen("Settings")
    heights = {}
    for scale in (100, 200):
        window.learner.settings.apply({"theme": theme, "text_scale": scale})
        settle()
        combo = find_by_name(window, "Preset")
        assert isinstance(combo, QComboBox)
        heights[scale], contrast = arrow_of(combo)
        assert contrast >= 3.0, (scale, contrast)
    assert heights[100] >= 5
    assert heights[200] >= 1.6 * heights[100], heights
