"""Which speech engines this machine has, and how to get one when it has none."""

from __future__ import annotations

import ctypes.util
import importlib.util
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class EngineStatus:
    available: bool
    name: str
    detail: str


def espeak_ng_library() -> str | None:
    """The file name of libespeak-ng if the system has it."""
    return ctypes.util.find_library("espeak-ng")


def find_engine() -> EngineStatus:
    library = espeak_ng_library()
    if library:
        return EngineStatus(True, "espeak-ng", f"espeak-ng library {library}")
    if sys.platform in ("win32", "darwin") and importlib.util.find_spec("pyttsx3"):
        return EngineStatus(True, "pyttsx3", "the system voices through pyttsx3")
    return EngineStatus(
        False, "none", "no speech engine: install espeak-ng (apt install espeak-ng)"
    )
