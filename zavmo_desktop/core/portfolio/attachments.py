"""A file the learner adds as evidence: judged by what it holds, copied in whole, never run.

The type comes from the file's first bytes (and, for Office and OpenDocument files, from
the parts of the zip), never from its name, so a program renamed .pdf is refused. The file
is opened once, without following a symbolic link, and that same open file is judged and
copied, so it cannot be swapped in between. The copy goes to `evidence/<random>.<type>`
in the data folder (core/own_data/places.EVIDENCE, which export takes and erase removes)
through a .partial file renamed when whole. The app never opens an added file with
another program and never unpacks one: a zip is only read for its list of parts and two
small parts that say what kind of document it is.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from zavmo_desktop.core.own_data.places import EVIDENCE
from zavmo_desktop.core.storage.files import partial_of, private_folder, settle

MAX_FILE_BYTES = 25 * 1024 * 1024  # a scanned certificate or a short report; docs/portfolio.md
MAX_NAME_CHARS = 255
# A document's parts, unpacked, may come to this much at most: more is a zip bomb, not a
# report (a 25 MB .docx of text unpacks to well under 200 MB).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_PARTS = 10_000
_SMALL_PART_BYTES = 1024 * 1024  # [Content_Types].xml or mimetype is read up to this much
_CHUNK = 1024 * 1024

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".csv": "csv"}
ALLOWED_TYPES = "PDF, PNG, JPEG, GIF, WebP, plain text, Markdown, CSV, Word, Excel, PowerPoint "
ALLOWED_TYPES += "and OpenDocument text"
NOT_ALLOWED = f"This kind of file cannot be added. Files that can be added: {ALLOWED_TYPES}."

# Windows (MZ), Linux (ELF), macOS (Mach-O, both byte orders and the universal kind).
_PROGRAMS = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe",
             b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf")  # fmt: skip
_MAGIC = (
    (b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"), (b"GIF89a", "gif"),
)  # fmt: skip
# The part an Office document must have, and the content type [Content_Types].xml gives it.
_OFFICE = (
    ("word/document.xml", "wordprocessingml.document.main+xml", "docx"),
    ("xl/workbook.xml", "spreadsheetml.sheet.main+xml", "xlsx"),
    ("ppt/presentation.xml", "presentationml.presentation.main+xml", "pptx"),
)  # fmt: skip
_ODT = b"application/vnd.oasis.opendocument.text"
# Parts no document needs: something to run, hidden inside the zip.
_RUNNABLE_SUFFIXES = (
    ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".jse",
    ".wsf", ".sh", ".jar", ".py", ".lnk", ".app", ".so", ".dylib", ".hta",
)  # fmt: skip
# Characters that make a name read differently from what it is ("photo\u202egnp.exe").
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Zl", "Zp")


class EvidenceRefused(ValueError):
    """What the learner gave cannot be added; the message says why, in plain words."""


@dataclass(frozen=True)
class KeptFile:
    """A copy in the evidence folder: its generated name, its type and its original name."""

    name: str
    kind: str
    original_name: str
    size: int


def checked_name(name: str) -> str:
    """The file's own name, kept only as a label; refused when it hides what it is."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or ":" in name:
        raise EvidenceRefused("This file's name cannot be used. Rename the file, then add it.")
    if any(unicodedata.category(c) in _HIDDEN_CATEGORIES for c in name):
        raise EvidenceRefused(
            "This file's name has hidden characters that can make it look like a different "
            "kind of file. Rename the file, then add it."
        )
    if len(name) > MAX_NAME_CHARS:
        raise EvidenceRefused(f"This file's name is longer than {MAX_NAME_CHARS} characters.")
    return name


def copy_in(data_dir: Path, source: Path) -> KeptFile:
    """Judge the chosen file and copy it into the evidence folder; EvidenceRefused says why
    when it cannot be added, and then nothing is left behind."""
    original_name = checked_name(source.name)
    with _open_chosen(source) as handle:
        size = os.fstat(handle.fileno()).st_size
        kind = judge(handle, source.suffix)
        handle.seek(0)
        folder = private_folder(data_dir / EVIDENCE)
        target = folder / f"{uuid.uuid4().hex}.{kind}"
        _copy_whole(handle, target)
    return KeptFile(target.name, kind, original_name, size)


