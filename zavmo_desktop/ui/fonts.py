"""The reading fonts the app carries, registered with Qt the first time one is chosen."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from zavmo_desktop.font_files import font_files

FAMILIES = {
    "atkinson": "Atkinson Hyperlegible",
    "lexend": "Lexend",
    "opendyslexic": "OpenDyslexic",
}
FONT_NAMES = {"system": "System font", **FAMILIES}
VARIABLE_WEIGHT = frozenset({"lexend"})  # weight set on the wght axis, not with setWeight
REGULAR_WEIGHT = 400
BOLD_WEIGHT = 700

_system_family: str | None = None


@cache
def _register(key: str) -> bool:
    # Registering costs ~15 ms for all three, so it waits until a learner picks one.
    loaded = [QFontDatabase.addApplicationFont(str(path)) for path in font_files(key)]
    return bool(loaded) and all(font_id >= 0 for font_id in loaded)


def family_for(key: str) -> str:
    """The Qt family name for a font setting; the system's own font if one failed to load."""
    global _system_family
    if _system_family is None:
        _system_family = QGuiApplication.font().family()
    if key in FAMILIES and _register(key):
        return FAMILIES[key]
    return _system_family


def weighted(font: QFont, key: str, weight: int) -> QFont:
    if key in VARIABLE_WEIGHT:
        font.setVariableAxis(QFont.Tag("wght"), weight)
    else:
        font.setWeight(QFont.Weight(weight))
    return font
