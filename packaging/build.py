"""Builds the Zavmo Desktop bundle: `python packaging/build.py [--dist DIR] [--work DIR]`.

A PyInstaller one-folder build (packaging/zavmo-desktop.spec) into DIST/zavmo-desktop/,
with the licences of everything in it gathered into licences/ and THIRD-PARTY.txt. On
Linux it also writes DIST/zavmo-desktop-<version>-linux-x86_64.tar.gz. PyInstaller comes
from the `package` extra: `.venv/bin/pip install -e '.[package]'`.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NAME = "zavmo-desktop"
INSTALL_HINT = "pip install -e '.[package]'"


def main(argv: list[str] | None = None) -> int:
    options = _parse(sys.argv[1:] if argv is None else argv)
    if not _has_pyinstaller():
        print(f"PyInstaller is not installed. Install it with:\n    {Path(sys.executable).parent}"
              f"/{INSTALL_HINT}\n(from {ROOT})", file=sys.stderr)  # fmt: skip
        return 2
    sys.path.insert(0, str(ROOT))  # the version and the licence gathering read the source
    from licences import gather

    from zavmo_desktop import __version__

    started = time.monotonic()
    dist, work = options.dist.resolve(), options.work.resolve()
    bundle = build_bundle(dist, work)
    shipped = json.loads((work / NAME / "shipped.json").read_text(encoding="utf-8"))
    components = gather(bundle, shipped)
    print(f"Bundle: {bundle} ({_size_mb(bundle):.0f} MB, {len(components)} licensed components)")
    if sys.platform == "darwin":  # the .app carries them too, before build_dmg.sh signs it
        resources = dist / "Zavmo Desktop.app" / "Contents" / "Resources"
        shutil.copytree(bundle / "licences", resources / "licences", dirs_exist_ok=True)
        shutil.copy2(bundle / "THIRD-PARTY.txt", resources)
    if sys.platform.startswith("linux") and not options.no_tarball:
        tarball = make_linux_tarball(bundle, dist, __version__)
        print(f"Tarball: {tarball} ({tarball.stat().st_size / 1e6:.0f} MB)")
    print(f"Built in {time.monotonic() - started:.0f} s")
    return 0


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build the Zavmo Desktop bundle")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's files")
    parser.add_argument("--no-tarball", action="store_true", help="Linux: skip the .tar.gz")
    return parser.parse_args(argv)


def _has_pyinstaller() -> bool:
    import importlib.util

    return importlib.util.find_spec("PyInstaller") is not None


def build_bundle(dist: Path, work: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(HERE / f"{NAME}.spec")],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return dist / NAME


def make_linux_tarball(bundle: Path, dist: Path, version: str) -> Path:
    """zavmo-desktop-<version>/: the bundle, the .desktop file and INSTALL.txt."""
    top = f"{NAME}-{version}"
    tarball = dist / f"{top}-linux-{platform.machine()}.tar.gz"
    partial = tarball.with_name(tarball.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=top)
        archive.add(HERE / "linux" / f"{NAME}.desktop", f"{top}/share/applications/{NAME}.desktop")
        archive.add(HERE / "linux" / "INSTALL.txt", f"{top}/INSTALL.txt")
    partial.replace(tarball)  # never a half-written tarball under the real name
    return tarball


def _size_mb(folder: Path) -> float:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


if __name__ == "__main__":
    raise SystemExit(main())
