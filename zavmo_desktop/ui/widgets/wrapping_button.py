"""A push button whose words go onto more lines when it is narrower than its text.

Qt's buttons draw their text on one line, so a column of buttons is as wide as its longest
label: at 200% text the navigation took a third to a half of the window. This one asks for
its one-line width, can shrink to its longest word, and grows taller instead (height for
width). `text()` and the accessible name stay the whole label on one line.

Its sizes come from QPushButton's own one-line size plus the text's, and it paints as
QPushButton does until its words wrap: QStyle and its option classes (~12 ms to load) are
loaded only then, not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

if TYPE_CHECKING:  # an event class loads QEvent's ~50 classes: not in the first frame
    from PySide6.QtGui import QPaintEvent

# Qt's namespace takes ~13 ms to import and the navigation is in the first frame.
_SHOW_MNEMONIC = 0x0800  # Qt.TextFlag.TextShowMnemonic, as QPushButton measures its text


class WrappingButton(QPushButton):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # a fixed height stays one line
        self.setSizePolicy(policy)

    def texts(self) -> tuple[str, ...]:
        """Every text the button may show: its size fits the widest (see SteadyButton)."""
        return (self.text(),)

    def _size_for(self, text: str) -> QSize:
        """The button's size with `text`: Qt's size for its own text, with `text` instead."""
        metrics = self.fontMetrics()
        own = QPushButton.sizeHint(self)
        shown = metrics.size(_SHOW_MNEMONIC, self.text() or "XXXX")
        wanted = metrics.size(_SHOW_MNEMONIC, text or "XXXX")
        return own + wanted - shown

    def _chrome(self) -> int:
        """The padding and edges round the text."""
        text = self.text() or "XXXX"
        return (
            QPushButton.sizeHint(self).width()
            - self.fontMetrics().size(_SHOW_MNEMONIC, text).width()
        )

    def lines(self, text: str, width: int) -> str:
        """`text` wrapped at spaces into lines no wider than the button's room at `width`."""
        room = width - self._chrome()
        metrics = self.fontMetrics()
        lines: list[str] = []
        for word in text.split(" "):
            joined = f"{lines[-1]} {word}" if lines else word
            if lines and metrics.size(_SHOW_MNEMONIC, joined).width() <= room:
                lines[-1] = joined
            else:
                lines.append(word)
        return "\n".join(lines)

    def sizeHint(self) -> QSize:
        widest = max((self._size_for(text) for text in self.texts()), key=QSize.width)
        return QSize(widest.width(), self._size_for(self.text()).height())

    def minimumSizeHint(self) -> QSize:
        words = [word for text in self.texts() for word in text.split(" ")]
        longest = max((self._size_for(word).width() for word in words), default=0)
        return QSize(longest, self._size_for(self.text()).height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.height_with(self.texts(), width)

    def height_with(self, texts: tuple[str, ...], width: int) -> int:
        """The height at `width` if the button showed `texts`."""
        return max(self._size_for(self.lines(text, width)).height() for text in texts)

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.lines(self.text(), self.width())
        if "\n" not in text:
            super().paintEvent(event)
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionButton, QStylePainter

        # As QPushButton paints itself, with the text wrapped to the width it was given.
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
