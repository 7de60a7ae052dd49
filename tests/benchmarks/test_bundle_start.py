"""Cold start of the PyInstaller bundle against running from source (report only).

Builds the bundle into a temporary folder with packaging/build.py (about a minute), then
times whole processes, interleaved so machine noise hits each alike: `self-test` to its
exit, and a first start that opens the first module (`--smoke-open-first-module`) to its
exit, each from the bundle and from source (`python -m zavmo_desktop`), beside a bare
PySide6 window (tests/benchmarks/test_cold_start.py's) measured in the same run. Also
reports the bundle's size on disk and the tarball's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks._report import REPEATS, Row, Summary, record
from tests.benchmarks.test_cold_start import BARE_WINDOW

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle")


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ZAVMO_DATA_DIR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO_ROOT, env=_env(), capture_output=True, text=True,
                          timeout=180, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return time.perf_counter() - started


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_bundle_cold_start_against_source(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = time.perf_counter()
    subprocess.run([sys.executable, str(REPO_ROOT / "packaging" / "build.py"), "--dist",
                    str(dist), "--work", str(tmp_path / "work")], check=True,
                   capture_output=True, timeout=900)  # fmt: skip
    build_s = time.perf_counter() - built
    executable = dist / "zavmo-desktop" / "zavmo-desktop"
    source = [sys.executable, "-m", "zavmo_desktop"]
    kinds = {
        "bare PySide6 window": lambda _n: [sys.executable, "-c", BARE_WINDOW],
        "self-test, source": lambda n: [*source, "self-test", "--data-dir", f"{tmp_path}/s{n}"],
        "self-test, bundle": lambda n: [str(executable), "self-test", "--data-dir",
                                        f"{tmp_path}/b{n}"],
        "first start to a module open, source": lambda n: [
            *source, "--smoke-open-first-module", "--data-dir", f"{tmp_path}/ms{n}"],
        "first start to a module open, bundle": lambda n: [
            str(executable), "--smoke-open-first-module", "--data-dir", f"{tmp_path}/mb{n}"],
    }  # fmt: skip
    for command in kinds.values():  # warm-up: file cache and bytecode, not timed
        _seconds(command("warm"))
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    for number in range(REPEATS):
        for kind, command in kinds.items():
            samples[kind].append(_seconds(command(number)))
    bare = Summary.of(samples.pop("bare PySide6 window"))
    record(Row("bundle", "bare PySide6 window, process", bare, 1.0, note="the reference"))
    for kind, times in samples.items():
        figures = Summary.of(times)
        record(Row("bundle", f"{kind}, process", figures, figures.median / bare.median,
                   "report only"))  # fmt: skip
    size = _folder_bytes(dist / "zavmo-desktop") / 2**20
    tarball = next(dist.glob("*.tar.gz")).stat().st_size / 2**20
    record(Row("bundle", f"size: folder {size:.0f} MiB, tarball {tarball:.0f} MiB",
               note=f"built in {build_s:.0f} s"))  # fmt: skip
