"""Numbers and time words as such: "twenty five" is 25, "£5m" is 5 million, and
"every three months", "each quarter" and "quarterly" are one token, `quarterly`."""

from __future__ import annotations

import re

from zavmo_desktop.core.conversation.words import Token, number_form, word_set

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
# "may" is a month only when written as one (see wording._restore_may)
MONTHS = word_set(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
DAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
EVERY = {"every", "each", "per"}
RELATIVE = {"next", "this", "last", "coming", "following"}


def join_numbers(tokens: list[Token]) -> list[Token]:
    """Number words joined: "twenty five" is 25, "5 million" 5000000, "ninety percent" 90 %."""
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
            out.append(_merged(parts, {number_form(value), "{number}"}, number_form(value)))
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
