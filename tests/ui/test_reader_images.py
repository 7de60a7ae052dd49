"""Pictures in a module are decoded off the GUI thread: a 4,096-pixel PNG takes Qt ~0.2 s
to decode, and the reader's text view only looks up what the worker decoded."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QImageReader, QTextDocument
from pytestqt.qtbot import QtBot

from tests.hostile_packs import MODULE_ID, hostile_pack, png
from tests.ui.conftest import OpenWindow
from zavmo_desktop.ui.widgets import reading_view

SIDE = 400  # pixels


def test_module_pictures_are_decoded_off_the_gui_thread(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = hostile_pack(tmp_path)  # its module shows good.png, a file in the pack
    (pack / "modules" / "good.png").write_bytes(png(SIDE, SIDE))
    decoded_on: list[bool] = []

    class WatchedReader(QImageReader):
        def read(self) -> QImage:  # type: ignore[override]
            decoded_on.append(threading.current_thread() is threading.main_thread())
            return super().read()

    monkeypatch.setattr(reading_view, "QImageReader", WatchedReader)
    window = open_window("--content", str(pack))
    assert window.learner is not None
    module = window.learner.module(MODULE_ID)
    assert module is not None
    window.open_module(module)
    qtbot.waitUntil(lambda: "What this module is for" in window.reader.text.toPlainText())
    window.reader.text.document().size()  # lays out the whole page, the picture too
    assert decoded_on, "the picture was never decoded"
    assert not any(decoded_on), "the GUI thread decoded the picture"
    shown = window.reader.text.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("good.png")
    )
    assert shown.width() == SIDE  # the page has the worker's picture, not a blank one
