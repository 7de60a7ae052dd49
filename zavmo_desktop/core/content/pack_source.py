"""Where a pack's files come from: a folder, or a zip of that folder."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

MAX_FILE_BYTES = 1024 * 1024 + 1  # read one byte past the module limit so it can be reported


class PackSource:
    def __init__(self, path: Path) -> None:
        self.path = path

    def display_path(self, relative: str) -> Path:
        return self.path / relative

    def read(self, relative: str) -> bytes | None:
        raise NotImplementedError

    def module_names(self) -> list[str]:
        raise NotImplementedError


class FolderSource(PackSource):
    def read(self, relative: str) -> bytes | None:
        file = self.path / relative
        if not file.is_file():
            return None
        with file.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES)

    def module_names(self) -> list[str]:
        folder = self.path / "modules"
        return sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []


class ZipSource(PackSource):
    """A zip of a pack folder; the pack may sit at the top or inside one folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._zip = zipfile.ZipFile(path)
        names = self._zip.namelist()
        manifests = sorted((n for n in names if PurePosixPath(n).name == "pack.yaml"), key=len)
        self._prefix = manifests[0][: -len("pack.yaml")] if manifests else ""

    def read(self, relative: str) -> bytes | None:
        try:
            info = self._zip.getinfo(self._prefix + relative)
        except KeyError:
            return None
        with self._zip.open(info) as handle:
            return handle.read(MAX_FILE_BYTES)

    def module_names(self) -> list[str]:
        folder = self._prefix + "modules/"
        return sorted(
            name[len(folder) :]
            for name in self._zip.namelist()
            if name.startswith(folder) and name.endswith(".md") and "/" not in name[len(folder) :]
        )


def open_source(path: Path) -> PackSource:
    if path.is_file() and zipfile.is_zipfile(path):
        return ZipSource(path)
    return FolderSource(path)
