"""Splitting text into the words, sentences and chunks read-aloud highlights and synthesises."""

from __future__ import annotations

from itertools import pairwise

from zavmo_desktop.speech.text import FIRST_CHUNK_CHARS, chunks, sentences, span_index_at, words


def texts(text: str, spans: list) -> list[str]:
    return [span.of(text) for span in spans]


def test_words_drop_surrounding_punctuation_but_keep_spoken_signs() -> None:
    text = '"Value," she said: £1.2m (up 15%) - adoption\'s target.'
    assert texts(text, words(text)) == [
        "Value", "she", "said", "£1.2m", "up", "15%", "adoption's", "target"
    ]  # fmt: skip


def test_sentences_split_at_full_stops_and_lines_not_abbreviations_or_decimals() -> None:
    text = "Costs fell 1.5% this year. Adoption, e.g. in Fraud, rose!\nNext steps\n\nShip it? Yes."
    assert texts(text, sentences(text)) == [
        "Costs fell 1.5% this year.",
        "Adoption, e.g. in Fraud, rose!",
        "Next steps",
        "Ship it?",
        "Yes.",
    ]


def test_chunks_cover_every_sentence_in_order_and_the_first_is_short() -> None:
    text = " ".join(f"Sentence number {n} says a few more words than before." for n in range(40))
    spans = chunks(text)
    assert spans[0].end - spans[0].start <= FIRST_CHUNK_CHARS
    assert len(spans) > 2
    assert " ".join(texts(text, spans)) == text
    assert all(a.end < b.start for a, b in pairwise(spans))


def test_chunks_of_a_range_keep_offsets_in_the_whole_text() -> None:
    text = "Before. The part to read. After."
    spans = chunks(text, 8, 25)
    assert texts(text, spans) == ["The part to read."]


def test_a_position_between_words_belongs_to_the_next_word() -> None:
    text = "one  two"
    spans = words(text)
    assert span_index_at(spans, 0) == 0
    assert span_index_at(spans, 3) == 1
    assert span_index_at(spans, 8) is None
