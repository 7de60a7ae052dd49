"""Building a .zpack from a pack folder: the folder's files, a manifest and a signature."""

from __future__ import annotations

import zipfile
from pathlib import Path

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.validator import validate_packs
from zavmo_desktop.core.packs.archive import PackRefused
from zavmo_desktop.core.packs.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    PackManifest,
    manifest_of_folder,
)


def build_pack(folder: Path, out: Path, key_file: Path | None = None) -> PackManifest:
    """Write out (a zip); refuses a folder whose content has problems, as import would."""
    problems = [p for p in validate_packs([folder]) if not p.warning]
    if problems:
        lines = "\n".join(str(p) for p in problems[:20])
        raise PackRefused(f"The folder's content has {len(problems)} problem(s):\n{lines}")
    pack, _ = load_pack(folder)
    assert pack is not None
    manifest = manifest_of_folder(folder, pack.manifest.id, pack.manifest.version)
    raw = manifest.to_bytes()
    signature = None
    if key_file is not None:
        from zavmo_desktop.core.packs.signing import load_private_key, sign

        signature = sign(raw, load_private_key(key_file))
    temporary = out.with_name(out.name + ".part")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST_NAME, raw)
        if signature is not None:
            archive.writestr(SIGNATURE_NAME, signature)
        for entry in manifest.files:
            archive.write(folder / entry.path, entry.path)
    temporary.replace(out)
    return manifest
