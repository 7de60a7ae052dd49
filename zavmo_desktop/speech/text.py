"""Text to the spans read-aloud works in: words to highlight, sentences, and chunks to synthesise.

Every span is a (start, end) pair of character offsets into the text it came from, so the
UI can highlight the same characters in its document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A word: a run of non-space characters, trimmed of the punctuation around it but
# keeping signs that are spoken ("£5", "15%").
_RUN = re.compile(r"\S+")
_LEADING = re.compile(r"^[^\w£$€#@]+")
_TRAILING = re.compile(r"[^\w%)]+$|\)+$")
# A sentence ends at . ! ? (or …) before a space and a capital, digit or quote, or at a line end.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9£$€])|\n+")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Mrs.", "Ms.", "No.", "approx.")

FIRST_CHUNK_CHARS = 160  # small, so speech starts quickly
CHUNK_CHARS = 600


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def words(text: str) -> list[Span]:
    spans = []
    for match in _RUN.finditer(text):
        run = match.group()
        lead = _LEADING.match(run)
        trail = _TRAILING.search(run)
        start = match.start() + (lead.end() if lead else 0)
        end = match.end() - (len(trail.group()) if trail else 0)
        if end > start:
            spans.append(Span(start, end))
    return spans


def sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ends_with_abbreviation(text, match.start()):
            continue
        _add_trimmed(spans, text, start, match.end())
        start = match.end()
    _add_trimmed(spans, text, start, len(text))
    return spans


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    before = text[max(0, stop - 8) : stop + 1]
    return any(before.endswith(abbreviation) for abbreviation in _ABBREVIATIONS)


def _add_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        first = start + piece.index(stripped[0])
        spans.append(Span(first, first + len(stripped)))


def chunks(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Whole sentences grouped for synthesis: the first chunk is short so that speech starts
    at once; later ones are longer, so there are fewer joins between audio files."""
    end = len(text) if end is None else end
    result: list[Span] = []
    limit = FIRST_CHUNK_CHARS
    for sentence in sentences(text[start:end]):
        span = Span(sentence.start + start, sentence.end + start)
        if result and span.end - result[-1].start <= limit:
            result[-1] = Span(result[-1].start, span.end)
        else:
            if result:
                limit = CHUNK_CHARS
            result.append(span)
    return result


def span_index_at(spans: list[Span], position: int) -> int | None:
    """The index of the span containing `position`, or of the next span after it."""
    starts = [span.start for span in spans]
    index = bisect_right(starts, position) - 1
    if index >= 0 and position < spans[index].end:
        return index
    return index + 1 if index + 1 < len(spans) else None
