"""Where the laid-out lines of a text view are: for line focus, the ruler and the reading place.

A row is one line of text, or lines that sit side by side (table cells): a band whose edges
fall between rows never cuts a line in half.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit


@dataclass(frozen=True)
class Row:
    top: float  # viewport coordinates
    bottom: float
    start: int  # the document position of its first character


def block_origin(view: QTextEdit, block: QTextBlock) -> float:
    """The document height of the block's layout origin (its lines' y are relative to it)."""
    layout = block.layout()
    rect = view.document().documentLayout().blockBoundingRect(block)
    return rect.top() - layout.boundingRect().top()


def line_top(view: QTextEdit, position: int) -> float:
    """The document height of the top of the line that holds `position`."""
    block = view.document().findBlock(max(0, position))
    layout = block.layout()
    if not block.isValid() or layout is None or layout.lineCount() == 0:
        return 0.0
    line = layout.lineForTextPosition(position - block.position())
    return block_origin(view, block) + (line.y() if line.isValid() else 0.0)


def visible_rows(view: QTextEdit) -> list[Row]:
    """Every row at least partly inside the viewport, top to bottom."""
    scroll = view.verticalScrollBar().value()
    height = view.viewport().height()
    lines = sorted(
        (top - scroll, bottom - scroll, start)
        for top, bottom, start in _lines_near(view, scroll, scroll + height)
        if bottom - scroll > 0 and top - scroll < height
    )
    rows: list[Row] = []
    for top, bottom, start in lines:
        if rows and top < rows[-1].bottom - 0.5:  # overlaps the row above: side by side
            last = rows[-1]
            rows[-1] = Row(last.top, max(last.bottom, bottom), min(last.start, start))
        else:
            rows.append(Row(top, bottom, start))
    return rows


def first_visible_start(view: QTextEdit) -> int:
    """The document position where the first line showing at the top begins."""
    rows = [row for row in visible_rows(view) if row.bottom > 1]  # a sliver is not a line
    return rows[0].start if rows else 0


def _lines_near(view: QTextEdit, top: float, bottom: float) -> Iterator[tuple[float, float, int]]:
    """(top, bottom, start) in document coordinates of the lines of blocks near top..bottom."""
    block = view.cursorForPosition(QPoint(0, 0)).block()
    # Back up over blocks that still reach the top, and over the rest of a table's row.
    while block.previous().isValid() and _bottom(view, block.previous()) > top - 1:
        block = block.previous()
    while block.isValid():
        layout = block.layout()
        origin = block_origin(view, block)
        if layout is not None and layout.lineCount() and origin > bottom and not _in_table(block):
            return
        for number in range(layout.lineCount() if layout is not None else 0):
            line = layout.lineAt(number)
            y = origin + line.y()
            yield y, y + line.height(), block.position() + line.textStart()
        block = block.next()


def _bottom(view: QTextEdit, block: QTextBlock) -> float:
    return view.document().documentLayout().blockBoundingRect(block).bottom()


def _in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None
