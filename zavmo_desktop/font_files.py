"""Where the reading fonts the app carries are kept, with no Qt: the screens register them
with Qt (ui/fonts.py) and the portfolio export embeds them in its PDF and HTML."""

from __future__ import annotations

from pathlib import Path

from zavmo_desktop.paths import resources_dir


def font_files(key: str) -> list[Path]:
    """Every file of a font setting's family, sorted by name; none for "system"."""
    if key == "lexend":
        import fontpkg_lexend  # type: ignore[import-untyped]

        return sorted((fontpkg_lexend.ROOT / "files").glob("*.ttf"))
    if key == "atkinson":
        import fontpkg_atkinson_hyperlegible  # type: ignore[import-untyped]

        return sorted((fontpkg_atkinson_hyperlegible.ROOT / "files").glob("*.ttf"))
    if key == "opendyslexic":
        return sorted((resources_dir() / "fonts" / "opendyslexic").glob("*.otf"))
    return []
