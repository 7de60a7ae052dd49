"""packaging/build.py without PyInstaller says how to get it, and builds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_without_pyinstaller_it_prints_the_pip_command(tmp_path: Path) -> None:
    # -S leaves site-packages, and so PyInstaller, off the path.
    done = subprocess.run(
        [sys.executable, "-S", str(REPO_ROOT / "packaging" / "build.py"),
         "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "PyInstaller is not installed" in done.stderr
    assert "pip install -e '.[package]'" in done.stderr
    assert not (tmp_path / "dist").exists()
