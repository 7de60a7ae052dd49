"""Where a pack's files come from: a folder, or a zip of that folder.

Every read stays inside the pack: a file reached through a link that leads out of the
pack's folder, and anything that is not a regular file (a device such as /dev/zero, a
pipe, a folder), is refused with a reason instead of being opened. A damaged zip is a
reason too, never an exception that stops the app.
"""

from __future__ import annotations

import lzma
import os
import posixpath
import stat
import zipfile
import zlib
from datetime import datetime
from pathlib import Path, PurePosixPath

_READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, lzma.LZMAError, OSError, ValueError,
               NotImplementedError, RuntimeError)  # fmt: skip


class PackReadError(Exception):
    """A file of the pack that cannot be used; the message says why, for a Problem."""


class PackSource:
    def __init__(self, path: Path) -> None:
        self.path = path

    def display_path(self, relative: str) -> Path:
        return self.path / relative

    def read(self, relative: str, limit: int) -> bytes | None:
        """Up to limit + 1 bytes (so "too big" can be told), None if there is no such file."""
        raise NotImplementedError

    def module_names(self) -> list[str]:
        raise NotImplementedError

    def locate(self, relative: str) -> int:
        """The size of a regular file inside the pack; PackReadError says why it is not one."""
        raise NotImplementedError

    def size_and_time(self, relative: str) -> tuple[int, int]:
        """A file's size and modification time (ns), for the parse cache; OSError if gone."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of any open file."""


class FolderSource(PackSource):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._root = os.path.realpath(path)
        self._real_folders: dict[str, str] = {}  # a folder of the pack -> its checked real path
        self._read_stats: dict[str, tuple[int, int]] = {}  # size and time of each file read

    def _inside(self, relative: str) -> str:
        quick = self._inside_a_checked_folder(relative)
        return quick if quick is not None else self._checked(os.path.join(self.path, relative))

    def _checked(self, path: str) -> str:
        real = os.path.realpath(path)
        if os.path.commonpath([real, self._root]) != self._root:
            raise PackReadError("leads outside the pack (through a link or '..'): keep it inside")
        return real

    def _inside_a_checked_folder(self, relative: str) -> str | None:
        """A plain name in a folder already found inside the pack is inside it too, unless it
        is itself a link: one lstat instead of a realpath of every part (a start with 300
        modules made ~2,000 of those). Anything else takes the full check."""
        folder, _, name = relative.rpartition("/")
        if name in ("", ".", "..") or ".." in folder.split("/"):
            return None
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._checked(os.path.join(self.path, folder))
            self._real_folders[folder] = real_folder
        candidate = os.path.join(real_folder, name)
        try:
            linked = stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:
            return candidate  # not there (or unreadable): opening it says which
        return None if linked else candidate

    def read(self, relative: str, limit: int) -> bytes | None:
        real = self._inside(relative)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(real, flags)  # O_NONBLOCK: opening a pipe never waits
        except FileNotFoundError:
            return None
        except OSError as error:
            raise PackReadError(
                f"cannot be read ({error.strerror}): check its permissions"
            ) from None
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            _require_regular(status.st_mode)
            self._read_stats[relative] = status.st_size, status.st_mtime_ns
            try:
                return handle.read(limit + 1)
            except OSError as error:
                raise PackReadError(f"cannot be read ({error.strerror})") from None

    def module_names(self) -> list[str]:
        folder = self.path / "modules"
        if not folder.is_dir():
            return []
        try:
            return sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(".md"))
        except OSError as error:
            raise PackReadError(
                f"cannot be read ({error.strerror}): check its permissions"
            ) from None

    def locate(self, relative: str) -> int:
        try:
            status = os.stat(self._inside(relative))
        except FileNotFoundError:
            raise PackReadError("is not in the pack: check the name and folder") from None
        except OSError as error:
            raise PackReadError(f"cannot be read ({error.strerror})") from None
        _require_regular(status.st_mode)
        return status.st_size

    def size_and_time(self, relative: str) -> tuple[int, int]:
        read = self._read_stats.get(relative)  # the very file that was read, not a second look
        if read is not None:
            return read
        status = os.stat(self._inside(relative))
        return status.st_size, status.st_mtime_ns


