"""`python packaging/build.py` makes a one-folder bundle that works on its own.

The bundle is built once for this file, into a temporary folder (never a dist/ left from
earlier), then its executable is run as a learner's machine would run it: `self-test`,
a start offscreen that opens a module, and a PDF export (WeasyPrint's Pango libraries).
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from zavmo_desktop import __version__

REPO_ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's test"),
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build.py"),
         "--dist", str(folder / "dist"), "--work", str(folder / "work")],
        capture_output=True, text=True, timeout=800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return folder / "dist"


@pytest.fixture(scope="module")
def executable(dist: Path) -> Path:
    return dist / "zavmo-desktop" / "zavmo-desktop"


def run(executable: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("ZAVMO_DATA_DIR", "PYTHONPATH", "VIRTUAL_ENV"):  # nothing from the source tree
        env.pop(name, None)
    return subprocess.run(
        [str(executable), *args], cwd=executable.parent.parent, env=env,
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip


def test_it_is_one_folder_not_one_file(executable: Path) -> None:
    assert executable.is_file() and os.access(executable, os.X_OK)
    internal = executable.parent / "_internal"
    assert (internal / "content" / "pack.yaml").is_file()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").is_file()
    assert (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert list((internal / "PySide6" / "Qt" / "plugins" / "multimedia").glob("*ffmpeg*"))
    # The reading fonts that come in Python packages, and the portfolio's template.
    assert (internal / "fontpkg_lexend" / "files" / "Lexend[wght].ttf").is_file()
    assert len(list((internal / "fontpkg_atkinson_hyperlegible" / "files").glob("*.ttf"))) == 4
    assert list((internal / "zavmo_desktop" / "core" / "portfolio").glob("*.j2"))
    assert list((internal / "pyphen" / "dictionaries").glob("hyph_en*.dic"))


def test_self_test_passes_with_the_bundle_s_own_content(executable: Path, tmp_path: Path) -> None:
    done = run(executable, "self-test", "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 6 and all(line.startswith("OK") for line in lines), done.stdout
    content = next(line for line in lines if "Bundled content" in line)
    assert str(executable.parent / "_internal" / "content") in content
    assert "4 bundled font files" in done.stdout


def test_it_starts_offscreen_and_opens_a_module(executable: Path, tmp_path: Path) -> None:
    done = run(executable, "--smoke-open-first-module", "--data-dir", str(tmp_path / "data"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("opened "), done.stdout
    assert "Traceback" not in done.stderr
    assert (tmp_path / "data" / "zavmo.sqlite3").is_file()


def test_it_writes_a_pdf_with_its_own_pango(executable: Path, tmp_path: Path) -> None:
    internal = executable.parent / "_internal"
    for library in ("libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libharfbuzz-subset.so.0"):
        assert (internal / library).is_file(), library
    data = str(tmp_path / "data")
    started = run(executable, "--smoke-open-first-module", "--data-dir", data)  # a learner's data
    assert started.returncode == 0, started.stdout + started.stderr
    pdf = tmp_path / "portfolio.pdf"
    done = run(executable, "export", "--format", "pdf", "--out", str(pdf),
               "--data-dir", str(tmp_path / "data"))  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_the_licences_of_what_it_ships_are_in_it(dist: Path) -> None:
    bundle = dist / "zavmo-desktop"
    index = (bundle / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    for name in ("PySide6_Essentials", "shiboken6", "weasyprint", "fontpkg-lexend",
                 "OpenDyslexic", "Python", "zavmo-desktop", "libpango-1.0-0"):  # fmt: skip
        assert f"\n{name} " in index, name
    folders = list((bundle / "licences").iterdir())
    assert all(any(folder.iterdir()) for folder in folders), [f.name for f in folders]
    assert list((bundle / "licences").glob("Qt-*/LGPL-3.0.txt"))
    assert list((bundle / "licences").glob("OpenDyslexic-*/LICENSE.txt"))


def test_the_linux_tarball_holds_the_bundle_and_its_desktop_file(dist: Path) -> None:
    top = f"zavmo-desktop-{__version__}"
    tarball = dist / f"{top}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
        launcher = archive.getmember(f"{top}/zavmo-desktop")
    for name in ("share/applications/zavmo-desktop.desktop", "INSTALL.txt", "THIRD-PARTY.txt",
                 "_internal/content"):  # fmt: skip
        assert f"{top}/{name}" in names, name
    assert launcher.mode & 0o111
