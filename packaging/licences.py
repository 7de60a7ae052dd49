"""Gathers the licence of everything a bundle ships into its licences/ folder.

Each shipped file is traced to where it came from: a Python distribution (its licence
files, from importlib.metadata), Python itself, a Debian package (its copyright file, on
Linux, where PyInstaller copies system libraries such as Pango), or this project. The
index, THIRD-PARTY.txt, lists each with its version and licence.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(__file__).resolve().parent / "licence-texts"  # GPL and LGPL, on every system
LICENCE_NAME = re.compile(r"(licen[cs]e|copying|notice|authors|ofl)", re.IGNORECASE)
QT_NOTICE = """\
Qt 6 and Qt for Python (PySide6 {version}), with the FFmpeg libraries Qt Multimedia uses,
are used under the GNU Lesser General Public License version 3 (LGPL-3.0.txt here).
They are shipped as separate shared libraries, unmodified, in _internal/PySide6/ (and,
for the Qt libraries, _internal/ itself), so they can be replaced by another build of the
same version. Their source code is published by the Qt Project for this version: Qt
{version} and the matching Qt for Python source archive.
"""


@dataclass
class Component:
    name: str
    version: str
    licence: str
    files: list[Path] = field(default_factory=list)  # licence texts to copy


def gather(bundle: Path, shipped_sources: Iterable[str]) -> list[Component]:
    """Writes bundle/licences/ and bundle/THIRD-PARTY.txt; returns what they list."""
    components = trace(shipped_sources)
    folder = bundle / "licences"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for component in components:
        target = folder / _folder_name(component)
        target.mkdir(exist_ok=True)
        for text in component.files:
            shutil.copyfile(text, target / text.name)
    _write_qt_notice(folder)
    (bundle / "THIRD-PARTY.txt").write_text(index_text(components), encoding="utf-8")
    return components


def trace(shipped_sources: Iterable[str]) -> list[Component]:
    owners = _files_of_distributions()
    by_name: dict[str, Component] = {"zavmo-desktop": _this_project()}
    system_files: list[Path] = []
    for source in shipped_sources:
        path = Path(source).resolve()
        dist = owners.get(path)
        if dist is not None:
            name = dist.metadata["Name"]
            if name not in by_name:
                by_name[name] = _distribution(dist)
        elif _inside(path, Path(sys.base_prefix)):
            if "Python" not in by_name:
                by_name["Python"] = _python()
        elif not _inside(path, ROOT):
            system_files.append(path)
    for component in _debian_packages(system_files):
        by_name.setdefault(component.name, component)
    by_name.setdefault("OpenDyslexic", _opendyslexic())
    return sorted(by_name.values(), key=lambda c: c.name.lower())


def index_text(components: list[Component]) -> str:
    lines = [
        "Zavmo Desktop ships the following. Each one's licence texts are in",
        "licences/<name>-<version>/.",
        "",
    ]
    for component in components:
        lines.append(f"{component.name} {component.version}: {component.licence}")
    return "\n".join(lines) + "\n"


def _files_of_distributions() -> dict[Path, metadata.Distribution]:
    owners: dict[Path, metadata.Distribution] = {}
    for dist in metadata.distributions():
        for file in dist.files or []:
            owners[Path(str(dist.locate_file(file))).resolve()] = dist
    return owners


def _distribution(dist: metadata.Distribution) -> Component:
    texts = [
        Path(str(dist.locate_file(file)))
        for file in dist.files or []
        if LICENCE_NAME.search(file.name) and not file.name.endswith((".py", ".pyc"))
    ]
    licence = _licence_of(dist)
    found = [t for t in texts if t.is_file()] or _standard_texts(licence)
    return Component(dist.metadata["Name"], dist.version, licence, found)


def _standard_texts(licence: str) -> list[Path]:
    """The full texts of the licences named, for a wheel that ships none (PySide6 does)."""
    wanted = [
        TEXTS / f"{spdx}.txt" for spdx in ("LGPL-3.0", "GPL-2.0", "GPL-3.0") if spdx in licence
    ]
    return [text for text in dict.fromkeys(wanted) if text.is_file()]


def _licence_of(dist: metadata.Distribution) -> str:
    expression = dist.metadata.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split("::")[-1].strip()
        for c in dist.metadata.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    short = str(dist.metadata.get("License") or "").splitlines()
    return "; ".join(classifiers) or (short[0][:80] if short else "see its licence files")


def _python() -> Component:
    version = ".".join(map(str, sys.version_info[:3]))
    texts = [Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
             / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"]  # fmt: skip
    return Component("Python", version, "PSF-2.0", [t for t in texts if t.is_file()][:1])


def _this_project() -> Component:
    from zavmo_desktop import __version__

    return Component("zavmo-desktop", __version__, "GPL-3.0-or-later", [TEXTS / "GPL-3.0.txt"])


def _opendyslexic() -> Component:
    texts = [ROOT / "resources" / "fonts" / "opendyslexic" / "LICENSE.txt"]
    return Component("OpenDyslexic", "font", "OFL-1.1", [t for t in texts if t.is_file()])


def _debian_packages(files: list[Path]) -> list[Component]:
    """The Debian package of each system file, with its copyright file as the licence."""
    if not files or shutil.which("dpkg-query") is None:
        return []
    owners = _debian_owners(files)
    packages = sorted({owners[f] for f in files if f in owners})
    versions = _dpkg_versions(packages)
    components = []
    for package in packages:
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        texts = [copyright_file] if copyright_file.is_file() else []
        name = package.split(":")[0]
        components.append(Component(name, versions.get(package, "unknown"), "see copyright",
                                    texts))  # fmt: skip
    return components


def _debian_owners(files: list[Path]) -> dict[Path, str]:
    """One dpkg-query for every file. A merged /usr registers a library under /lib or
    /usr/lib, so each is asked for in both spellings."""
    spelling_of: dict[str, Path] = {}
    for path in files:
        text = str(path)
        other = text.removeprefix("/usr") if text.startswith("/usr/lib") else "/usr" + text
        spelling_of[text] = spelling_of[other] = path
    done = subprocess.run(
        ["dpkg-query", "-S", *spelling_of], capture_output=True, text=True, check=False
    )  # fmt: skip  (exit 1 when some are unowned)
    owners: dict[Path, str] = {}
    for line in done.stdout.splitlines():
        packages, _, path = line.partition(": ")
        if path in spelling_of and "diversion" not in packages:
            owners.setdefault(spelling_of[path], packages.split(",")[0].strip())
    return owners


def _dpkg_versions(packages: list[str]) -> dict[str, str]:
    if not packages:
        return {}
    done = subprocess.run(["dpkg-query", "-W", "-f=${binary:Package} ${Version}\n", *packages],
                          capture_output=True, text=True, check=False)  # fmt: skip
    versions = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    # dpkg names a package with its architecture only where it is Multi-Arch: same.
    return {p: versions.get(p) or versions.get(p.split(":")[0], "unknown") for p in packages}


def _write_qt_notice(folder: Path) -> None:
    try:
        version = metadata.version("PySide6")
    except metadata.PackageNotFoundError:
        return
    target = folder / f"Qt-{version}"
    target.mkdir(exist_ok=True)
    (target / "NOTICE.txt").write_text(QT_NOTICE.format(version=version), encoding="utf-8")
    shutil.copyfile(TEXTS / "LGPL-3.0.txt", target / "LGPL-3.0.txt")
    # The LGPL-3.0 is a set of extra permissions on top of the GPL-3.0: both are needed.
    shutil.copyfile(TEXTS / "GPL-3.0.txt", target / "GPL-3.0.txt")


def _folder_name(component: Component) -> str:
    return re.sub(r"[^A-Za-z0-9._+-]", "_", f"{component.name}-{component.version}")


def _inside(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder.resolve())
