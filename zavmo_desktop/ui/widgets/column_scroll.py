"""A column that scrolls up and down, never sideways, and is always as wide as what it holds.

The navigation column holds the focus timer: at 200% text with a cue showing it can be taller
than a small window, and then it must scroll rather than squash or clip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

# The navigation column is in the first frame, and Qt's namespace (Qt.ScrollBarPolicy ...)
# takes ~20 ms to import: its two values are set through their properties instead.
_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus


class ColumnScroll(QScrollArea):
    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setProperty("horizontalScrollBarPolicy", _ALWAYS_OFF)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setProperty("focusPolicy", _NO_FOCUS)  # Tab goes to the controls inside
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the text size changed: follow the new width
        return False

    def minimumSizeHint(self) -> QSize:
        inner = self.widget().sizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), 0)

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), self.widget().sizeHint().height())


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
