"""A copy of the bundled pack, cut to one module, whose criteria EC1 and EC2 map onto
outside standards (the bundled pack claims none): for the "Maps to:" tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import BUNDLED_CONTENT

MODULE_ID = "board-storytelling-mapped"
EC1_MAPS_TO = "Maps to: National Occupational Standards TECHIS5001"
EC2_MAPS_TO = (
    "Maps to: National Occupational Standards TECHIS5002 (Lead the use of data); SFIA 9 ITSP"
)
_REFERENCES = {
    "EC1": "            references:\n"
    "              - standard: National Occupational Standards\n"
    "                code: TECHIS5001\n",
    "EC2": "            references:\n"
    "              - standard: National Occupational Standards\n"
    "                code: TECHIS5002\n"
    "                title: Lead the use of data\n"
    "              - standard: SFIA 9\n"
    "                code: ITSP\n",
}


def referenced_pack(root: Path) -> Path:
    pack = root / "mapped-pack"
    shutil.copytree(BUNDLED_CONTENT, pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("director-ml-engineering", "mapped-pack"))
    for path in (pack / "modules").glob("*.md"):
        path.unlink()
    source = (BUNDLED_CONTENT / "modules" / "board-storytelling.md").read_text()
    (pack / "modules" / "board.md").write_text(
        source.replace("id: board-storytelling", f"id: {MODULE_ID}", 1)
    )
    out = []
    for line in (pack / "framework.yaml").read_text().splitlines(keepends=True):
        out.append(line)
        for criterion, block in _REFERENCES.items():
            if line.strip() == f"- id: {criterion}":
                out.append(block)  # right after the id, whatever shape its text has
    (pack / "framework.yaml").write_text("".join(out))
    return pack
