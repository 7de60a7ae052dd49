"""Honest, repeatable feedback on a free-text answer: which key points it covers, and how.

A point is covered when the answer contains one of its keywords or phrases as whole words,
in any case, ignoring punctuation: "ROI," matches `roi`, "£5m" matches `5m`, "one-to-one"
matches `one to one`, "can't promise" matches `cannot promise`. There is no score and no
grade: the learner sees what they covered and what they missed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zavmo_desktop.core.content.models import RubricPoint

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "cannot"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
)
_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, contractions written out, every run of punctuation or space one space,
    padded with a space each side so a phrase matches as whole words with `in`."""
    folded = text.translate(_APOSTROPHES).casefold()
    for pattern, replacement in _CONTRACTIONS:
        folded = pattern.sub(replacement, folded)
    words = _NOT_WORD.sub(" ", folded).strip()
    return f" {words} " if words else ""


@dataclass(frozen=True)
class PointResult:
    point: str
    words: tuple[str, ...]  # the keywords found, as the author wrote them; empty if missed

    @property
    def covered(self) -> bool:
        return bool(self.words)


@dataclass(frozen=True)
class RubricResult:
    points: tuple[PointResult, ...]
    min_points: int

    @property
    def covered(self) -> tuple[PointResult, ...]:
        return tuple(p for p in self.points if p.covered)

    @property
    def missed(self) -> tuple[PointResult, ...]:
        return tuple(p for p in self.points if not p.covered)

    @property
    def enough(self) -> bool:
        """The answer covers at least `min_points` (all of them when fewer exist)."""
        return len(self.covered) >= min(self.min_points, len(self.points))

    def summary(self) -> str:
        """One plain sentence, then one line per point that says covered or missed in words."""
        lines = [f"You covered {len(self.covered)} of {len(self.points)} key points."]
        for point in self.points:
            if point.covered:
                found = ", ".join(f"“{word}”" for word in point.words)
                lines.append(f"✓ Covered: {point.point} (you wrote {found})")
            else:
                lines.append(f"✗ Missed: {point.point}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "points": [{"point": p.point, "words": list(p.words)} for p in self.points],
            "min_points": self.min_points,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RubricResult:
        points = tuple(
            PointResult(str(p["point"]), tuple(str(w) for w in p.get("words", ())))
            for p in data.get("points", ())
        )
        return cls(points, int(data.get("min_points", 1)))


def keyword_found(keyword: str, normalised_answer: str) -> bool:
    phrase = normalise(keyword)
    return bool(phrase) and phrase in normalised_answer


def check_answer(answer: str, rubric: Sequence[RubricPoint], min_points: int = 1) -> RubricResult:
    text = normalise(answer)
    results = []
    for point in rubric:
        found = tuple(dict.fromkeys(k for k in point.keywords if keyword_found(k, text)))
        results.append(PointResult(point.point, found))
    return RubricResult(tuple(results), min_points)
