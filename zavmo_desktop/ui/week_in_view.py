"""This week's plan above every screen but the onboarding, while "Keep this week's plan in
view" is on (MainWindow's part). Made the first time it is wanted: a learner who never turns
it on never loads it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datetime import date

    from zavmo_desktop.ui.widgets.week_strip import WeekStrip


class WeekInView:
    """Mixed into MainWindow: uses its learner, clock, stack, restyler and layouts."""

    learner: Any
    clock: Any
    stack: Any
    week_strip: WeekStrip | None
    _content: Any
    _navigation: Any
    _restyler: Any
    _loading_label: Any

    def today(self) -> date:
        return self.clock()  # type: ignore[no-any-return]

    def _show_week_strip(self) -> None:
        learner = self.learner
        wanted = learner is not None and bool(learner.settings.get("week_in_view"))
        if self.week_strip is None and not wanted:
            return
        if self.week_strip is None:
            self.week_strip = self._make_week_strip()
        not_here = (self.built("Onboarding"), self._loading_label)  # type: ignore[attr-defined]
        shown = wanted and self.stack.currentWidget() not in not_here
        if shown:
            self._restyler.refresh(self.week_strip)
            self.week_strip.refresh_if_shown()
        self.week_strip.setVisible(shown)

    def _make_week_strip(self) -> WeekStrip:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication, QWidget

        from zavmo_desktop.ui.widgets.focus_order import tab_stops
        from zavmo_desktop.ui.widgets.week_strip import WeekStrip

        # A new text size reaches the window's widgets by posted events: let them arrive
        # first, or the strip, styled at once, keeps the size the window had before.
        QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
        strip = WeekStrip(self.learner, self.today)
        strip.hide()
        self._content.insertWidget(0, strip)
        self._restyler.add(strip)
        # Tab: the navigation column, then the strip (at the top of the page), then the screen.
        last = last_in_chain(tab_stops(self._navigation.widget()))
        for before, after in zip([last, *tab_stops(strip)], tab_stops(strip), strict=False):
            QWidget.setTabOrder(before, after)
        return strip


def last_in_chain(widgets: list[Any]) -> Any:
    """Of `widgets`, the one Tab reaches last, following the window's focus chain."""
    members = set(widgets)
    first = widgets[0]
    last, current = first, first.nextInFocusChain()
    for _ in range(10_000):  # the chain is a ring through every widget of the window
        if current is first:
            break
        if current in members:
            last = current
        current = current.nextInFocusChain()
    return last
