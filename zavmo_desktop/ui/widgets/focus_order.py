"""Tab in reading order: the order the layouts show things in, top to bottom.

Qt puts a widget in the Tab order when it is created, so controls a screen builds later (a
module's checklists, a turn's replies) come after everything else in the window. A screen
calls `follow_reading_order(self)` after it builds them, and Tab goes where the eye goes.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QScrollArea, QTabWidget, QWidget


def follow_reading_order(root: QWidget) -> None:
    for first, second in pairwise(tab_stops(root)):
        QWidget.setTabOrder(first, second)


def tab_stops(root: QWidget) -> list[QWidget]:
    """Every control under `root` that Tab can stop at, hidden ones included, in the order
    the layouts place them (a tab bar before its pages)."""
    stops: list[QWidget] = []
    _visit(root, stops, is_root=True)
    return stops


def _visit(widget: QWidget, stops: list[QWidget], is_root: bool = False) -> None:
    if isinstance(widget, QTabWidget):
        stops.append(widget.tabBar())
        for index in range(widget.count()):
            _visit(widget.widget(index), stops)
        return
    if not is_root and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        stops.append(widget)  # a control: Tab stops on it, not inside it
        return
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        _visit(widget.widget(), stops)
    layout = widget.layout()
    if layout is not None:
        _visit_layout(layout, stops)


def _visit_layout(layout: QLayout, stops: list[QWidget]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            _visit(item.widget(), stops)
        elif item.layout() is not None:
            _visit_layout(item.layout(), stops)
