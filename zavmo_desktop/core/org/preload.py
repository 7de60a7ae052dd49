"""The organisation's content packs, installed on first start and when a newer file comes.

Each pack file is remembered by its size and modification time (packs/preloaded.json), so a
start with nothing new opens no zip at all, and a refused pack is told to the learner once,
not on every start; a changed file (the organisation's fix) is tried again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zavmo_desktop.core.packs.registry import packs_dir, read_registry

STATE_NAME = "preloaded.json"


def preload_org_packs(
    pack_files: Sequence[Path], data_dir: Path, trusted_keys: Sequence[bytes]
) -> list[str]:
    """Install what is new or newer; one message per pack refused this time ("x.zpack: why")."""
    state = _read_state(data_dir)
    installed = read_registry(data_dir)
    messages: list[str] = []
    changed = False
    for pack_file in pack_files:
        key, stamp = str(pack_file.absolute()), _stamp(pack_file)
        seen = state.get(key)
        if seen is not None and seen.get("stamp") == stamp:
            pack_id = seen.get("pack_id")
            if pack_id is None or pack_id in installed:  # refused before, or still installed
                continue
        if stamp is None:
            pack_id, refusal = None, "the file is not there or cannot be read"
        else:
            pack_id, refusal = _install(pack_file, data_dir, trusted_keys)
        if refusal:
            messages.append(f"{pack_file.name}: {refusal}")
        state[key] = {"stamp": stamp, "pack_id": pack_id}
        changed = True
    if changed:
        _write_state(data_dir, state)
    return messages


def _install(
    pack_file: Path, data_dir: Path, trusted_keys: Sequence[bytes]
) -> tuple[str | None, str]:
    """(the pack's id, "") once installed or already current, else (None, why it was refused)."""
    from zavmo_desktop.core.packs.install import AlreadyInstalled, PackRefused, import_pack

    try:
        return import_pack(pack_file, data_dir, trusted_keys or None).pack_id, ""
    except AlreadyInstalled:
        return _pack_id_of(pack_file), ""
    except PackRefused as error:
        return None, str(error)
    except OSError as error:
        return None, f"it could not be installed ({error.strerror or error})"
    except Exception as error:  # a damaged zip can fail in ways zipfile does not name
        return None, f"it is damaged and could not be read ({type(error).__name__})"


def _pack_id_of(pack_file: Path) -> str | None:
    from zavmo_desktop.core.packs.archive import open_zip
    from zavmo_desktop.core.packs.manifest import MANIFEST_NAME, parse_manifest_bytes

    try:
        with open_zip(pack_file) as archive:
            return parse_manifest_bytes(archive.read(MANIFEST_NAME)).pack_id
    except Exception:  # it installed a moment ago: this only spares the next start a look
        return None


def _stamp(pack_file: Path) -> list[int] | None:
    try:
        facts = pack_file.stat()
    except OSError:
        return None
    return [facts.st_size, facts.st_mtime_ns]


def _read_state(data_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((packs_dir(data_dir) / STATE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or damaged: every pack is looked at again, nothing is lost
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def _write_state(data_dir: Path, state: dict[str, dict[str, Any]]) -> None:
    folder = packs_dir(data_dir)
    temporary = folder / f".{STATE_NAME}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, folder / STATE_NAME)
    except OSError:  # a full disk: the packs are looked at again next start, no harm done
        temporary.unlink(missing_ok=True)
