"""A failed save stands out without colour alone and is announced once each way."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import contrast_ratio, settle
from zavmo_desktop.core.settings import OVERLAYS, THEMES, resolve
from zavmo_desktop.ui.palettes import colours
from zavmo_desktop.ui.theme import apply_theme
from zavmo_desktop.ui.widgets import save_status
from zavmo_desktop.ui.widgets.save_status import WARNING_SIGN, SaveStatus, write_or_say


@pytest.mark.parametrize(("theme", "overlay"), list(itertools.product(THEMES, OVERLAYS)))
def test_the_warning_colour_keeps_4_5_to_1_in_every_theme(theme: str, overlay: str) -> None:
    c = colours(theme, overlay)
    for background in (c.window, c.base, c.button):
        assert contrast_ratio(c.warning, background) >= 4.5


def test_a_failed_save_is_bold_signed_and_announced_once_each_way(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_theme(resolve({}))
    heard: list[str] = []
    monkeypatch.setattr(
        save_status, "announce", lambda _w, text, assertive=False: heard.append(text)
    )
    page = QWidget()
    status = SaveStatus("Saved today at 10:02.")
    QVBoxLayout(page).addWidget(status)
    qtbot.addWidget(page)
    page.show()
    settle()
    assert status.font().weight() < QFont.Weight.Bold

    def full() -> None:
        raise OSError(28, "No space left on device")

    for _ in range(3):  # it keeps failing: said once
        assert not write_or_say(status, full)
    settle()
    assert status.text() == f"{WARNING_SIGN} Not saved yet: the disk is full. Try again soon."
    assert status.font().weight() >= QFont.Weight.Bold  # not colour alone
    assert heard == ["Not saved yet: the disk is full. Try again soon."]

    assert write_or_say(status, lambda: None)
    assert write_or_say(status, lambda: None)
    assert heard[1:] == ["Saved now."]
    assert not status.isVisible() and status.property("role") == "saved"
