"""Reading a .zpack without trusting it: names, links, sizes and hashes are all checked.

Sizes are counted while the bytes are read, never taken from the zip's headers, so a
zip bomb is stopped at the limit whatever its headers claim.
"""

from __future__ import annotations

import hashlib
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from zavmo_desktop.core.content.pack_source import _ZIP_ERRORS, zip_problem
from zavmo_desktop.core.packs.manifest import MANIFEST_NAME, SIGNATURE_NAME, PackManifest

_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Limits:
    max_entries: int = 2000
    max_total_bytes: int = 200 * 1024 * 1024
    max_file_bytes: int = 50 * 1024 * 1024
    max_ratio: int = 100  # uncompressed : compressed, over the whole pack
    max_manifest_bytes: int = 2 * 1024 * 1024


class PackRefused(Exception):
    """The pack will not be installed; the message says why and what to do."""


def open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except _ZIP_ERRORS as error:
        raise PackRefused(f"{path.name} {zip_problem(error)}") from None


def check_entries(archive: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    """The pack's files, after every name and kind is found safe."""
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise PackRefused(
            f"The pack has {len(infos)} entries, more than the {limits.max_entries} allowed: "
            "it may be a zip bomb"
        )
    files = []
    for info in infos:
        _check_name(info.filename)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackRefused(f"{info.filename} is a symbolic link: packs may hold only files")
        if info.flag_bits & 0x1:
            raise PackRefused(f"{info.filename} is encrypted: build the pack again")
        if not info.is_dir():
            files.append(info)
    return files


def _check_name(name: str) -> None:
    if "\\" in name:
        raise PackRefused(f"{name!r} has a backslash in its path: packs use '/' only")
    if name.startswith("/") or _DRIVE.match(name):
        raise PackRefused(f"{name!r} is an absolute path: every file must stay inside the pack")
    if ".." in PurePosixPath(name).parts:
        raise PackRefused(f"{name!r} climbs out of the pack with '..' (path traversal)")


def read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Up to limit + 1 bytes, counted as they unpack, so "more than listed" can be told."""
    data = bytearray()
    try:
        with archive.open(info) as handle:
            while len(data) <= limit and (chunk := handle.read(_CHUNK)):
                data += chunk
    except _ZIP_ERRORS as error:
        raise PackRefused(f"{info.filename} {zip_problem(error)}") from None
    return bytes(data[: limit + 1])


def extract_checked(
    archive: zipfile.ZipFile,
    files: list[zipfile.ZipInfo],
    manifest: PackManifest,
    target: Path,
    limits: Limits,
    compressed_size: int,
) -> None:
    """Write each listed file into target, refusing any file whose bytes differ from the list."""
    listed = {entry.path: entry for entry in manifest.files}
    present = {info.filename for info in files} - {MANIFEST_NAME, SIGNATURE_NAME}
    extra = sorted(present - listed.keys())
    if extra:
        raise PackRefused(f"{extra[0]} is in the pack but not in its manifest: build it again")
    missing = sorted(listed.keys() - present)
    if missing:
        raise PackRefused(f"{missing[0]} is in the manifest but missing from the pack")
    budget = min(limits.max_total_bytes, max(compressed_size, 1) * limits.max_ratio)
    if manifest.total_size() > budget:
        raise PackRefused(_bomb(manifest.total_size(), budget))
    total = 0
    for info in files:
        entry = listed.get(info.filename)
        if entry is None:
            continue
        if entry.size > limits.max_file_bytes:
            raise PackRefused(
                f"{entry.path} is {entry.size} bytes, over the {limits.max_file_bytes} "
                "allowed for one file"
            )
        data = read_limited(archive, info, entry.size)
        total += len(data)
        if total > budget:
            raise PackRefused(_bomb(total, budget))
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PackRefused(
                f"{entry.path} does not match its SHA-256 in the manifest: the pack was changed "
                "or damaged after it was built"
            )
        destination = target / entry.path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)


def _bomb(size: int, budget: int) -> str:
    return (
        f"The pack would unpack to {size} bytes, over the {budget} allowed for a pack of its "
        "size: it may be a zip bomb"
    )
