"""Honest, repeatable feedback on a free-text answer: which key points the app found in it.

A point is found when the answer says one of its `keywords` (a word or phrase, matched on
Snowball stems, so "reports" meets "reporting"), or says one word of each group in
`all_of` in one sentence, and not in a negated clause ("we will not retrain" does not
count). Words in `negated` count only when negated ("I cannot promise"). Numbers and time
words mean what they say ("every three months" is "quarterly"). An answer that only
repeats the question, or only says "I don't know", gets no points. There is no score and
no grade: the learner sees what was found and what a strong answer also includes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from zavmo_desktop.core.content.models import RubricPoint
from zavmo_desktop.core.conversation.wording import tokens
from zavmo_desktop.core.conversation.words import Token

PLACEHOLDERS = ("{number}", "{period}", "{duration}", "{date}", "{time}")
_PLACEHOLDER = re.compile(r"(\{[a-z]+\})")
# Small words a phrase may have between its own words ("cost per each model").
FILLERS = {"a", "an", "the", "our", "my", "your", "their", "its", "his", "her", "this",
           "that", "these", "those", "some", "any", "each", "of"}  # fmt: skip
MAX_FILLERS = 2
# An answer made only of these (after "not", "no") is a kind "I don't know", not a point.
NOT_KNOWING = {"i", "we", "do", "not", "no", "know", "sure", "idea", "clue", "certain",
               "unsure", "sorry", "pass", "yet", "realli", "be", "have", "ani"}  # fmt: skip
COPY_RUN = 3  # words in a row shared with the question that count as copied
COPY_SHARE = 0.75

COPIED, NOT_KNOWN = "copied", "not_known"


@lru_cache(maxsize=4096)
def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The forms each word of an author's phrase must find, placeholders kept."""
    keys: list[str] = []
    for piece in _PLACEHOLDER.split(phrase.casefold()):
        if piece in PLACEHOLDERS:
            keys.append(piece)
        elif piece.strip():
            keys += [token.key for token in tokens(piece)]
    return tuple(keys)


def find(phrase: str, answer: Sequence[Token]) -> list[tuple[int, int]]:
    """Every (start, end) where the phrase's words follow each other in the answer."""
    keys = phrase_keys(phrase)
    spans: list[tuple[int, int]] = []
    if not keys:
        return spans
    for start, token in enumerate(answer):
        if keys[0] not in token.forms:
            continue
        at = start
        for key in keys[1:]:
            at = _next_with(key, answer, at + 1)
            if at < 0:
                break
        else:
            spans.append((start, at + 1))
    return spans


def _next_with(key: str, answer: Sequence[Token], at: int) -> int:
    for index in range(at, min(len(answer), at + MAX_FILLERS + 1)):
        if key in answer[index].forms:
            return index
        if answer[index].word not in FILLERS:
            return -1
    return -1


def _said(answer: Sequence[Token], span: tuple[int, int]) -> str:
    return " ".join(token.text for token in answer[span[0] : span[1]])


def _point_words(point: RubricPoint, answer: Sequence[Token]) -> tuple[str, ...]:
    words: list[str] = []
    for phrase in point.keywords:
        words += [_said(answer, s) for s in find(phrase, answer) if not answer[s[0]].negated]
    for phrase in point.negated:
        words += [_said(answer, s) for s in find(phrase, answer) if answer[s[0]].negated]
    if point.all_of:
        words += _all_of(point.all_of, answer)
    return tuple(dict.fromkeys(words))


def _all_of(groups: Sequence[Sequence[str]], answer: Sequence[Token]) -> list[str]:
    """One phrase of every group, not negated, in the same sentence."""
    found: list[str] = []
    for sentence in sorted({token.sentence for token in answer}):
        chosen: list[str] = []
        for group in groups:
            spans = [
                s
                for phrase in group
                for s in find(phrase, answer)
                if answer[s[0]].sentence == sentence and not answer[s[0]].negated
            ]
            if not spans:
                break
            chosen.append(_said(answer, spans[0]))
        else:
            found += chosen
    return found


