"""The real app, in its own process, started with hostile packs beside the bundled one.

It must start, list the bundled modules and the hostile one, open every module, list each
damaged zip and each folder it cannot read under its content problems, exit 0, and never
open a file outside its packs: strace records every file the process opens.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.content.test_validator import ALL_MODULES
from tests.hostile_packs import (
    MODULE_ID,
    ZIP_DAMAGE,
    broken_zip,
    hostile_pack,
    obeying_file_modes,
    unreadable_packs,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace (scripts/install.sh)")
def test_the_app_starts_opens_every_module_and_touches_nothing_outside(
    tmp_path: Path, data_dir: Path
) -> None:
    pack = hostile_pack(tmp_path)
    zips = [broken_zip(tmp_path, damage) for damage in ZIP_DAMAGE]
    locked = unreadable_packs(tmp_path)
    log = tmp_path / "opens.log"
    command = ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(log),
               *obeying_file_modes(), sys.executable, "-m", "tests.e2e.hostile_driver",
               str(data_dir), str(pack), *map(str, zips), *map(str, locked)]  # fmt: skip
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        result = subprocess.run(
            command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=180,
            check=False,
        )  # fmt: skip
    finally:
        locked[0].chmod(0o755)
        (locked[1] / "modules").chmod(0o755)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(seen["listed"]) == ALL_MODULES | {MODULE_ID}
    assert seen["opened"] == seen["listed"]
    for broken in (*zips, *locked):
        assert any(problem.startswith(str(broken)) for problem in seen["problems"]), broken
    assert not any("learning data" in problem for problem in seen["problems"])
    opened = log.read_text(encoding="utf-8", errors="replace")
    assert str(pack / "pack.yaml") in opened  # strace saw the files the app did open
    outside = tmp_path / "outside"
    for forbidden in (str(outside), '"/dev/zero"', '"/etc/hostname"', '"/x.png"'):
        hits = [line for line in opened.splitlines() if forbidden in line]
        assert hits == [], hits[:3]
