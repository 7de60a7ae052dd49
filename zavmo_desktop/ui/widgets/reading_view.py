"""A text browser whose reading column stays at most ~70 characters wide, centred.

It loads nothing by itself: every image comes from `decoded` (decoded off the GUI thread,
module_page.py) or else from `images`, which hands over only files inside the module's own
pack, and is checked for pixel size before Qt decodes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import (
    QFontMetricsF,
    QImage,
    QImageReader,
    QResizeEvent,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from zavmo_desktop.core.content.limits import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE
from zavmo_desktop.ui.theme import READING_COLUMN_CHARS

ImageSource = Callable[[str], bytes | None]


class ReadingView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: ImageSource | None = None
        self.decoded: dict[str, QImage] = {}
        self.column_chars = READING_COLUMN_CHARS
        self.showing = False
        # Text always wraps to the column; a sideways scroll bar only ever showed rounding.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit_column(self) -> None:
        # Measured on real words: averageCharWidth underestimates prose widths.
        sample = "the quick brown fox jumps over a lazy dog "
        per_char = QFontMetricsF(self.font()).horizontalAdvance(sample) / len(sample)
        column = per_char * self.column_chars
        available = self.width() - self.verticalScrollBar().width() - 2 * self.frameWidth()
        side = round(max(0.0, available - column) / 2)
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_column()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.fit_column()
        self.showing = True  # QTextEdit scrolls to the caret as it shows: not the learner
        super().showEvent(event)
        self.showing = False

    def loadResource(self, kind: int, name: QUrl) -> Any:
        """Images from the pack only; never a file, style sheet or anything else by path.

        A refused image gets a blank one, never None: given None, Qt "tries direct
        loading" and opens the path itself.
        """
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return None  # no style sheets or anything else: the page's are built in
        ready = self.decoded.get(name.toString())
        if ready is not None:
            return ready
        data = self.images(name.toString()) if self.images is not None else None
        image = decode_image(data) if data else None
        return image if image is not None else blank_image()


def blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


def decode_image(data: bytes) -> QImage | None:
    """The image, if its header says it is small enough; read only after that check."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        return None
    if size.width() * size.height() > MAX_IMAGE_PIXELS:
        return None
    image = reader.read()
    return None if image.isNull() else image
