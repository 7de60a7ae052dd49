"""Real espeak-ng synthesis: a WAV, and word times that are in order, inside the audio and on
the words that were written."""

from __future__ import annotations

import io
import wave

import pytest

from zavmo_desktop.speech.espeak import Espeak
from zavmo_desktop.speech.text import Span, chunks, words
from zavmo_desktop.speech.utterance import synthesise_span

PARAGRAPH = (
    "Last year machine learning added £1.2 million in revenue and saved 300,000 pounds on "
    "fraud reviews. Adoption of the platform reached 93%, e.g. 14 of 15 new models. "
    "Next quarter we report the same four numbers, in the same order."
)


@pytest.fixture(scope="module")
def espeak() -> Espeak:
    return Espeak.shared()


def test_the_wav_holds_the_whole_synthesis(espeak: Espeak) -> None:
    utterance = synthesise_span(espeak, PARAGRAPH, Span(0, len(PARAGRAPH)))
    with wave.open(io.BytesIO(utterance.wav)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
        assert audio.getnchannels() == 1
        assert audio.getsampwidth() == 2
    assert seconds == pytest.approx(utterance.duration_ms / 1000, abs=0.01)
    assert 6 < seconds < 20  # about 35 words at 175 words a minute


def test_word_times_are_in_order_inside_the_audio_and_on_written_words(espeak: Espeak) -> None:
    utterance = synthesise_span(espeak, PARAGRAPH, Span(0, len(PARAGRAPH)))
    written = [(w.start, w.end) for w in words(PARAGRAPH)]
    times = [w.ms for w in utterance.words]
    assert times == sorted(times)
    assert times[0] < 300
    assert all(0 <= ms < utterance.duration_ms for ms in times)
    assert all((w.start, w.end) in written for w in utterance.words)
    starts = [w.start for w in utterance.words]
    assert starts == sorted(set(starts))
    assert len(utterance.words) >= 0.9 * len(written)


def test_each_word_is_heard_later_the_further_it_is_into_the_text(espeak: Espeak) -> None:
    # Words spread evenly in time: the middle word is heard near the middle of the audio.
    text = " ".join(["planning"] * 40)
    utterance = synthesise_span(espeak, text, Span(0, len(text)))
    middle = utterance.words[20].ms
    assert 0.4 < middle / utterance.duration_ms < 0.6


def test_sentences_start_with_their_first_word(espeak: Espeak) -> None:
    utterance = synthesise_span(espeak, PARAGRAPH, Span(0, len(PARAGRAPH)))
    assert [PARAGRAPH[s.start : s.start + 4] for s in utterance.sentences] == [
        "Last",
        "Adop",
        "Next",
    ]
    word_ms = {w.start: w.ms for w in utterance.words}
    assert all(s.ms == word_ms[s.start] for s in utterance.sentences)


def test_a_chunk_reports_offsets_in_the_whole_text(espeak: Espeak) -> None:
    spans = chunks(PARAGRAPH)
    last = synthesise_span(espeak, PARAGRAPH, spans[-1])
    assert PARAGRAPH[last.words[-1].start : last.words[-1].end] == "order"


def test_faster_speech_is_shorter(espeak: Espeak) -> None:
    normal = synthesise_span(espeak, PARAGRAPH, Span(0, len(PARAGRAPH)), speed_percent=100)
    fast = synthesise_span(espeak, PARAGRAPH, Span(0, len(PARAGRAPH)), speed_percent=200)
    slow = synthesise_span(espeak, PARAGRAPH, Span(0, len(PARAGRAPH)), speed_percent=50)
    assert fast.duration_ms < 0.65 * normal.duration_ms
    assert slow.duration_ms > 1.4 * normal.duration_ms


def test_the_installed_english_voices_are_listed_and_an_unknown_one_still_speaks(
    espeak: Espeak,
) -> None:
    voices = {v.identifier: v for v in espeak.voices()}
    assert voices["gmw/en-US"].language == "en-us"
    assert voices["gmw/en"].name == "English (Great Britain)"
    missing = synthesise_span(espeak, "Schedule", Span(0, 8), voice="no/such-voice")
    assert missing.duration_ms > 300 and missing.words


def test_cancelling_stops_synthesis_early(espeak: Espeak) -> None:
    text = PARAGRAPH * 20
    whole = synthesise_span(espeak, text, Span(0, len(text)))
    stopped = synthesise_span(espeak, text, Span(0, len(text)), cancelled=lambda: True)
    assert stopped.cancelled
    assert stopped.duration_ms < whole.duration_ms / 5
