"""The pack manifest: the pack's id and version and every file's SHA-256 and size.

The manifest is canonical JSON (sorted keys, no spaces) so that the signature made over
its bytes at build time is checked over the very same bytes at import.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "zpack-manifest.json"
SIGNATURE_NAME = "zpack-manifest.sig"
FORMAT = 1


class ManifestError(Exception):
    """The manifest cannot be used; the message says why."""


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class PackManifest:
    pack_id: str
    version: str
    files: tuple[FileEntry, ...]

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "pack_id": self.pack_id,
            "version": self.version,
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()

    def total_size(self) -> int:
        return sum(entry.size for entry in self.files)


def manifest_of_folder(folder: Path, pack_id: str, version: str) -> PackManifest:
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        relative = path.relative_to(folder).as_posix()
        files.append(FileEntry(relative, hashlib.sha256(data).hexdigest(), len(data)))
    return PackManifest(pack_id, version, tuple(files))


def parse_manifest_bytes(raw: bytes) -> PackManifest:
    try:
        data = json.loads(raw)
        if data["format"] != FORMAT:
            raise ManifestError(f"has format {data['format']!r}; this Zavmo reads format {FORMAT}")
        files = tuple(
            FileEntry(str(f["path"]), str(f["sha256"]), int(f["size"])) for f in data["files"]
        )
        return PackManifest(str(data["pack_id"]), str(data["version"]), files)
    except ManifestError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise ManifestError(f"is not a readable pack manifest ({type(error).__name__})") from None
