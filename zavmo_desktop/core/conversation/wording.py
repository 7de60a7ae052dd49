"""Free text as tokens a rubric can match: word stems, numbers, times and negation.

Each token keeps what the learner wrote (`text`) and the `forms` it can match: its Snowball
stem, and for numbers and time words a canonical form ("every three months", "quarterly"
and "each quarter" all have the form `quarterly`) plus a placeholder (`{number}`,
`{period}`, `{duration}`, `{date}`, `{time}`). A token inside a negated clause ("we will
not retrain") knows it, so a rubric can refuse, or require, the negated form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

_STEMMER = snowballstemmer.stemmer("english")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\bshan'?t\b"), "shall not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), ""),  # possessive or "is": neither changes what is meant
)
# A word, a number (with its £, %, m, k or bn), or a break between clauses or sentences.
_PIECE = re.compile(
    r"(?P<num>[£$€]?\d+(?:[.,]\d+)*(?:\s?%|(?:m|k|bn)\b)?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sentence>[.!?]+|\n\s*\n)"
    r"|(?P<clause>[,;:()\u2013\u2014]|\s-\s)"
)
SENTENCE, CLAUSE = "sentence", "clause"

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90, "zero": 0}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
# Time units in days (months as 30) and the adjectives that mean "every <unit>".
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 90, "year": 360}
PERIOD_WORDS = {"daily": 1, "weekly": 7, "fortnightly": 14, "biweekly": 14, "monthly": 30,
                "quarterly": 90, "yearly": 360, "annually": 360, "annual": 360}  # fmt: skip
PERIOD_NAMES = {1: "daily", 7: "weekly", 14: "fortnightly", 30: "monthly", 90: "quarterly",
                180: "half-yearly", 360: "yearly"}  # fmt: skip
MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}  # fmt: skip ("may" only when it names a month)
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
EVERY = {"every", "each", "per"}
RELATIVE = {"next", "this", "last", "coming", "following"}

NEGATIONS = {"not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without",
             "noone", "nowhere"}  # fmt: skip
NOT_NEGATIONS = {("not", "only"), ("not", "just"), ("no", "doubt"), ("no", "matter")}
# Words that end a negation's reach ("we will not cut it, but we will retrain").
SCOPE_ENDS = {"but", "however", "although", "though", "except", "unless", "instead",
              "rather", "whereas", "while", "because", "since", "so", "then", "only"}  # fmt: skip
SUBJECTS = {"i", "we", "you", "they", "he", "she", "it", "there", "this", "that", "our"}
# Irregular verbs Snowball leaves alone ("taught" must meet "teach").
IRREGULAR = {"taught": "teach", "thought": "think", "bought": "buy", "brought": "bring",
             "built": "build", "met": "meet", "ran": "run", "chose": "choose",
             "chosen": "choose", "knew": "know", "known": "know", "spoke": "speak",
             "spoken": "speak", "wrote": "write", "written": "write", "lost": "lose",
             "made": "make", "told": "tell", "said": "say", "saw": "see", "seen": "see",
             "took": "take", "taken": "take", "gave": "give", "given": "give", "went": "go",
             "gone": "go", "got": "get", "kept": "keep", "left": "leave", "led": "lead",
             "broke": "break", "broken": "break", "fell": "fall", "found": "find",
             "held": "hold", "meant": "mean", "sent": "send", "spent": "spend",
             "understood": "understand", "began": "begin", "begun": "begin", "did": "do",
             "done": "do", "was": "be", "were": "be", "been": "be", "is": "be", "are": "be",
             "am": "be", "learnt": "learn", "people": "person", "better": "good",
             "best": "good", "worse": "bad", "worst": "bad", "goes": "go", "undone": "undo",
             "does": "do", "has": "have", "had": "have"}  # fmt: skip


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
    cue: bool = False  # a negation word ("not", "never")
    parts: list[Token] = field(default_factory=list, repr=False)


def fold(text: str) -> str:
    folded = text.translate(_APOSTROPHES).casefold()
    for pattern, replacement in _CONTRACTIONS:
        folded = pattern.sub(replacement, folded)
    return folded


def _word_token(word: str, text: str, sentence: int) -> Token:
    forms = {stem(word)}
    key = stem(word)
    number = float(UNITS[word]) if word in UNITS else None
    if number is not None:
        key = _number_form(number)
        forms |= {key, "{number}"}
    return Token(text, forms, key, sentence, word=word, number=number)


def _number_token(raw: str, sentence: int) -> list[Token]:
    digits = raw.lstrip("£$€").rstrip()
    percent = digits.endswith("%")
    suffix = next((s for s in SUFFIX_SCALES if digits.endswith(s)), "")
    digits = digits.rstrip("%").removesuffix(suffix).strip().replace(",", "")
    try:
        value = float(digits) * SUFFIX_SCALES.get(suffix, 1)
    except ValueError:
        value = 0.0
    key = _number_form(value)
    tokens = [Token(raw, {key, "{number}"}, key, sentence, number=value)]
    if percent:
        tokens.append(Token("%", {"percent"}, "percent", sentence, word="percent"))
    return tokens


def _number_form(value: float) -> str:
    return f"n:{value:g}"


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
            tokens.append(_word_token(piece, piece, sentence))
        elif kind == SENTENCE:
            sentence += 1
            breaks.append((len(tokens), SENTENCE))
        else:
            breaks.append((len(tokens), CLAUSE))
    _restore_may(tokens, text)
    return tokens, breaks


def _restore_may(tokens: list[Token], original: str) -> None:
    """"May" is a month only when written with a capital after "in", "by" and the like."""
    if "May" not in original:
        return
    for index, token in enumerate(tokens[1:], start=1):
        if token.word == "may" and tokens[index - 1].word in {"in", "by", "of", "from", "until"}:
            token.forms |= {"{date}", "{time}"}


def join_numbers(tokens: list[Token]) -> list[Token]:
    """"twenty five" -> 25, "5 million" -> 5000000, "ninety percent" -> 90 %."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.number is None:
            out.append(token)
            index += 1
            continue
        value, end = token.number, index + 1
        while end < len(tokens):
            nxt = tokens[end]
            if nxt.word in SCALES:
                value *= SCALES[nxt.word]
            elif nxt.number is not None and nxt.word in UNITS and value >= 20 and nxt.number < 10:
                value += nxt.number  # twenty five
            else:
                break
            end += 1
        if end == index + 1:
            out.append(token)
        else:
            parts = tokens[index:end]
            out.append(_merged(parts, {_number_form(value), "{number}"}, _number_form(value)))
            out[-1].number = value
        index = end
    for token in out:
        if token.word == "percent":
            token.forms.add("percent")
    return out


