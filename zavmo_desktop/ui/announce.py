"""Say something to screen readers: timer events and state changes, not only painted."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

Politeness = QAccessible.AnnouncementPoliteness


def announcement(
    widget: QObject, text: str, assertive: bool = False
) -> QAccessibleAnnouncementEvent:
    """The event for `text`; a polite one waits until the screen reader finishes speaking."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(Politeness.Assertive if assertive else Politeness.Polite)
    return event


def announce(widget: QObject, text: str, assertive: bool = False) -> None:
    QAccessible.updateAccessibility(announcement(widget, text, assertive))
