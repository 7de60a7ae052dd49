"""The readable text of a module, for the quality checks: its summary, and its body's
paragraphs as plain prose (Markdown marks, headings and table rules taken out)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_DEFINITION = re.compile(r"^\s*:\s+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`>#|]")


def split_module(path: Path) -> tuple[dict[str, object], str]:
    """(front matter, body) of a module file."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict)
    return meta, body


def plain(text: str) -> str:
    """Markdown inline marks and links taken out, spaces made single."""
    return " ".join(_MARKS.sub("", _LINK.sub(r"\1", text)).split())


def paragraphs(body: str) -> list[str]:
    """Each prose paragraph, list item, definition and table row of a body, as plain text.

    A list item, definition or table row counts on its own: the learner reads it as a unit.
    Headings and table rules are left out; a line that ends without a full stop (a heading
    -like table cell, a term) gets one, so readability scores see where sentences end.
    """
    units: list[list[str]] = []
    for block in re.split(r"\n\s*\n", body):
        for line in block.splitlines():
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or re.fullmatch(r"[|:\- ]+", stripped):
                continue
            if stripped.startswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                units.append([". ".join(c for c in cells if c)])
            elif (
                _LIST_ITEM.match(line)
                or _DEFINITION.match(line)
                or not units
                or new_block(units, block, line)
            ):
                units.append([_DEFINITION.sub("", _LIST_ITEM.sub("", line))])
            else:
                units[-1].append(stripped)
    texts = (plain(" ".join(unit)) for unit in units)
    return [end_sentence(text) for text in texts if text]


def new_block(units: list[list[str]], block: str, line: str) -> bool:
    """Whether `line` starts a new paragraph: it is the first line of its block."""
    return block.lstrip("\n").splitlines()[0] == line


def end_sentence(text: str) -> str:
    return text if text[-1] in ".!?:;\"'”)" else f"{text}."


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£€%]+(?:['’][a-z]+)?", text.lower())


def sentences(text: str) -> list[str]:
    """Sentences split at . ! ? followed by a space and a capital, digit or quote."""
    parts = re.split(r"(?<=[.!?])[\"”')]?\s+(?=[A-Z0-9\"“'(£€])", text)
    return [part for part in parts if part.strip()]