class ZipSource(PackSource):
    """A zip of a pack folder; the pack may sit at the top or inside one folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self._zip = zipfile.ZipFile(path)
            names = self._zip.namelist()
        except _ZIP_ERRORS as error:
            raise PackReadError(zip_problem(error)) from None
        manifests = sorted((n for n in names if PurePosixPath(n).name == "pack.yaml"), key=len)
        self._prefix = manifests[0][: -len("pack.yaml")] if manifests else ""

    def _info(self, relative: str) -> zipfile.ZipInfo | None:
        name = posixpath.normpath(relative)
        if name == ".." or name.startswith("../"):
            raise PackReadError("leads outside the pack (through '..'): keep it inside")
        try:
            info = self._zip.getinfo(self._prefix + name)
        except KeyError:
            return None
        if info.is_dir() or stat.S_ISLNK(info.external_attr >> 16):
            raise PackReadError("is not a regular file (a folder or a link): use the file itself")
        if info.flag_bits & 0x1:
            raise PackReadError("is encrypted: make the zip again without a password")
        if info.compress_type not in _READABLE_METHODS:
            raise PackReadError(
                f"uses a compression method Zavmo cannot read (method {info.compress_type}): "
                "make the zip again with ordinary (deflate) compression"
            )
        return info

    def read(self, relative: str, limit: int) -> bytes | None:
        info = self._info(relative)
        if info is None:
            return None
        try:
            with self._zip.open(info) as handle:
                return handle.read(limit + 1)
        except _ZIP_ERRORS as error:
            raise PackReadError(zip_problem(error)) from None

    def module_names(self) -> list[str]:
        folder = self._prefix + "modules/"
        return sorted(
            name[len(folder) :]
            for name in self._zip.namelist()
            if name.startswith(folder) and name.endswith(".md") and "/" not in name[len(folder) :]
        )

    def locate(self, relative: str) -> int:
        info = self._info(relative)
        if info is None:
            raise PackReadError("is not in the pack: check the name and folder")
        return info.file_size

    def size_and_time(self, relative: str) -> tuple[int, int]:
        info = self._info(relative)
        if info is None:
            raise FileNotFoundError(relative)
        seconds = datetime(*info.date_time).timestamp()  # a zip keeps 2-second local times
        return info.file_size, int(seconds) * 1_000_000_000

    def close(self) -> None:
        self._zip.close()


def _require_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise PackReadError(
            "is not a regular file (a device, a pipe or a folder): use an ordinary file"
        )


def zip_problem(error: BaseException) -> str:
    """What a zip error means for the person who made the zip."""
    text = str(error)
    if "CRC" in text:
        return "is damaged in the zip (its checksum does not match): make the zip again"
    if "encrypted" in text or "password" in text:
        return "is encrypted: make the zip again without a password"
    if "compression" in text:
        return "uses a compression method Zavmo cannot read: make the zip again with deflate"
    if isinstance(error, OSError) and not isinstance(error, zipfile.BadZipFile):
        return f"cannot be read ({error.strerror or error}): check the file and its permissions"
    return (
        "is a damaged or cut-short zip (its end is missing or wrong): "
        "copy it again or make the zip again"
    )


def open_source(path: Path) -> PackSource:
    """A pack as a folder or a zip; PackReadError if the zip cannot be opened."""
    if path.is_dir():
        return FolderSource(path)
    if not path.is_file():  # a pipe or a device: opening it could wait for ever
        raise PackReadError("is not a folder or a .zip file: give the pack's folder or zip")
    return ZipSource(path)
