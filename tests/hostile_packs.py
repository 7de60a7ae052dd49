"""Hostile content packs, built fresh by the tests: each one crafted file away from harm.

`hostile_pack` is a copy of the bundled pack with one module left (renamed, so it loads
beside the bundled pack) in which every string field carries HTML and the body refers to
files it must never reach. `broken_zip` makes each kind of damaged zip.
"""

from __future__ import annotations

import os
import shutil
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import BUNDLED_CONTENT

MODULE = "modules/board-storytelling.md"
MODULE_ID = "hostile-board"
PACK_ID = "hostile-pack"
STRING_FIELDS = {"title", "summary", "text", "prompt", "say", "speaker", "feedback",
                 "consequence", "point"}  # fmt: skip


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG that says how big it is: enough for a pixel-bomb test."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)


def png(width: int = 2, height: int = 2) -> bytes:
    """A real, whole PNG of grey pixels."""
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    idat = _chunk(b"IDAT", zlib.compress(rows))
    return png_header(width, height) + idat + _chunk(b"IEND", b"")


MARK = '<b>HOSTILE</b><img src="/x.png"> '  # read as rich text: bold, and a file loaded


def _mark_strings(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _mark_strings(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_strings(v, key) for v in value]
    if isinstance(value, str) and key in STRING_FIELDS:
        return MARK + value
    return value


HOSTILE_BODY = """
## A section called &lt;img src="{outside_png}"&gt; in its title

![device](/dev/zero)

![absolute](/etc/hostname)

![escape](escape.png)

![pipe](pipe.png)

![network](\\\\host\\share\\x.png)

![file url](file:///etc/passwd)

<img src="/dev/zero" alt="raw">

<img src="\\\\server\\share\\y.png" alt="unc">

![too many pixels](huge.png)

[the password file](/etc/passwd)

![a good picture](good.png)
"""


def hostile_pack(root: Path) -> Path:
    """The pack, and outside it a real PNG and a FIFO its links point at."""
    outside = root / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.png").write_bytes(png())
    os.mkfifo(outside / "fifo.png")
    pack = root / "hostile"
    shutil.copytree(BUNDLED_CONTENT, pack)
    for other in (pack / "modules").glob("*.md"):
        if other.name != Path(MODULE).name:
            other.unlink()
    manifest = (pack / "pack.yaml").read_text(encoding="utf-8")
    (pack / "pack.yaml").write_text(
        manifest.replace("id: director-ml-engineering", f"id: {PACK_ID}"), encoding="utf-8"
    )
    text = (pack / MODULE).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    meta = _mark_strings(meta)
    meta["id"] = MODULE_ID
    meta["prerequisites"] = []
    new_front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    extra = HOSTILE_BODY.format(outside_png=outside / "secret.png")
    (pack / MODULE).write_text(f"---\n{new_front}---\n{body}{extra}", encoding="utf-8")
    modules = pack / "modules"
    (modules / "escape.png").symlink_to(outside / "secret.png")
    (modules / "pipe.png").symlink_to(outside / "fifo.png")
    (modules / "huge.png").write_bytes(png_header(100_000, 100_000))
    (modules / "good.png").write_bytes(png())
    return pack


# --- damaged zips -----------------------------------------------------------------------

ZIP_DAMAGE = ("bad-crc", "encrypted", "unknown-method", "truncated")


def broken_zip(folder: Path, damage: str) -> Path:
    """The bundled pack as a stored (uncompressed) zip, then damaged one way."""
    archive = folder / f"{damage}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
        for file in sorted(BUNDLED_CONTENT.rglob("*")):
            if file.is_file():
                out.write(file, file.relative_to(BUNDLED_CONTENT).as_posix())
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as original:
        member = original.getinfo(MODULE)
        manifest = original.getinfo("pack.yaml")
    if damage == "bad-crc":  # one byte of one module's text changed
        start = member.header_offset + 30 + len(member.filename) + len(member.extra)
        data[start + 10] ^= 0x20
    elif damage == "truncated":
        del data[-40:]
    else:
        central = _central_entry(data, manifest.filename)
        if damage == "encrypted":
            data[central + 8] |= 0x1  # general purpose flag: encrypted
        else:
            data[central + 10 : central + 12] = struct.pack("<H", 99)  # method 99 (AES)
    archive.write_bytes(bytes(data))
    return archive


def _central_entry(data: bytearray, name: str) -> int:
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if data[at + 46 : at + 46 + length].decode() == name:
            return at
        at += 4


# --- folders that cannot be read ----------------------------------------------------------


def obeying_file_modes() -> list[str]:
    """A command prefix: root reads every file whatever its mode, unless it drops these."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", "--inh-caps", caps, "--bounding-set", caps, "--"]


def unreadable_packs(root: Path) -> tuple[Path, Path]:
    """A pack whose folder cannot be read, and one whose modules folder cannot be read."""
    packs = []
    for name in ("locked-pack", "locked-modules"):
        pack = root / name
        shutil.copytree(BUNDLED_CONTENT, pack)
        manifest = (pack / "pack.yaml").read_text(encoding="utf-8")
        (pack / "pack.yaml").write_text(
            manifest.replace("id: director-ml-engineering", f"id: {name}"), encoding="utf-8"
        )
        packs.append(pack)
    packs[0].chmod(0)
    (packs[1] / "modules").chmod(0)
    return packs[0], packs[1]