def _open_chosen(source: Path) -> BinaryIO:
    """The file itself, opened for reading: never through a link, never a device or pipe."""
    if source.is_symlink():
        raise EvidenceRefused("This is a shortcut to another file; choose the file itself.")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # a pipe named like a file must not hang the app
    try:
        descriptor = os.open(source, flags)
    except FileNotFoundError:
        raise EvidenceRefused(f"There is no file at {source}.") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise EvidenceRefused(
                "This is a shortcut to another file; choose the file itself."
            ) from None
        raise EvidenceRefused(f"This file could not be read ({error.strerror}).") from None
    try:
        _check_size(os.fstat(descriptor))
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _check_size(status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise EvidenceRefused("This is not a file that can be added (it may be a folder).")
    if status.st_size == 0:
        raise EvidenceRefused("This file is empty, so there is nothing in it to add.")
    if status.st_size > MAX_FILE_BYTES:
        raise EvidenceRefused(f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")


def judge(handle: BinaryIO, suffix: str) -> str:
    """The allowed type the content shows (pdf, png, docx ...); EvidenceRefused otherwise.
    `suffix` only tells text files apart (.txt, .md, .csv): it never makes bytes allowed."""
    head = handle.read(16)
    if head.startswith(_PROGRAMS) or head.startswith(b"#!"):
        raise EvidenceRefused("This file is a program or a script, which cannot be added.")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    handle.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(handle)
    return _text_type(handle, suffix)


def file_type(path: Path) -> str:
    """The type of the file at `path`, judged as copy_in judges it."""
    with _open_chosen(path) as handle:
        return judge(handle, path.suffix)


def _zip_type(handle: BinaryIO) -> str:
    try:
        with zipfile.ZipFile(handle) as archive:
            parts = archive.infolist()
            _check_parts(parts)
            names = {part.filename for part in parts}
            if "[Content_Types].xml" in names:
                return _office_type(archive, names)
            if "mimetype" in names and _small_part(archive, "mimetype").strip() == _ODT:
                return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        raise EvidenceRefused("This file looks like a damaged archive.") from None
    raise EvidenceRefused(NOT_ALLOWED)


def _check_parts(parts: list[zipfile.ZipInfo]) -> None:
    if len(parts) > MAX_ZIP_PARTS:
        raise EvidenceRefused("This document has too many parts to be a document.")
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise EvidenceRefused(
            "This file would unpack to far more than any document does, so it cannot be added."
        )
    for part in parts:
        name = part.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or ":" in name:
            raise EvidenceRefused("This archive has parts that point outside it.")
        lowered = name.lower()
        if lowered.endswith(_RUNNABLE_SUFFIXES):
            raise EvidenceRefused("This file has a program inside it, which cannot be added.")
        if lowered.endswith("vbaproject.bin"):
            raise EvidenceRefused("This document contains macros, which cannot be added.")


def _office_type(archive: zipfile.ZipFile, names: set[str]) -> str:
    types = _small_part(archive, "[Content_Types].xml")
    if b"macroenabled" in types.lower():
        raise EvidenceRefused("This document contains macros, which cannot be added.")
    for part, content_type, kind in _OFFICE:
        if part in names and content_type.encode() in types:
            return kind
    raise EvidenceRefused(NOT_ALLOWED)


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as part:
        data = part.read(_SMALL_PART_BYTES + 1)
    if len(data) > _SMALL_PART_BYTES:
        raise EvidenceRefused(NOT_ALLOWED)
    return data


def _text_type(handle: BinaryIO, suffix: str) -> str:
    kind = TEXT_SUFFIXES.get(suffix.lower())
    if kind is None:
        raise EvidenceRefused(NOT_ALLOWED)
    try:
        text = handle.read(MAX_FILE_BYTES + 1).decode("utf-8")
    except UnicodeDecodeError:
        raise EvidenceRefused(
            f"{NOT_ALLOWED} (This one is not plain text: text files must be UTF-8.)"
        ) from None
    start = text.lstrip("\ufeff \t\r\n")[:64].lower()
    if "\0" in text or start.startswith(("<", "#!")):
        raise EvidenceRefused("This file holds markup or a script, which cannot be added.")
    if not text.strip("\ufeff \t\r\n"):
        raise EvidenceRefused("This file is empty, so there is nothing in it to add.")
    return kind


def _copy_whole(reading: BinaryIO, target: Path) -> None:
    """Copy at most MAX_FILE_BYTES through a .partial file: a file that grows while it is
    copied is refused rather than filling the disk."""
    partial = partial_of(target)
    try:
        with partial.open("xb") as writing:
            copied = 0
            while chunk := reading.read(_CHUNK):
                copied += len(chunk)
                if copied > MAX_FILE_BYTES:
                    raise EvidenceRefused(
                        f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
                    )
                writing.write(chunk)
        settle(partial, target)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise EvidenceRefused(
                "There is not enough room on the disk to copy this file. Nothing was added."
            ) from None
        raise EvidenceRefused(f"The file could not be copied ({error.strerror}).") from None
    finally:
        partial.unlink(missing_ok=True)


def file_of(data_dir: Path, item_details: dict[str, object]) -> Path | None:
    """Where an added file is kept: only ever a plain name inside the evidence folder."""
    name = str(item_details.get("file", ""))
    if not name or Path(name).name != name or name.startswith(".") or "\\" in name:
        return None
    return data_dir / EVIDENCE / name
