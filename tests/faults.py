"""Real faults for storage tests: a small disk that fills, a read-only folder, an unreadable file.

As root (as CI runs) a size-limited tmpfs and a read-only bind mount are real file
systems, and a child process run without CAP_DAC_OVERRIDE obeys file permissions. As
another user, permission bits do the same job. Where neither works, the test skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

IS_ROOT = sys.platform == "linux" and os.geteuid() == 0


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _unmount(where: Path) -> None:
    if _run("umount", str(where)).returncode:
        _run("umount", "-l", str(where))  # something still has a file open there


@contextmanager
def small_disk(where: Path, size_kib: int) -> Iterator[Path]:
    """A tmpfs of `size_kib` mounted at `where`: writing past its size fails with ENOSPC."""
    if not IS_ROOT:
        pytest.skip("a size-limited file system needs root to mount")
    where.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(where))
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        _unmount(where)


def free_bytes(folder: Path) -> int:
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize


def fill(disk: Path, leave: int = 0) -> Path:
    """Take all the disk's free space but about `leave` bytes; delete the file to free it."""
    filler = disk / "filler.bin"
    with filler.open("ab") as handle:
        while free_bytes(disk) > leave:
            want = min(free_bytes(disk) - leave, 1 << 20)
            try:
                handle.write(b"\0" * max(want, 1))
                handle.flush()
            except OSError:
                break
    return filler


@contextmanager
def read_only(folder: Path, tmp_path: Path) -> Iterator[Path]:
    """The folder as the app would see it on read-only media (or in a folder it may not
    write to, where mounting is not possible). Yields the path to use."""
    if IS_ROOT:
        view = tmp_path / "read-only-view"
        view.mkdir()
        if _run("mount", "--bind", str(folder), str(view)).returncode:
            pytest.skip("cannot bind-mount here")
        try:
            if _run("mount", "-o", "remount,bind,ro", str(view)).returncode:
                pytest.skip("cannot remount read-only here")
            yield view
        finally:
            _unmount(view)
    else:
        mode = folder.stat().st_mode
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(mode)


def without_file_permission_override() -> list[str]:
    """A command prefix that runs a child as root without the power to ignore permissions."""
    if not IS_ROOT:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is needed to drop root's permission override")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]
