"""Line focus and the reading ruler keep to whole lines however the text scrolls.

Every check compares the band with the lines of the real document layout (QTextLayout
lines of each block, moved by the scroll offset) and looks at the pixels the window shows.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QTextBrowser
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.app import build_window
from zavmo_desktop.core.settings import THEMES
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.palettes import colours
from zavmo_desktop.ui.widgets.reading_aids import RULER_EDGE, ReadingAids
from zavmo_desktop.ui.widgets.speech_highlight import SpeechHighlight

BAND_LINES = 3
DIMMED_MAX = round(255 * 0.22) + 4  # any colour 78% of the way to the page colour


def layout_lines(view: QTextBrowser) -> Iterator[tuple[float, float]]:
    """(top, bottom) of every laid-out line, in viewport coordinates."""
    document, scroll = view.document(), view.verticalScrollBar().value()
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        rect = document.documentLayout().blockBoundingRect(block)
        origin = rect.top() - layout.boundingRect().top()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            yield origin + line.y() - scroll, origin + line.y() + line.height() - scroll
        block = block.next()


def side_by_side(lines: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Lines that overlap (table cells in one row) merged: the lines a reader sees."""
    rows: list[tuple[float, float]] = []
    for top, bottom in sorted(lines):
        if rows and top < rows[-1][1] - 1:
            rows[-1] = (rows[-1][0], max(rows[-1][1], bottom))
        else:
            rows.append((top, bottom))
    return rows


def assert_band_on_whole_lines(window: MainWindow, step: str) -> None:
    settle()
    view, aids = window.reader.text, window.reader.aids
    band = aids.current_band()
    assert band is not None and aids.isVisible(), step
    height = view.viewport().height()
    viewport = view.viewport()
    covered = (aids.mapToGlobal(QPoint(0, 0)), aids.size())
    assert covered == (viewport.mapToGlobal(QPoint(0, 0)), viewport.size()), f"{step}: moved"
    assert band.top() >= 0 and band.bottom() < height, f"{step}: band {band} outside the view"
    lines = list(layout_lines(view))
    for edge in (band.top(), band.bottom() + 1):
        cut = [(t, b) for t, b in lines if t + 1 < edge < b - 1]
        assert cut == [], f"{step}: the band edge at {edge} cuts the line {cut}"
    inside = [(t, b) for t, b in lines if band.top() - 1 <= t and b <= band.bottom() + 2]
    rows = len(side_by_side(inside))
    assert rows == BAND_LINES, f"{step}: {rows} lines in the band"
    line = aids.current_line()
    assert line is not None and band.top() <= line.top() and line.bottom() <= band.bottom()
    assert_dimmed_outside(window, band.top(), band.bottom(), step)


def assert_dimmed_outside(window: MainWindow, top: int, bottom: int, step: str) -> None:
    """The page is dimmed above and below the band (text there is faint), not inside it."""
    view = window.reader.text
    area = view.viewport().geometry()
    image = view.grab(area).toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    page = QImage(1, 1, QImage.Format.Format_RGB32)
    page.fill(QColor(colours(window.learner.settings.get("theme")).base))  # type: ignore[union-attr]
    base = page.convertToFormat(QImage.Format.Format_Grayscale8).pixelColor(0, 0).red()
    scale = image.height() / area.height()  # device pixels
    pixels, stride, width = bytes(image.constBits()), image.bytesPerLine(), image.width()

    def strongest(rows: range) -> int:
        starts = [round(y * scale) * stride for y in rows]
        values = [pixels[start : start + width] for start in starts]
        return max((max(max(row) - base, base - min(row)) for row in values), default=0)

    edge = RULER_EDGE + 2  # the ruler's edges sit just outside the line it marks
    assert strongest(range(top + 1, bottom)) > 100, f"{step}: no text shows in the band"
    assert strongest(range(0, max(0, top - edge))) <= DIMMED_MAX, f"{step}: not dimmed above"
    below = range(bottom + edge, area.height())
    assert strongest(below) <= DIMMED_MAX, f"{step}: the page below the band is not dimmed"


def wheel(view: QTextBrowser, notches: int) -> None:
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)


