"""A module's "## Key terms": a Markdown definition list, a term on one line, then ": ...".

The list is read from the module's Markdown body, not its HTML, so each term keeps the
line it is on (for content problems) and its definition is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^##\s+Key terms\s*#*\s*$", re.IGNORECASE)
_NEXT_HEADING = re.compile(r"^#{1,2}\s")
_DEFINITION = re.compile(r"^:\s+(.*)$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|\*|`)")


@dataclass(frozen=True)
class KeyTerm:
    term: str
    definition: str
    line: int  # 0-based, in the body


def plain(markdown: str) -> str:
    """A term or definition as it reads: links, bold, italics and code marks taken out."""
    return " ".join(_MARKS.sub("", _LINK.sub(r"\1", markdown)).split())


def key_terms_line(body: str) -> int | None:
    """The 0-based body line of the "## Key terms" heading, or None without one."""
    for number, line in enumerate(body.splitlines()):
        if _HEADING.match(line.strip()):
            return number
    return None


def key_terms(body: str) -> list[KeyTerm]:
    """Every term of the module's key terms list, in its order. A term with two
    definition lines (": ..." twice) counts once, with both joined."""
    start = key_terms_line(body)
    if start is None:
        return []
    lines = body.splitlines()
    found: list[KeyTerm] = []
    term, term_line = "", 0
    parts: list[str] = []
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if _NEXT_HEADING.match(line):
            break
        definition = _DEFINITION.match(line)
        if definition and term:
            parts.append(definition.group(1))
        elif line.startswith((" ", "\t")) and parts:
            parts[-1] += " " + line.strip()  # a definition continued on the next line
        elif line.strip() and not definition:
            if term and parts:
                found.append(KeyTerm(plain(term), plain(" ".join(parts)), term_line))
            term, term_line, parts = line.strip(), number, []
    if term and parts:
        found.append(KeyTerm(plain(term), plain(" ".join(parts)), term_line))
    return found
