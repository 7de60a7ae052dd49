"""An item's outcome in words, the app's result and the learner's claim kept apart.

The portfolio shows them under separate headings, so a reader never takes what a learner
says they covered for something the app checked (docs/portfolio.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

LEARNER_KEYS = frozenset({"learner_claimed"})
_SHOWN_ELSEWHERE = frozenset({"threshold", "why"})


def result_words(met: bool | None) -> str:
    if met is None:
        return "Some evidence: no threshold applies to this kind of item"
    return "Met the author's threshold" if met else "Not yet met the author's threshold"


def app_result(outcome: Mapping[str, Any]) -> list[str]:
    """What the app found, one sentence a line, starting with the threshold (the result
    itself is result_words)."""
    threshold = outcome.get("threshold")
    lines = [f"Threshold: {threshold}." if threshold else _no_threshold(outcome)]
    for key, value in outcome.items():
        if key in _SHOWN_ELSEWHERE or key in LEARNER_KEYS:
            continue
        line = _fact(key, value, outcome)
        if line:
            lines.append(line)
    return lines


def learner_claim(outcome: Mapping[str, Any]) -> list[str]:
    claimed = _texts(outcome.get("learner_claimed", ()))
    return [f"The learner says they covered: {'; '.join(claimed)}."] if claimed else []


def _no_threshold(outcome: Mapping[str, Any]) -> str:
    why = outcome.get("why")
    return f"No threshold ({why})." if why else "No threshold."


def _fact(key: str, value: Any, outcome: Mapping[str, Any]) -> str:
    if key == "words":
        return f"{value} words written."
    if key == "done":
        return "Ticked as done." if value else "Not ticked."
    if key == "right_first_time":
        return f"{value} of {outcome.get('questions', '?')} questions right first time."
    if key == "questions":
        return ""  # said with right_first_time
    if key == "app_found":
        found = _texts(value)
        return f"The app found: {'; '.join(found)}." if found else "The app found no key point."
    if key == "app_did_not_find":
        missing = _texts(value)
        return f"The app did not find: {'; '.join(missing)}." if missing else ""
    if key == "stages":
        stages = _texts(value)
        return f"GROW stages covered: {', '.join(stages) or 'none'}."
    if key == "reviews":
        return f"Reviewed {value} times."
    if key == "ratings":
        return ""  # the number of reviews says enough
    if key == "self_rating":
        return f"Self-rating: {value}." if value else ""
    if key == "scenario_levels":
        return f"Scenario answers given: {len(value)}." if value else ""
    return f"{key.replace('_', ' ').capitalize()}: {_plain(value)}."


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Sequence):
        return [str(v) for v in value if str(v)]
    return []


def _plain(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)
