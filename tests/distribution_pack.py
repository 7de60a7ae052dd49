"""A small organisation pack made from the bundled content, for the content-pack tests.

One module of the bundled pack, under its own pack id and module id so that it loads
beside the bundled pack; `version` lets a test make v1 and v2 of the same pack.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import BUNDLED_CONTENT

PACK_ID = "org-pack"
MODULE_FILE = "modules/board-storytelling.md"
MODULE_ID = "org-board-storytelling"


def org_pack(root: Path, version: str = "1.0.0", extra_text: str = "") -> Path:
    pack = root / f"org-pack-{version}"
    shutil.copytree(BUNDLED_CONTENT, pack)
    for other in (pack / "modules").glob("*.md"):
        if other.name != Path(MODULE_FILE).name:
            other.unlink()
    manifest = yaml.safe_load((pack / "pack.yaml").read_text(encoding="utf-8"))
    manifest.update(id=PACK_ID, title="Organisation pack", version=version)
    (pack / "pack.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    text = (pack / MODULE_FILE).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    meta["id"] = MODULE_ID
    meta["prerequisites"] = []
    new_front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    (pack / MODULE_FILE).write_text(f"---\n{new_front}---\n{body}{extra_text}", encoding="utf-8")
    return pack
