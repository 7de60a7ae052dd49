"""One synthesised chunk of text: its WAV and when each of its words and sentences is heard.

espeak reports a word event wherever it starts a spoken token, which does not always match
a written word ("300,000" gives two events, "e.g." one at a space). Each event is therefore
pinned to the written word that contains it, and the times are kept in order, so the
highlight only ever moves forwards through whole words.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Callable
from dataclasses import dataclass

from zavmo_desktop.speech.espeak import Espeak, RawSpeech
from zavmo_desktop.speech.text import Span, sentences, span_index_at, words


@dataclass(frozen=True)
class Timed:
    """A span of the whole text, heard from `ms` into its utterance's audio."""

    start: int
    end: int
    ms: int


@dataclass(frozen=True)
class Utterance:
    span: Span  # where the chunk sits in the whole text
    wav: bytes
    duration_ms: int
    words: tuple[Timed, ...]
    sentences: tuple[Timed, ...]
    cancelled: bool = False

    def word_at(self, ms: int) -> Timed | None:
        return _last_started(self.words, ms)

    def sentence_at(self, ms: int) -> Timed | None:
        return _last_started(self.sentences, ms)


def _last_started(timed: tuple[Timed, ...], ms: int) -> Timed | None:
    current = None
    for item in timed:
        if item.ms > ms:
            break
        current = item
    return current


def wav_bytes(samples: bytes, sample_rate: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(samples)
    return buffer.getvalue()


def timed_words(text: str, raw: RawSpeech) -> list[Timed]:
    """The written words of `text`, each at the time espeak first reached it."""
    spans = words(text)
    timed: list[Timed] = []
    last_index = -1
    for event in raw.events:
        if event.kind != "word":
            continue
        index = span_index_at(spans, event.position)
        if index is None or index <= last_index:
            continue
        ms = max(event.ms, timed[-1].ms if timed else 0)
        timed.append(Timed(spans[index].start, spans[index].end, ms))
        last_index = index
    return timed


def timed_sentences(text: str, word_times: list[Timed]) -> list[Timed]:
    """Each sentence starts being heard with its first timed word."""
    timed = []
    for sentence in sentences(text):
        first = next((w for w in word_times if sentence.start <= w.start < sentence.end), None)
        if first is not None:
            timed.append(Timed(sentence.start, sentence.end, first.ms))
    return timed


def synthesise_span(
    espeak: Espeak,
    text: str,
    span: Span,
    voice: str = "",
    speed_percent: int = 100,
    cancelled: Callable[[], bool] = lambda: False,
) -> Utterance:
    """Synthesise text[span] and give its times in the whole text's character offsets."""
    piece = span.of(text)
    raw = espeak.synthesise(piece, voice, speed_percent, cancelled)
    word_times = timed_words(piece, raw)
    sentence_times = timed_sentences(piece, word_times)
    return Utterance(
        span=span,
        wav=wav_bytes(raw.samples, raw.sample_rate),
        duration_ms=raw.duration_ms,
        words=tuple(_shifted(t, span.start) for t in word_times),
        sentences=tuple(_shifted(t, span.start) for t in sentence_times),
        cancelled=raw.cancelled,
    )


def _shifted(timed: Timed, offset: int) -> Timed:
    return Timed(timed.start + offset, timed.end + offset, timed.ms)
