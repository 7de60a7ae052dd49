"""Words as the glossary compares them: case and accents folded, then Snowball stems."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from zavmo_desktop.core.conversation.words import stem

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: "Régime" and "regime" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class Word:
    start: int  # where it is in the text it came from
    end: int
    folded: str
    stem: str


def words(text: str) -> list[Word]:
    """Each word of `text` with its place. Folding keeps a character a character
    (NFKD then dropping the marks), so the places hold for the original text."""
    return [
        Word(m.start(), m.end(), folded, _stem(folded))
        for m in _WORD.finditer(text)
        for folded in (fold(m.group()),)
    ]


@lru_cache(maxsize=20_000)
def _stem(folded: str) -> str:
    return stem(folded)


def stems(text: str) -> tuple[str, ...]:
    return tuple(word.stem for word in words(text))
