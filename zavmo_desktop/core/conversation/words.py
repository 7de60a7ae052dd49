"""One word of a learner's answer as the rubric matcher sees it, and its Snowball stem."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]

_STEMMER = Stemmer.Stemmer("english")  # PyStemmer: Snowball in C, ~1 ms to import

# Irregular forms Snowball leaves alone ("taught" must meet "teach").
_IRREGULAR_PAIRS = (
    "taught:teach thought:think bought:buy brought:bring built:build met:meet ran:run "
    "chose:choose chosen:choose knew:know known:know spoke:speak spoken:speak "
    "wrote:write written:write lost:lose made:make told:tell said:say saw:see "
    "seen:see took:take taken:take gave:give given:give went:go gone:go got:get "
    "kept:keep left:leave led:lead broke:break broken:break fell:fall found:find "
    "held:hold meant:mean sent:send spent:spend understood:understand began:begin "
    "begun:begin did:do done:do was:be were:be been:be is:be are:be am:be "
    "learnt:learn people:person better:good best:good worse:bad worst:bad goes:go "
    "undone:undo does:do has:have had:have"
)
IRREGULAR = dict(pair.split(":") for pair in _IRREGULAR_PAIRS.split())


def word_set(words: str) -> set[str]:
    """A set of words written as one string, so long lists stay readable."""
    return set(words.split())


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    word = IRREGULAR.get(word, word)
    return str(_STEMMER.stemWord(word))


@dataclass
class Token:
    text: str  # the learner's own words, for "you wrote ..."
    forms: set[str]
    key: str  # the most specific form: what a rubric's own word must find
    sentence: int = 0
    negated: bool = False
    word: str = ""  # the lower-case word, for the rules below; empty for numbers and times
    number: float | None = None
    parts: list[Token] = field(default_factory=list, repr=False)


def number_form(value: float) -> str:
    return f"n:{value:g}"
