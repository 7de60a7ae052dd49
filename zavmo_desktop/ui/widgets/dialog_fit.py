"""A dialog sized to a comfortable reading line at the learner's text size.

A dialog sizes itself before its labels wrap, and would cut them off: this sets its width
to about `line_chars` average characters (at most 90% of the screen) and its height to
what the wrapped layout needs at that width, at most 90% of the screen. Beyond that a
`page` (a scroll area holding most of the dialog) scrolls, or a list inside it does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QScrollArea

LINE_CHARS = 60  # a reading line of about 60 characters


def fit_dialog(
    dialog: QDialog, line_chars: int = LINE_CHARS, page: QScrollArea | None = None
) -> None:
    width = dialog.fontMetrics().averageCharWidth() * line_chars
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width = min(width, screen.width() * 9 // 10)
    layout = dialog.layout()
    height = layout.totalHeightForWidth(width) if layout is not None else dialog.height()
    if height < 0 and layout is not None:
        height = layout.sizeHint().height()
    if page is not None and page.widget() is not None:
        height += _unseen_height(page, width)
    if screen is not None:
        height = min(height, screen.height() * 9 // 10)
    dialog.setMinimumSize(width, height)
    dialog.resize(width, height)


def _unseen_height(page: QScrollArea, dialog_width: int) -> int:
    """How much taller the page's content is than the page asks to be."""
    body = page.widget()
    width = dialog_width - page.verticalScrollBar().sizeHint().width()
    needed = body.heightForWidth(width) if body.hasHeightForWidth() else -1
    if needed < 0:
        needed = body.sizeHint().height()
    return max(0, needed - page.sizeHint().height())
