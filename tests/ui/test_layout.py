"""Layout at 100% and 200% text that the walk cannot see: the drop-down arrow drawn, the
navigation's share of the window, the module text under the reading options, content
problems with long paths, the search box's clear icon."""

from __future__ import annotations

import itertools
import shutil
import statistics
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import (
    assert_accessible,
    clipped_items,
    clipped_labels,
    contrast_ratio,
    find_by_name,
    settle,
    shown_rect,
    sideways_scrolling,
    squashed_controls,
)
from tests.conftest import BUNDLED_CONTENT
from tests.ui.conftest import OpenWindow
from tests.ui.test_navigation import EVERY_SCREEN, show
from zavmo_desktop.core.settings import OVERLAYS, THEMES
from zavmo_desktop.core.settings.presets import PRESETS, apply_preset
from zavmo_desktop.ui import main_window
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.text_lines import Row, visible_rows


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


# --- 200% text in the presets that use it, at two common laptop sizes ----------------------

PRESET_LOOKS = ["dyslexia", "low_vision"]
WINDOW_SIZES = [(1100, 760), (1280, 800)]


def in_preset(window: MainWindow, preset: str, scale: int, size: tuple[int, int]) -> None:
    assert window.learner is not None
    window.resize(*size)
    apply_preset(window.learner.settings, PRESETS[preset])
    window.learner.settings.set("text_scale", scale)
    settle()


def navigation_column(window: MainWindow) -> QWidget:
    column: QWidget | None = find_by_name(window, "Navigation")
    while column is not None and not isinstance(column, QScrollArea):
        column = column.parentWidget()
    assert column is not None
    return column


def wholly_shown(widget: QWidget) -> bool:
    """In view from edge to edge: nothing of it scrolled away or cut off by the window."""
    return widget.isVisible() and shown_rect(widget).size() == widget.size()


@pytest.mark.parametrize("size", WINDOW_SIZES)
@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_the_navigation_takes_a_quarter_of_the_window_at_most_and_stays_readable(
    window: MainWindow, preset: str, scale: int, size: tuple[int, int]
) -> None:
    window.show_screen("Library")
    in_preset(window, preset, scale, size)
    share = navigation_column(window).width() / window.width()
    assert share <= 0.25, f"the navigation takes {share:.0%} of the window"
    for name in ("Home", "Library", "Settings", "Keyboard shortcuts", "Start focus session"):
        button = find_by_name(window, name)  # the whole name, however its words wrap
        assert wholly_shown(button), name
    assert navigation_column(window).verticalScrollBar().maximum() == 0  # nothing scrolled away
    assert clipped_labels(window) == []
    assert squashed_controls(window) == []


