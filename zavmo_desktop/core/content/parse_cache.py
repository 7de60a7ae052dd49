"""What the loader needs from a cache of parsed pack files, so start-up does not re-parse them.

A cached file is used only when its size, modification time and SHA-256 all match what was
parsed, with the same parser code (and, for a module, the same framework and pack id).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from zavmo_desktop.core.content.models import Problem

Parsed = tuple[Any, list[Problem]]  # a Manifest, Framework or Module (or None), its problems


@dataclass(frozen=True)
class FileStamp:
    size: int
    mtime_ns: int
    sha256: str
    context: str  # the parser code (and a module's framework and pack id) it was parsed with


class ParseCache(Protocol):
    def get(self, path: Path, stamp: FileStamp) -> Parsed | None: ...
    def put(self, path: Path, stamp: FileStamp, parsed: Parsed) -> None: ...


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def code_stamp() -> str:
    """Changes when any of the content-parsing code changes (a stat of ~15 files)."""
    code = hashlib.sha256()
    if getattr(sys, "frozen", False):
        # A PyInstaller bundle has no .py files: its code is inside the executable, which
        # every build writes anew, so a new build never reads an older build's parses.
        info = Path(sys.executable).stat()
        code.update(f"frozen:{info.st_size}:{info.st_mtime_ns};".encode())
        return code.hexdigest()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        info = source.stat()
        code.update(f"{source.name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return code.hexdigest()
