"""A drop-down list with its label: beside it while both fit, above it when they do not.

Labels above their lists stacked the three reading options into six rows at 200% text, and
pushed the module's text off the first screen; beside them they take three.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QWidget

Direction = QBoxLayout.Direction


class LabelledList(QWidget):
    def __init__(self, combo: QComboBox) -> None:
        super().__init__()
        self.combo = combo
        self.label = QLabel(f"{combo.accessibleName()}:")
        self.label.setBuddy(combo)
        self._layout = QBoxLayout(Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label)
        self._layout.addWidget(self.combo)
        self._layout.addStretch(1)  # the list keeps its own width; spare room comes after

    def beside(self) -> bool:
        return self._layout.direction() == Direction.LeftToRight

    def _width_beside(self, combo_width: int) -> int:
        return self.label.sizeHint().width() + self._layout.spacing() + combo_width

    def sizeHint(self) -> QSize:
        # What it asks for in a row of lists: the label beside the list.
        return QSize(self._width_beside(self.combo.sizeHint().width()), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        # It can always go to one above the other: then the wider of the two.
        widest = max(self.label.minimumSizeHint().width(), self.combo.minimumSizeHint().width())
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = self._width_beside(self.combo.minimumSizeHint().width()) <= self.width()
        if fits != self.beside():
            self._layout.setDirection(Direction.LeftToRight if fits else Direction.TopToBottom)