def copied_from(answer: Sequence[Token], question: str) -> bool:
    """Most of the answer is runs of words taken in order from the question."""
    words = [token.key for token in answer]
    asked = [token.key for token in tokens(question)]
    if len(words) < COPY_RUN or not asked:
        return False
    runs = {tuple(asked[i : i + COPY_RUN]) for i in range(len(asked) - COPY_RUN + 1)}
    copied = [False] * len(words)
    for i in range(len(words) - COPY_RUN + 1):
        if tuple(words[i : i + COPY_RUN]) in runs:
            copied[i : i + COPY_RUN] = [True] * COPY_RUN
    return sum(copied) >= COPY_SHARE * len(words)


def not_knowing(answer: Sequence[Token]) -> bool:
    return bool(answer) and all(token.key in NOT_KNOWING for token in answer)


@dataclass(frozen=True)
class PointResult:
    point: str
    words: tuple[str, ...]  # what the learner wrote that shows the point; empty if not found

    @property
    def covered(self) -> bool:
        """Found by the app (what the learner says they covered is kept apart)."""
        return bool(self.words)


@dataclass(frozen=True)
class RubricResult:
    points: tuple[PointResult, ...]
    min_points: int
    note: str = ""  # COPIED or NOT_KNOWN when the answer could not be checked

    @property
    def covered(self) -> tuple[PointResult, ...]:
        return tuple(p for p in self.points if p.covered)

    @property
    def missed(self) -> tuple[PointResult, ...]:
        return tuple(p for p in self.points if not p.covered)

    @property
    def enough(self) -> bool:
        """The app found at least `min_points` (all of them when fewer exist)."""
        return len(self.covered) >= min(self.min_points, len(self.points))

    @property
    def complete(self) -> bool:
        return not self.missed

    def summary(self) -> str:
        """Calm words: what was found (with the learner's words), what a strong answer
        also includes, and an invitation to try again. One total, no crosses, no grade."""
        found, missing = self.covered, self.missed
        total = len(self.points)
        if self.note == COPIED:
            lines = ["Your answer repeats the question, so there is nothing to check yet."]
        elif self.note == NOT_KNOWN:
            lines = ["Not knowing yet is fine: this is practice."]
        elif not found:
            lines = [
                f"The app did not find the {total} key points in these words. A good answer "
                "in other words can happen: the app only looks for certain words."
            ]
        elif not missing:
            lines = [f"The app found all {total} key points in your answer:"]
        else:
            lines = [f"The app found {len(found)} of {total} key points in your answer:"]
        lines += [f"• {p.point} (you wrote “{'”, “'.join(p.words)}”)" for p in found]
        if missing:
            lines.append("A strong answer also includes:" if found else "A strong answer includes:")
            lines += [f"• {p.point}" for p in missing]
            lines.append("You can add to your answer and try again, or carry on.")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "points": [{"point": p.point, "words": list(p.words)} for p in self.points],
            "min_points": self.min_points,
        }
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RubricResult:
        points = tuple(
            PointResult(str(p["point"]), tuple(str(w) for w in p.get("words", ())))
            for p in data.get("points", ())
        )
        return cls(points, int(data.get("min_points", 1)), str(data.get("note", "")))


def check_answer(
    answer: str, rubric: Sequence[RubricPoint], min_points: int = 1, question: str = ""
) -> RubricResult:
    """What the app finds in `answer`; `question` is what was asked, to spot a copy of it."""
    said = tokens(answer)
    note = ""
    if question and copied_from(said, question):
        note = COPIED
    elif not_knowing(said):
        note = NOT_KNOWN
    results = tuple(PointResult(p.point, () if note else _point_words(p, said)) for p in rubric)
    return RubricResult(results, min_points, note)
