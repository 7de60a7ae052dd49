"""The accessibility factory never raises inside Qt's call, whatever Python object it is
handed: CI once saw Shiboken pass a stale QWidgetItem wrapper for a new QPushButton."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidgetItem

from zavmo_desktop.ui.accessible import _interface_for


def test_an_object_without_properties_gets_qts_own_interface(qapp: object) -> None:
    item = QWidgetItem(QPushButton("Pause"))
    assert _interface_for("QPushButton", item) is None  # type: ignore[arg-type]


def test_a_heading_still_gets_its_heading_interface(qapp: object) -> None:
    label = QLabel("Portfolio")
    label.setProperty("level", 1)
    assert type(_interface_for("QLabel", label)).__name__ == "HeadingInterface"
