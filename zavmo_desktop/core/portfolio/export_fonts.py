"""The learner's reading font as @font-face rules, so the PDF embeds it and the HTML carries it.

Only the regular and bold faces are used (the portfolio has no italics, as the BDA style
asks), so only those are given. "system" has no file of its own: the PDF then uses
Atkinson Hyperlegible (a PDF is read on other machines, where "the system font" means
nothing), and the HTML uses the reader's own system font stack.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from zavmo_desktop.font_files import font_files

FAMILIES = {"atkinson": "Atkinson Hyperlegible", "lexend": "Lexend", "opendyslexic": "OpenDyslexic"}
PDF_DEFAULT = "atkinson"
SYSTEM_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'
# Regular + bold of every bundled font is 84-234 KB as base64, so the HTML embeds them;
# a bigger family (a future font) would make the one file slow to open and is left out.
MAX_EMBEDDED_BYTES = 400_000


@dataclass(frozen=True)
class Face:
    path: Path
    weight: str  # a CSS font-weight: "400", "700" or a range for a variable font


def faces(key: str) -> list[Face]:
    """The upright faces of the font, regular first; empty when the files are missing."""
    files = [p for p in font_files(key) if "italic" not in p.name.lower()]
    if len(files) == 1:  # a variable font (Lexend) carries every weight in one file
        return [Face(files[0], "100 900")]
    chosen = []
    for word, weight in (("regular", "400"), ("bold", "700")):
        named = [path for path in files if word in path.name.lower()]
        if named:
            chosen.append(Face(named[0], weight))
    return chosen


def pdf_font_css(key: str) -> tuple[str, str]:
    """(@font-face rules, font-family value) for the PDF: the files by file URL."""
    chosen = key if key in FAMILIES and faces(key) else PDF_DEFAULT
    return _rules(chosen, [(f, f.path.as_uri()) for f in faces(chosen)])


def html_font_css(key: str) -> tuple[str, str]:
    """(@font-face rules, font-family value) for the one-file HTML: the files as data: URLs,
    or the system font stack for "system" or a family too big to carry."""
    found = faces(key) if key in FAMILIES else []
    if not found or sum(f.path.stat().st_size for f in found) * 4 // 3 > MAX_EMBEDDED_BYTES:
        return "", SYSTEM_STACK
    return _rules(key, [(f, _data_url(f.path)) for f in found])


def _data_url(path: Path) -> str:
    kind = "font/otf" if path.suffix.lower() == ".otf" else "font/ttf"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _rules(key: str, sources: list[tuple[Face, str]]) -> tuple[str, str]:
    family = FAMILIES[key]
    rules = [
        f'@font-face {{ font-family: "{family}"; font-weight: {face.weight}; '
        f'font-style: normal; src: url("{url}"); }}'
        for face, url in sources
    ]
    return "\n".join(rules), f'"{family}", {SYSTEM_STACK}'
