"""A scroll area as tall as what it holds, up to a limit; beyond that it scrolls.

Used for the reply area of a conversation: three long choices at 200% text can be taller
than the space under the transcript, and then they scroll instead of being squashed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize

from zavmo_desktop.ui.widgets.column_scroll import ColumnScroll


class FitScroll(ColumnScroll):
    """A ColumnScroll whose height, not width, follows its content."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        width = self.viewport().width() or inner.sizeHint().width()
        height = inner.heightForWidth(width) if inner.hasHeightForWidth() else -1
        if height < 0:
            height = inner.sizeHint().height()
        return QSize(inner.sizeHint().width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, min(self.sizeHint().height(), 120))
