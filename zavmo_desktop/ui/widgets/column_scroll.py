"""A column that scrolls up and down, never sideways, as wide as what it holds on one line
up to a quarter of the window; past that its buttons wrap their words (WrappingButton).

The navigation column holds the focus timer: at 200% text with a cue showing it can be taller
than a small window, and then it must scroll rather than squash or clip. At 200% its one-line
labels took a third to a half of the window, which the reading needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

# The navigation column is in the first frame, and Qt's namespace (Qt.ScrollBarPolicy ...)
# takes ~20 ms to import: its two values are set through their properties instead.
_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
MOST_OF_WINDOW = 0.25  # of its parent's width; never narrower than its longest word


class ColumnScroll(QScrollArea):
    def __init__(
        self, content: QWidget, follow: bool = True, fit: Callable[[int], None] | None = None
    ) -> None:
        """`follow=False` until `follow_content()`: the first frame's column never changes
        size, and watching it from Python would load Qt's event classes (~5 ms) for it.
        `fit(height)`, once following, each time the content or the column's height may have
        changed: the content may fit itself to the height it has."""
        super().__init__()
        self.fit = fit
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setProperty("horizontalScrollBarPolicy", _ALWAYS_OFF)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setProperty("focusPolicy", _NO_FOCUS)  # Tab goes to the controls inside
        if follow:
            self.follow_content()

    def follow_content(self) -> None:
        # A separate watcher: an eventFilter on the scroll area itself would also receive
        # every event QScrollArea filters for its own widget, from the first frame on.
        watcher = _LayoutWatcher(self)
        self.widget().installEventFilter(watcher)
        self.installEventFilter(watcher)  # its height
        if self.parentWidget() is not None:
            self.parentWidget().installEventFilter(watcher)  # its share follows the window
        self.updateGeometry()
        watcher.refit()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(), 0)

    def sizeHint(self) -> QSize:
        return QSize(self._width(), self.widget().sizeHint().height())

    def _width(self) -> int:
        inner = self.widget()
        bar = self.verticalScrollBar().sizeHint().width()
        width = inner.sizeHint().width() + bar
        parent = self.parentWidget()
        if parent is not None:
            share = int(parent.width() * MOST_OF_WINDOW)
            width = min(width, max(inner.minimumSizeHint().width() + bar, share))
        return width


class _LayoutWatcher(QObject):
    def __init__(self, scroll: ColumnScroll) -> None:
        super().__init__(scroll)
        self._scroll = scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # loading it loads every event class (~5 ms)

        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._scroll:
            self.refit()
        elif kind == QEvent.Type.LayoutRequest or (
            kind == QEvent.Type.Resize and watched is self._scroll.parentWidget()
        ):
            self.refit()  # the text size or the window changed
            self._scroll.updateGeometry()
        return False

    def refit(self) -> None:
        if self._scroll.fit is not None:
            self._scroll.fit(self._scroll.height())


def page_scroll() -> QScrollArea:
    """A page that scrolls up and down, never sideways; Tab goes to the controls inside."""
    from PySide6.QtCore import Qt  # only here: this module is in the first frame

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


def scrolling_column(screen: QWidget) -> QVBoxLayout:
    """The screen's column, inside a page that scrolls only when its controls need more height
    than the window has (200% text): then they scroll into view instead of being squashed."""
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = page_scroll()
    body = QWidget()
    scroll.setWidget(body)
    outer.addWidget(scroll)
    return QVBoxLayout(body)
