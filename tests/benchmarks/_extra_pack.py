"""A second content pack of real modules: copies of the bundled ones under new ids."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[2] / "content"
_ID_LINES = re.compile(r"^(id|prerequisites): .*$", re.MULTILINE)


def write_extra_pack(folder: Path, count: int) -> Path:
    """`count` modules (with their checklists, reflections and conversations) in a pack of
    their own, so the library holds the bundled pack plus `count` more."""
    folder.mkdir(parents=True)
    manifest = (BUNDLED / "pack.yaml").read_text(encoding="utf-8")
    (folder / "pack.yaml").write_text(
        manifest.replace("id: director-ml-engineering", "id: benchmark-extra"), encoding="utf-8"
    )
    shutil.copy(BUNDLED / "framework.yaml", folder / "framework.yaml")
    (folder / "modules").mkdir()
    originals = sorted((BUNDLED / "modules").glob("*.md"))
    ids = [path.stem for path in originals]
    for number in range(count):
        source = originals[number % len(originals)]
        copy = number // len(originals)
        text = source.read_text(encoding="utf-8")
        text = _ID_LINES.sub(
            lambda line, copy=copy: _renamed(line.group(0), ids, copy), text, count=2
        )
        (folder / "modules" / f"{source.stem}-{copy}.md").write_text(text, encoding="utf-8")
    return folder


def _renamed(line: str, ids: list[str], copy: int) -> str:
    for module_id in ids:
        line = re.sub(rf"\b{re.escape(module_id)}\b(?!-)", f"{module_id}-{copy}", line)
    return line
