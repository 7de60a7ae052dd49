"""Say something to screen readers: timer events and state changes, not only painted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessibleAnnouncementEvent


def announcement(
    widget: QObject, text: str, assertive: bool = False
) -> QAccessibleAnnouncementEvent:
    """The event for `text`; a polite one waits until the screen reader finishes speaking."""
    # Imported at the first announcement: QAccessible's enums take ~10 ms to load, and the
    # focus timer that announces is built before the learner can act.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    politeness = QAccessible.AnnouncementPoliteness
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    return event


def announce(widget: QObject, text: str, assertive: bool = False) -> None:
    from PySide6.QtGui import QAccessible

    QAccessible.updateAccessibility(announcement(widget, text, assertive))
