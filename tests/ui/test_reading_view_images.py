"""The reader's text view loads images only through the pack, and never lets Qt fall back
to opening a path itself (it does when a resource comes back empty)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.hostile_packs import png, png_header
from zavmo_desktop.ui.widgets.reading_view import ReadingView

BIG = 400  # pixels: a page this tall has the image in it; one line of text is ~30


def page_height(view: ReadingView, src: str) -> float:
    view.resize(900, 700)
    view.setHtml(f'<p>Before <img src="{src}"> after</p>')
    view.show()
    QApplication.processEvents()
    return view.document().size().height()


def test_a_path_the_pack_refuses_is_never_opened_by_qt(qapp: QApplication, tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(BIG, BIG))
    view = ReadingView()
    view.images = lambda src: png(BIG, BIG) if src == "inside.png" else None
    assert page_height(view, "inside.png") > BIG  # the control: a pack image is shown
    assert page_height(view, str(outside)) < BIG / 4  # refused, and Qt did not load it
    view.images = None
    assert page_height(view, str(outside)) < BIG / 4


def test_pack_images_are_decoded_only_within_the_pixel_limit(qapp: QApplication) -> None:
    view = ReadingView()
    view.images = lambda _src: png_header(100_000, 100_000)  # claims 10^10 pixels
    assert page_height(view, "huge.png") < BIG / 4
