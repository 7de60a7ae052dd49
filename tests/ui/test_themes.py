"""Every theme and overlay, measured from the real palette and stylesheet the app applies."""

from __future__ import annotations

import itertools
import re

import pytest
from PySide6.QtWidgets import QApplication

from tests.accessibility import assert_accessible, contrast_problems, contrast_ratio, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.settings import OVERLAYS, THEMES, resolve
from zavmo_desktop.ui.palettes import colours, mix, spoken_sentence_background
from zavmo_desktop.ui.theme import apply_theme, current_stylesheet
from zavmo_desktop.ui.widgets.reading_aids import DIM_OPACITY, under_ruler

SCREENS = ("Home", "Discover", "Library", "Settings", "Keyboard shortcuts", "reader")


@pytest.mark.parametrize(("theme", "overlay"), list(itertools.product(THEMES, OVERLAYS)))
def test_every_theme_and_overlay_meets_the_contrast_targets(
    qapp: QApplication, theme: str, overlay: str
) -> None:
    apply_theme(resolve({"theme": theme, "overlay": overlay}))
    assert contrast_problems() == []
    c = colours(theme, overlay)
    assert contrast_ratio(c.text, c.window) >= 7
    assert contrast_ratio(c.muted_text, c.base) >= 7
    assert contrast_ratio(c.border, c.window) >= 3 and contrast_ratio(c.border, c.base) >= 3
    assert contrast_ratio(c.accent, c.base) >= 3  # the current-screen bar, progress fill
    text, page = under_ruler(c)
    assert contrast_ratio(text, page) >= 4.5  # text inside a reading highlight


@pytest.mark.parametrize("width", [2, 3, 5, 6])
def test_focus_ring_follows_the_setting_and_never_moves_the_control(
    qapp: QApplication, width: int
) -> None:
    apply_theme(resolve({"focus_ring": width}))
    sheet = current_stylesheet()
    ring = re.search(r"QPushButton:focus, QToolButton:focus \{ border: (\d+)px solid", sheet)
    assert ring is not None and int(ring.group(1)) == width
    # 1 px edge + padding unfocused == ring + padding focused: nothing shifts on focus
    padding = re.search(r"QToolButton:focus \{[^}]*padding: (\d+)px (\d+)px", sheet)
    assert padding is not None
    assert (int(padding.group(1)) + width, int(padding.group(2)) + width) == (7, 15)


def test_low_stimulation_has_no_accent_colour() -> None:
    c = colours("low_stimulation")
    for colour in (c.focus, c.highlight, c.accent, c.link, c.border):
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert max(r, g, b) - min(r, g, b) <= 8, f"{colour} is not a grey"


def test_dimmed_lines_stay_faintly_readable_but_recede() -> None:
    c = colours("light")
    dimmed = mix(c.text, c.base, DIM_OPACITY)
    assert 1.3 <= contrast_ratio(dimmed, c.base) < 3


@pytest.mark.parametrize("theme", THEMES)
def test_every_screen_passes_the_harness_in_every_theme_at_200_percent(
    open_window: OpenWindow, theme: str
) -> None:
    window = open_window()
    assert window.learner is not None
    window.learner.settings.apply({"theme": theme, "text_scale": 200})
    for screen in SCREENS:
        if screen == "reader":
            window.open_module(window.learner.library.modules[0])
        else:
            window.show_screen(screen)
        settle()
        assert_accessible(window)


@pytest.mark.parametrize(("theme", "overlay"), list(itertools.product(THEMES, OVERLAYS)))
def test_text_inside_the_read_aloud_highlight_keeps_4_5_to_1(theme: str, overlay: str) -> None:
    c = colours(theme, overlay)
    assert contrast_ratio(c.text, spoken_sentence_background(c)) >= 4.5  # the sentence
    assert contrast_ratio(c.highlight_text, c.highlight) >= 4.5  # the word


def test_a_screen_hidden_during_a_theme_change_shows_the_new_theme(open_window: OpenWindow) -> None:
    window = open_window()
    assert window.learner is not None
    window.show_screen("Library")
    window.show_screen("Settings")
    window.learner.settings.set("theme", "dark")
    settle()
    assert window.library.isHidden()
    window.show_screen("Library")
    settle()
    corner = window.library.grab().toImage().pixelColor(1, 1).name()
    assert corner == colours("dark").window
    navigation = window.nav_buttons["Home"].grab().toImage()
    assert navigation.pixelColor(navigation.width() // 2, 2).name() != colours("light").button
