"""The organisation's logo for the navigation column, decoded with limits: a damaged or huge
image gives a message, never a crash or a long stall."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QLabel

_KEEP = Qt.AspectRatioMode.KeepAspectRatio
MAX_SIDE = 8192  # pixels the file may claim before it is decoded
LOGO_BOX = QSize(160, 64)  # at most this size in the column, its proportions kept
ALLOCATION_MB = 64  # what Qt may allocate while decoding it


def load_logo(path: Path, box: QSize = LOGO_BOX) -> tuple[QPixmap | None, str]:
    """The logo scaled into `box`, or None and why it cannot be shown."""
    reader = QImageReader(str(path))
    reader.setAllocationLimit(ALLOCATION_MB)
    size = reader.size()
    if not reader.canRead():
        return None, f"the logo {path.name} could not be shown (it is not an image Zavmo reads)"
    if size.isValid():
        if size.width() > MAX_SIDE or size.height() > MAX_SIDE:
            pixels = f"{size.width()}×{size.height()}"
            return None, f"the logo {path.name} could not be shown ({pixels} pixels is too big)"
        reader.setScaledSize(size.scaled(box, _KEEP))
    image = reader.read()
    if image.isNull():
        return None, f"the logo {path.name} could not be shown ({reader.errorString()})"
    if not size.isValid():
        image = image.scaled(image.size().scaled(box, _KEEP))
    return QPixmap.fromImage(image), ""


def logo_label(pixmap: QPixmap, organisation: str) -> QLabel:
    label = QLabel()
    label.setPixmap(pixmap)
    label.setAccessibleName(f"{organisation} logo")
    return label