def _merged(parts: list[Token], forms: set[str], key: str) -> Token:
    text = " ".join(p.text for p in parts)
    every_form = set(forms)
    for part in parts:
        every_form |= part.forms
    return Token(text, every_form, key, parts[0].sentence, parts=list(parts))


def _unit(token: Token | None) -> int | None:
    if token is None or not token.word:
        return None
    word = token.word.removesuffix("s") if token.word != "days" else "day"
    return UNIT_DAYS.get(word)


def _period(days: float) -> set[str]:
    name = PERIOD_NAMES.get(round(days), f"every {round(days)} days")
    return {name, "{period}", "{time}"}


def join_times(tokens: list[Token]) -> list[Token]:
    """Frequencies, spans and dates become one token each, with a canonical form."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        found = _time_at(tokens, index)
        if found is None:
            token = tokens[index]
            _mark_date(token)
            out.append(token)
            index += 1
            continue
        length, forms, key = found
        merged = _merged(tokens[index : index + length], forms, key)
        # "week 10" is a date, not the number 10 a rubric may ask for
        merged.forms = {f for f in merged.forms if not f.startswith("n:") and f != "{number}"}
        out.append(merged)
        index += length
    return out


def _time_at(tokens: list[Token], i: int) -> tuple[int, set[str], str] | None:
    def at(n: int) -> Token | None:
        return tokens[n] if n < len(tokens) else None

    first = tokens[i]
    word = first.word
    # every quarter, each month, per week, every 3 months, every other week
    if word in EVERY:
        count, step = 1.0, 1
        nxt = at(i + 1)
        if nxt is not None and nxt.number is not None:
            count, step = nxt.number, 2
        elif nxt is not None and nxt.word == "other":
            count, step = 2.0, 2
        unit = _unit(at(i + step))
        if unit is not None:
            forms = _period(count * unit)
            return step + 1, forms, _key(forms)
    # once a month, twice a year, three times a quarter
    times = {"once": 1.0, "twice": 2.0}.get(word)
    start = i + 1
    if times is None and first.number is not None and (at(i + 1) or first).word == "times":
        times, start = first.number, i + 2
    if times:
        article = at(start)
        if article is not None and article.word in {"a", "an", "per", "every", "each"}:
            unit = _unit(at(start + 1))
            if unit is not None:
                forms = _period(unit / times)
                return start + 2 - i, forms, _key(forms)
    # quarterly, monthly, half-yearly, three-monthly
    if word in PERIOD_WORDS:
        forms = _period(PERIOD_WORDS[word])
        return 1, forms, _key(forms)
    nxt = at(i + 1)
    if nxt is not None and nxt.word in PERIOD_WORDS and (first.number or word == "half"):
        days = PERIOD_WORDS[nxt.word] * (first.number or 0.5)
        forms = _period(days)
        return 2, forms, _key(forms)
    # three months, 6 weeks, a quarter, one year
    if first.number is not None or word in {"a", "an"}:
        unit = _unit(nxt)
        if unit is not None and not (word in {"a", "an"} and nxt is not None and nxt.word == "day"):
            count = first.number if first.number is not None else 1.0
            span = f"for {count * unit:g} days"
            return 2, {span, "{duration}", "{time}"}, span
    # next quarter, end of the month, day 45, week 12
    if word in RELATIVE and nxt is not None and _unit(nxt) is not None:
        return 2, {"{date}", "{time}", f"{word} {nxt.key}"}, f"{word} {nxt.key}"
    if _unit(first) is not None and nxt is not None and nxt.number is not None:
        return 2, {"{date}", "{time}", f"{first.key} {nxt.key}"}, f"{first.key} {nxt.key}"
    return None


def _key(forms: set[str]) -> str:
    return next(f for f in sorted(forms) if not f.startswith("{"))


def _mark_date(token: Token) -> None:
    if token.word in MONTHS or token.word in DAYS or re.fullmatch(r"q[1-4]", token.word):
        token.forms |= {"{date}", "{time}"}
    if token.word in {"st", "nd", "rd", "th"}:
        token.forms.add("{date}")


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
            if tokens[index + 1].word in SUBJECTS:
                active = False
        token.negated = active
        following = tokens[index + 1].word if index + 1 < len(tokens) else ""
        if token.word in NEGATIONS and (token.word, following) not in NOT_NEGATIONS:
            token.cue = True
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
