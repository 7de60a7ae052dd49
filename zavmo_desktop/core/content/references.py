"""Files a module refers to (images, links to files) and whether each may be used.

A reference is usable only if it names, relative to the module, a regular file inside the
module's own pack: no absolute path, no URL of any kind but the web links the reader asks
about, no Windows drive or UNC path, no link leading out of the pack. Images must also be
a raster format within the size and pixel limits, checked from their header alone.
"""

from __future__ import annotations

import posixpath
import re
import struct
from dataclasses import dataclass
from urllib.parse import unquote

from zavmo_desktop.core.content.limits import (
    IMAGE_FORMATS,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_IMAGE_SIDE,
)
from zavmo_desktop.core.content.pack_source import PackReadError, PackSource

WEB_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class Refused(Exception):
    """Why a reference is dropped from the page; the message completes "'x' ..."."""


@dataclass(frozen=True)
class ImageHeader:
    format: str
    width: int
    height: int


def pack_path(module_relative: str, target: str) -> str:
    """The pack-relative file a local reference names, or Refused: only its form is checked."""
    value = unquote(target.strip().split("#", 1)[0])  # Qt decodes %2F too
    if not value:
        raise Refused("is empty")
    if _CONTROL.search(value) or "?" in value:
        raise Refused("has characters a file name in a pack cannot have")
    if value.startswith(("\\\\", "//")):
        raise Refused("is a network (UNC) path: put the file in the pack")
    if value.startswith(("/", "\\")):
        raise Refused("is an absolute path: use a path relative to the module, inside the pack")
    if _SCHEME.match(value):
        raise Refused("is a URL or drive path, not a file of the pack: put the file in the pack")
    if "\\" in value:
        raise Refused("uses '\\': separate folders with '/'")
    relative = posixpath.normpath(posixpath.join(posixpath.dirname(module_relative), value))
    if relative == ".." or relative.startswith("../"):
        raise Refused("leads outside the pack (through '..'): keep it inside")
    return relative


def check_link(source: PackSource, module_relative: str, href: str) -> None:
    """A link's target: a web link or a place in the page, or a file inside the pack."""
    scheme = _SCHEME.match(href.strip())
    if scheme and scheme.group(1).lower() in WEB_SCHEMES:
        return
    if href.strip().startswith("#"):
        return
    _locate(source, pack_path(module_relative, href))


def check_image(source: PackSource, module_relative: str, src: str) -> str:
    """The pack-relative path of a usable image, or Refused. Reads only the file's header."""
    relative = pack_path(module_relative, src)
    size = _locate(source, relative)
    if size > MAX_IMAGE_BYTES:
        raise Refused(f"is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB: make it smaller")
    try:
        head = source.read(relative, 256 * 1024) or b""  # a JPEG may carry big metadata first
    except PackReadError as error:
        raise Refused(str(error)) from None
    check_image_header(head)
    return relative


def read_image(source: PackSource, module_relative: str, src: str) -> bytes:
    """The bytes of a usable image (for the reader), or Refused."""
    relative = check_image(source, module_relative, src)
    try:
        data = source.read(relative, MAX_IMAGE_BYTES) or b""
    except PackReadError as error:
        raise Refused(str(error)) from None
    if len(data) > MAX_IMAGE_BYTES:
        raise Refused("grew past the size limit while it was read")
    check_image_header(data)
    return data


def check_image_header(data: bytes) -> ImageHeader:
    header = image_header(data)
    if header is None:
        formats = ", ".join(f.upper() for f in IMAGE_FORMATS)
        raise Refused(f"is not an image Zavmo shows: use {formats}")
    if max(header.width, header.height) > MAX_IMAGE_SIDE or (
        header.width * header.height > MAX_IMAGE_PIXELS
    ):
        raise Refused(
            f"is {header.width} x {header.height} pixels: make it at most "
            f"{MAX_IMAGE_SIDE} pixels wide and high"
        )
    return header


def _locate(source: PackSource, relative: str) -> int:
    try:
        return source.locate(relative)
    except PackReadError as error:
        raise Refused(str(error)) from None


def image_header(data: bytes) -> ImageHeader | None:
    """Format and pixel size from the first bytes of a PNG, GIF, BMP, WebP or JPEG."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return ImageHeader("png", width, height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return ImageHeader("gif", width, height)
    if data.startswith(b"BM") and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return ImageHeader("bmp", abs(width), abs(height))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    return None


def _webp(data: bytes) -> ImageHeader | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        width, height = struct.unpack("<HH", data[26:30])
        return ImageHeader("webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return ImageHeader("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return ImageHeader("webp", width, height)
    return None


def _jpeg(data: bytes) -> ImageHeader | None:
    """Walk the JPEG segments to the frame header (SOFn), which holds the size."""
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return ImageHeader("jpeg", width, height)
        at += 2 + length
    return None