@pytest.fixture(scope="module", params=[100, 200], ids=["100%", "200%"])
def reader(
    request: pytest.FixtureRequest, qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    """One window per text size, shared by the themes: opening a window costs ~0.5 s."""
    window = build_window(["--data-dir", str(tmp_path_factory.mktemp("aids"))])
    assert isinstance(window, MainWindow) and window.learner is not None
    window.resize(1000, 760)
    window.show()
    settings = window.learner.settings
    settings.apply({"line_focus": BAND_LINES, "reading_ruler": True, "text_scale": request.param})
    window.open_module(window.learner.module("responsible-ai-leadership"))  # type: ignore[arg-type]
    settle()
    yield window
    window.close()
    window.deleteLater()
    settle()


def from_the_top(window: MainWindow, theme: str) -> QTextBrowser:
    window.resize(1000, 760)
    window.learner.settings.set("theme", theme)  # type: ignore[union-attr]
    view = window.reader.text
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    return view


@pytest.mark.parametrize("theme", THEMES)
def test_the_band_keeps_to_whole_lines_however_the_text_scrolls(
    reader: MainWindow, qtbot: QtBot, theme: str
) -> None:
    view = from_the_top(reader, theme)
    bar = view.verticalScrollBar()
    assert_band_on_whole_lines(reader, "at the top")
    for presses in range(5, 30, 5):  # the band used to vanish after ~20
        for _ in range(5):
            QTest.keyClick(view, Qt.Key.Key_Down)
        assert_band_on_whole_lines(reader, f"Down x{presses}")
    assert bar.value() > 0
    for page in range(2):
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        assert_band_on_whole_lines(reader, f"Page Down {page + 1}")
    for notches in (1, 3, -2):
        wheel(view, notches)
        assert_band_on_whole_lines(reader, f"wheel {notches}")
    for fraction in (0.37, 0.61, 0.83):  # where a drag of the scroll bar leaves it
        bar.setSliderPosition(round(bar.maximum() * fraction))
        assert_band_on_whole_lines(reader, f"scroll bar at {fraction}")
    reader.resize(820, 640)
    assert_band_on_whole_lines(reader, "resized")


def test_the_band_keeps_to_whole_lines_while_read_aloud_scrolls(
    reader: MainWindow, qtbot: QtBot
) -> None:
    view = from_the_top(reader, "light")
    highlight = SpeechHighlight(view)
    last = view.document().characterCount() - 1
    for spoken in (last // 3, 2 * last // 3):
        start = view.cursorForPosition(QPoint(4, view.viewport().height() + 40)).position()
        start = max(start, spoken)
        highlight.show((start, start + 20), None, "sentence", colours("light"), False)
        qtbot.wait(100)  # half way through the scroll that keeps the spoken line in view
        assert_band_on_whole_lines(reader, f"read-aloud scrolling to {start}")
        qtbot.wait(200)
        assert_band_on_whole_lines(reader, f"read-aloud at {start}")


def test_the_ruler_alone_marks_one_whole_line(open_window: OpenWindow) -> None:
    window = open_window()
    window.learner.settings.apply({"reading_ruler": True})  # type: ignore[union-attr]
    window.open_module(window.learner.library.modules[0])  # type: ignore[union-attr]
    view = window.reader.text
    view.verticalScrollBar().setValue(333)
    settle()
    aids: ReadingAids = window.reader.aids
    line = aids.current_line()
    assert line is not None and aids.current_band() == line
    tops = [round(t) for t, _ in layout_lines(view)]
    assert any(abs(line.top() - top) <= 1 for top in tops)


def test_while_read_aloud_speaks_the_band_is_on_the_spoken_line(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    window.learner.settings.apply({"line_focus": BAND_LINES})  # type: ignore[union-attr]
    window.open_module(window.learner.module("responsible-ai-leadership"))  # type: ignore[union-attr,arg-type]
    settle()
    view = window.reader.text
    cursor = view.textCursor()
    cursor.setPosition(view.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 30)
    view.setTextCursor(cursor)  # far below the top: read-aloud scrolls to keep it in view
    find_by_name(window, "Reading options").click()  # type: ignore[attr-defined]
    scope = find_by_name(window, "What to read")
    assert isinstance(scope, QComboBox)
    scope.setCurrentIndex(scope.findData("selection"))
    words: list[int] = []
    window.read_aloud.backend.word.connect(lambda start, _end: words.append(start))
    find_by_name(window, "Read aloud").click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(words) >= 1, timeout=10_000)
    QTest.mouseMove(view.viewport(), QPoint(10, 5))  # the band goes to the mouse, at the top
    for count in (3, 6):
        qtbot.waitUntil(lambda: len(words) >= count, timeout=10_000)  # noqa: B023
        assert_band_on_whole_lines(window, f"word {count}")
        spoken = QTextCursor(view.document())
        spoken.setPosition(words[-1])
        band = window.reader.aids.current_band()
        assert band is not None and band.contains(4, view.cursorRect(spoken).center().y())
    find_by_name(window, "Stop reading").click()  # type: ignore[attr-defined]
    settle()
    assert window.reader.aids.current_band() == band  # it stays where the voice left it
