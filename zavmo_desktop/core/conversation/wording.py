"""Free text as tokens a rubric can match: word stems, numbers, times and negation.

Each token keeps what the learner wrote (`text`) and the `forms` it can match: its Snowball
stem, and for numbers and time words a canonical form ("every three months", "quarterly"
and "each quarter" all have the form `quarterly`) plus a placeholder (`{number}`,
`{period}`, `{duration}`, `{date}`, `{time}`). A token inside a negated clause ("we will
not retrain") knows it, so a rubric can refuse, or require, the negated form.
"""

from __future__ import annotations

import re

from zavmo_desktop.core.conversation.times import SUFFIX_SCALES, UNITS, join_numbers, join_times
from zavmo_desktop.core.conversation.words import Token, number_form, stem, word_set

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b", re.IGNORECASE), "can not"),
    (re.compile(r"\bcannot\b", re.IGNORECASE), "can not"),
    (re.compile(r"\bwon'?t\b", re.IGNORECASE), "will not"),
    (re.compile(r"\bshan'?t\b", re.IGNORECASE), "shall not"),
    (re.compile(r"n't\b", re.IGNORECASE), " not"),
    (re.compile(r"'ll\b", re.IGNORECASE), " will"),
    (re.compile(r"'re\b", re.IGNORECASE), " are"),
    (re.compile(r"'m\b", re.IGNORECASE), " am"),
    (re.compile(r"'ve\b", re.IGNORECASE), " have"),
    (re.compile(r"'d\b", re.IGNORECASE), " would"),
    (re.compile(r"'s\b", re.IGNORECASE), ""),  # possessive or "is": neither changes what is meant
)
# A word, a number (with its £, %, m, k or bn), or a break between clauses or sentences.
_PIECE = re.compile(
    r"(?P<num>[£$€]?\d+(?:[.,]\d+)*(?:\s?%|(?:m|k|bn)\b)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sentence>[.!?]+|\n\s*\n)"
    r"|(?P<clause>[,;:()\u2013\u2014]|\s-\s)",
    re.IGNORECASE,
)
SENTENCE, CLAUSE = "sentence", "clause"

NEGATIONS = word_set("not no never nobody none nothing neither nor without noone nowhere")
NOT_NEGATIONS = {("not", "only"), ("not", "just"), ("no", "doubt"), ("no", "matter")}
# Words that end a negation's reach ("we will not cut it, but we will retrain").
SCOPE_ENDS = word_set(
    "but however although though except unless instead rather whereas while because since so "
    "then only"
)
SUBJECTS = word_set("i we you they he she it there this that our")


def fold(text: str) -> str:
    """Contractions written out and apostrophes made plain; the case is kept for showing."""
    folded = text.translate(_APOSTROPHES)
    for pattern, replacement in _CONTRACTIONS:
        folded = pattern.sub(replacement, folded)
    return folded


def _word_token(word: str, text: str, sentence: int) -> Token:
    forms = {stem(word)}
    key = stem(word)
    number = float(UNITS[word]) if word in UNITS else None
    if number is not None:
        key = number_form(number)
        forms |= {key, "{number}"}
    return Token(text, forms, key, sentence, word=word, number=number)


def _number_token(raw: str, sentence: int) -> list[Token]:
    digits = raw.casefold().lstrip("£$€").rstrip()
    percent = digits.endswith("%")
    suffix = next((s for s in SUFFIX_SCALES if digits.endswith(s)), "")
    digits = digits.rstrip("%").removesuffix(suffix).strip().replace(",", "")
    try:
        value = float(digits) * SUFFIX_SCALES.get(suffix, 1)
    except ValueError:
        value = 0.0
    key = number_form(value)
    tokens = [Token(raw, {key, "{number}"}, key, sentence, number=value)]
    if percent:
        tokens.append(Token("%", {"percent"}, "percent", sentence, word="percent"))
    return tokens


def raw_tokens(text: str) -> tuple[list[Token], list[tuple[int, str]]]:
    """Tokens before numbers and times are joined, and where clauses break (index, kind)."""
    tokens: list[Token] = []
    breaks: list[tuple[int, str]] = []
    sentence = 0
    for match in _PIECE.finditer(fold(text)):
        kind = match.lastgroup
        piece = match.group()
        if kind == "num":
            tokens += _number_token(piece, sentence)
        elif kind == "word":
            tokens.append(_word_token(piece.casefold(), piece, sentence))
        elif kind == SENTENCE:
            sentence += 1
            breaks.append((len(tokens), SENTENCE))
        else:
            breaks.append((len(tokens), CLAUSE))
    _restore_may(tokens)
    return tokens, breaks


def _restore_may(tokens: list[Token]) -> None:
    """ "May" is a month only when written with a capital after "in", "by" and the like."""
    for index, token in enumerate(tokens[1:], start=1):
        if token.text == "May" and tokens[index - 1].word in {"in", "by", "of", "from", "until"}:
            token.forms |= {"{date}", "{time}"}


def mark_negation(tokens: list[Token], breaks: list[tuple[int, str]]) -> None:
    """A token after "not", "no", "never" ... in the same clause is negated."""
    clause_starts = {index for index, _ in breaks}
    active = False
    for index, token in enumerate(tokens):
        if index in clause_starts:
            active = False
        if token.word in SCOPE_ENDS:
            active = False
        elif token.word in {"and", "or"} and index + 1 < len(tokens):
            active = active and tokens[index + 1].word not in SUBJECTS
        token.negated = active
        following = tokens[index + 1].word if index + 1 < len(tokens) else ""
        if token.word in NEGATIONS and (token.word, following) not in NOT_NEGATIONS:
            active = True


def _raw_length(token: Token) -> int:
    return sum(_raw_length(part) for part in token.parts) or 1


def tokens(text: str) -> list[Token]:
    """The text as matchable tokens, numbers and times joined, negation marked."""
    raw, breaks = raw_tokens(text)
    joined = join_times(join_numbers(raw))
    # Breaks were counted in raw tokens: find where each falls among the joined ones.
    positions: list[tuple[int, str]] = []
    raw_index = 0
    break_iter = iter(breaks)
    pending = next(break_iter, None)
    for index, token in enumerate(joined):
        while pending is not None and pending[0] <= raw_index:
            positions.append((index, pending[1]))
            pending = next(break_iter, None)
        raw_index += _raw_length(token)
    mark_negation(joined, positions)
    return joined