@pytest.fixture
def six_screens(open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window with a sixth navigation button, as Review (Ctrl+6) will add."""
    if len(main_window.NAVIGATION) < 6:
        monkeypatch.setattr(main_window, "NAVIGATION", (*main_window.NAVIGATION, "Review"))
    return open_window()


def start_focus_session(window: MainWindow) -> None:
    find_by_name(window, "Start focus session").click()
    settle()


@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_six_screens_and_a_running_timer_fit_the_column_at_200_percent(
    six_screens: MainWindow, preset: str
) -> None:
    window = six_screens
    window.show_screen("Library")
    in_preset(window, preset, 200, WINDOW_SIZES[0])
    screens = list(window.nav_buttons)
    assert len(screens) >= 7  # six screens and the shortcuts
    for timer in (["Start focus session"], ["Pause focus session", "More timer actions"]):
        if timer[0] == "Pause focus session":
            start_focus_session(window)
        assert navigation_column(window).verticalScrollBar().maximum() == 0
        for name in screens + timer:
            assert wholly_shown(find_by_name(window, name)), name
        assert clipped_labels(window) == []
        assert squashed_controls(window) == []
    # The compact timer: one word on its main button, its name whole; the rest in a menu.
    pause = find_by_name(window, "Pause focus session")
    assert isinstance(pause, QPushButton) and pause.text() == "Pause"
    more = find_by_name(window, "More timer actions")
    assert isinstance(more, QPushButton) and more.menu() is not None
    more.menu().aboutToShow.emit()
    items = {action.text(): action for action in more.menu().actions()}
    assert list(items) == ["Add 5 minutes", "Skip to break", "Stop focus session"]
    items["Stop focus session"].trigger()
    settle()
    assert wholly_shown(find_by_name(window, "Start focus session"))  # stopped, as the button does
    assert not more.isVisible()


def test_a_taller_window_or_smaller_text_brings_the_whole_timer_back(
    six_screens: MainWindow,
) -> None:
    window = six_screens
    in_preset(window, "dyslexia", 200, WINDOW_SIZES[0])
    start_focus_session(window)
    assert find_by_name(window, "More timer actions").isVisible()
    for scale, size in ((200, (1100, 1400)), (100, WINDOW_SIZES[0])):
        window.learner.settings.set("text_scale", scale)  # type: ignore[union-attr]
        window.resize(*size)
        settle()
        for name in (
            "Focus time remaining",
            "Add 5 minutes",
            "Skip to break",
            "Stop focus session",
        ):
            assert wholly_shown(find_by_name(window, name)), (scale, size, name)
        assert find_by_name(window, "Pause focus session").text() == "Pause focus session"
        with pytest.raises(LookupError):
            find_by_name(window, "More timer actions")


def rows_on_first_screen(window: MainWindow) -> list[Row]:
    """The module's lines that show in the window without scrolling the page."""
    text = window.reader.text
    viewport = text.viewport()
    shown = shown_rect(viewport).translated(-viewport.mapTo(window, QPoint(0, 0)))
    top, bottom = shown.top() - 1, shown.bottom() + 1  # a line placed at y = -0.5 shows
    return [row for row in visible_rows(text) if top <= row.top and row.bottom <= bottom]


@pytest.mark.parametrize("size", WINDOW_SIZES)
@pytest.mark.parametrize("preset", PRESET_LOOKS)
@pytest.mark.parametrize("where", ["top", "middle"])
def test_the_module_text_shows_on_the_first_screen_with_reading_options_open(
    window: MainWindow, preset: str, size: tuple[int, int], where: str
) -> None:
    assert window.learner is not None
    in_preset(window, preset, 200, size)
    board = window.learner.module("board-storytelling")
    assert board is not None
    window.open_module(board)
    settle()
    bar = window.reader.text.verticalScrollBar()
    if where == "middle":
        bar.setValue(bar.maximum() // 2)
        settle()
    first = rows_on_first_screen(window)[0].start if where == "middle" else 0
    window.reader.speech.bar.options.click()
    settle()
    rows = rows_on_first_screen(window)
    # Room for three lines of text, wherever a heading or a gap falls in the page.
    line = statistics.median(row.bottom - row.top for row in visible_rows(window.reader.text))
    room = shown_rect(window.reader.text.viewport()).height()
    assert room >= 3 * line, f"room for {room / line:.1f} lines with the options open"
    assert rows and rows[0].start <= first <= rows[-1].start  # the line it was reading shows
    assert find_by_name(window, "Voice").isVisible()


LONG_FOLDER = "a-pack-folder-with-a-long-name-" * 3


def pack_with_a_broken_module(root: Path) -> Path:
    pack = root / LONG_FOLDER / "pack"
    shutil.copytree(BUNDLED_CONTENT, pack)
    manifest = (pack / "pack.yaml").read_text(encoding="utf-8")
    (pack / "pack.yaml").write_text(
        manifest.replace("id: director-ml-engineering", "id: broken-pack"), encoding="utf-8"
    )
    for module in (pack / "modules").glob("*.md"):
        module.unlink()
    broken = pack / "modules" / "a-module-whose-file-name-goes-on-and-on-without-spaces.md"
    broken.write_text("---\nid: [unclosed\n---\nText.\n", encoding="utf-8")
    return pack


@pytest.mark.parametrize("scale", [100, 200])
def test_content_problems_wrap_whole_with_a_long_path(
    open_window: OpenWindow, tmp_path: Path, scale: int
) -> None:
    window = open_window("--content", str(pack_with_a_broken_module(tmp_path)))
    assert window.learner is not None
    window.learner.settings.set("text_scale", scale)
    window.show_screen("Library")
    settle()
    problems = find_by_name(window, "Content problems")
    assert isinstance(problems, QListWidget) and problems.count() >= 1
    assert any(LONG_FOLDER in problems.item(i).text() for i in range(problems.count()))
    assert sideways_scrolling(window) == []
    assert clipped_items(window) == []


def ink_of_clear_button(field: QLineEdit) -> tuple[QColor, QColor]:
    """The colour most of the clear icon is drawn in, and the field behind it."""
    button = next(b for b in field.findChildren(QToolButton) if b.isVisible())
    image = field.grab().toImage().copy(button.geometry())
    background = QColor(image.pixel(0, 0))
    ink = Counter(
        image.pixel(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if contrast_ratio(QColor(image.pixel(x, y)), background) > 1.1
    )
    return QColor(ink.most_common(1)[0][0]), background


@pytest.mark.parametrize(("theme", "overlay"), list(itertools.product(THEMES, OVERLAYS)))
def test_the_search_clear_button_stands_out_in_every_theme_and_overlay(
    window: MainWindow, qtbot: QtBot, theme: str, overlay: str
) -> None:
    assert window.learner is not None
    window.show_screen("Library")
    field = find_by_name(window, "Search modules")
    assert isinstance(field, QLineEdit)
    field.setText("board")
    window.learner.settings.apply({"theme": theme, "overlay": overlay})
    qtbot.wait(300)  # Qt fades the button in
    ink, background = ink_of_clear_button(field)
    ratio = contrast_ratio(ink, background)
    assert ratio >= 3.0, f"{ink.name()} on {background.name()}: {ratio:.2f}:1"


@pytest.mark.parametrize("screen", EVERY_SCREEN)
@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_every_screen_in_the_presets_at_200_percent_clips_nothing(
    window: MainWindow, preset: str, screen: str
) -> None:
    """Their fonts and spacing (Lexend, wide letter and word spacing) need more room than
    200% text in the default font."""
    in_preset(window, preset, 200, WINDOW_SIZES[0])
    show(window, screen)
    assert_accessible(window)


@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_home_with_a_module_and_a_practice_to_carry_on_clips_nothing_at_200_percent(
    window: MainWindow, preset: str
) -> None:
    """Home at its fullest: a module part-read and a practice conversation left part-way."""
    show(window, "conversation")
    screen = window.conversation_screen
    screen.choices.buttons[0].setChecked(True)
    screen.send_button.click()  # one reply: the conversation is saved part-way
    in_preset(window, preset, 200, WINDOW_SIZES[0])
    window.show_screen("Home")
    settle()
    assert find_by_name(window, "Continue the practice: Explaining the platform budget to the CFO")
    assert_accessible(window)


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("preset", PRESET_LOOKS)
def test_reading_options_side_by_side_each_get_their_width(
    window: MainWindow, preset: str, scale: int
) -> None:
    """Lists placed side by side are never squeezed: a grid column is as wide as its widest
    list, whichever row that list is in."""
    assert window.learner is not None
    in_preset(window, preset, scale, WINDOW_SIZES[0])
    window.open_module(window.learner.library.modules[0])
    window.reader.speech.bar.options.click()
    settle()
    names = ("What to read", "Reading speed", "Voice")
    boxes = {name: find_by_name(window, name).parentWidget() for name in names}
    side_by_side = len({box.x() for box in boxes.values()}) > 1
    squeezed = [name for name, box in boxes.items() if box.width() < box.sizeHint().width()]
    assert not (side_by_side and squeezed), squeezed
