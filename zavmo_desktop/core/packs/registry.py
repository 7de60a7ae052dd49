"""Which packs are installed: a small JSON file in the data folder's packs/ area.

Replacing this file (write a temporary, then os.replace) is the moment an install or an
upgrade takes effect, so a crash at any point leaves either the old or the new pack.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

REGISTRY_NAME = "installed.json"


@dataclass(frozen=True)
class InstalledPack:
    pack_id: str
    version: str
    folder: str  # a name inside packs/


def packs_dir(data_dir: Path) -> Path:
    return data_dir / "packs"


def read_registry(data_dir: Path) -> dict[str, InstalledPack]:
    try:
        data = json.loads((packs_dir(data_dir) / REGISTRY_NAME).read_text("utf-8"))
        return {
            key: InstalledPack(key, str(value["version"]), str(value["folder"]))
            for key, value in data.items()
        }
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # a damaged registry must not stop the app; the bundled content still loads


def write_registry(data_dir: Path, packs: dict[str, InstalledPack]) -> None:
    folder = packs_dir(data_dir)
    data = {p.pack_id: {"version": p.version, "folder": p.folder} for p in packs.values()}
    temporary = folder / f".{REGISTRY_NAME}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, folder / REGISTRY_NAME)
    except OSError:
        temporary.unlink(missing_ok=True)  # a full disk: the old registry stays in force
        raise


def installed_pack_folders(data_dir: Path) -> list[Path]:
    """The folders of installed packs, for the loader; empty when there are none."""
    root = packs_dir(data_dir)
    return [root / p.folder for _, p in sorted(read_registry(data_dir).items())]
