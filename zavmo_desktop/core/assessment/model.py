"""One competency's answers, and the documented rule that combines them (docs/assessment.md).

Levels are numbered 1 (the framework's lowest) to N. A self-rating and the scenario answers
are always kept side by side; when they differ, the result is the lower one and the
difference is flagged in words, never hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zavmo_desktop.core.content.models import Competency, Framework

NOT_SURE = "not_sure"
MAX_EVIDENCE_CHARS = 500


@dataclass(frozen=True)
class CompetencyAnswer:
    """What the learner said for one competency in one round."""

    competency_id: str
    self_rating: str | None = None  # a level id, NOT_SURE, or None while not yet asked
    scenario_levels: dict[str, str] = field(default_factory=dict)  # scenario id -> level id
    evidence: str = ""


@dataclass(frozen=True)
class Rated:
    """The answers for one competency and what they add up to, with both sides kept."""

    competency_id: str
    answered: bool  # the self-rating question has been answered (a level or "not sure")
    self_level: int | None  # 1..N; None for "not sure" or not answered
    scenario_levels: tuple[int, ...]  # each answered scenario's level, in the pack's order
    suggested: int | None  # what the scenarios suggest (the lowest of them)
    result: int | None  # the level the plan starts from; None when not known
    disagreement: bool
    explanation: str
    evidence: str = ""


def clean_evidence(text: str) -> str:
    """One line of evidence: line breaks become spaces; too long is refused, not cut."""
    line = " ".join(text.split())
    if len(line) > MAX_EVIDENCE_CHARS:
        raise ValueError(
            f"The evidence is {len(line)} characters; keep it to {MAX_EVIDENCE_CHARS} or fewer."
        )
    return line


def level_number(framework: Framework, level_id: str | None) -> int | None:
    """1 for the lowest level; None for "not sure", nothing, or a level the pack lost."""
    for number, level in enumerate(framework.levels, start=1):
        if level.id == level_id:
            return number
    return None


def level_name(framework: Framework, number: int | None) -> str:
    if number is None or not 1 <= number <= len(framework.levels):
        return "not known yet"
    return framework.levels[number - 1].name


def rate(framework: Framework, competency: Competency, answer: CompetencyAnswer | None) -> Rated:
    answer = answer or CompetencyAnswer(competency.id)
    own = level_number(framework, answer.self_rating)
    by_scenario = tuple(
        number
        for scenario in competency.scenarios
        if (number := level_number(framework, answer.scenario_levels.get(scenario.id))) is not None
    )
    suggested = min(by_scenario) if by_scenario else None
    known = [n for n in (own, suggested) if n is not None]
    result = min(known) if known else None
    differ = len(set(by_scenario)) > 1 or (
        own is not None and suggested is not None and own != suggested
    )
    words = _explain(framework, competency, answer, own, by_scenario, result)
    return Rated(
        competency.id,
        answer.self_rating is not None,
        own,
        by_scenario,
        suggested,
        result,
        differ,
        words,
        answer.evidence,
    )


def _explain(
    framework: Framework,
    competency: Competency,
    answer: CompetencyAnswer,
    own: int | None,
    by_scenario: tuple[int, ...],
    result: int | None,
) -> str:
    def name(number: int | None) -> str:
        return level_name(framework, number)

    if answer.self_rating is None and not by_scenario:
        return "Not assessed yet."
    said = f"You rated yourself {name(own)}." if own is not None else "You were not sure."
    if not by_scenario:
        if not competency.scenarios:
            return said if own is not None else "You were not sure, so it is not known yet."
        return f"{said} No scenario question answered yet."
    if len(set(by_scenario)) > 1:
        scenarios = f"Your scenario answers point to {' and '.join(map(name, by_scenario))}."
    else:
        scenarios = f"Your scenario answers suggest {name(by_scenario[0])}."
    if own is not None and own == by_scenario[0] and len(set(by_scenario)) == 1:
        return f"Your rating and your scenario answers agree: {name(own)}."
    if own is None and len(set(by_scenario)) == 1:
        return f"{said} {scenarios}"
    every = [*by_scenario, *([own] if own is not None else [])]
    spread = max(every) - min(every)
    levels = "1 level" if spread == 1 else f"{spread} levels"
    return (
        f"{said} {scenarios} They differ by {levels}, so your plan starts from the lower, "
        f"{name(result)}. You can change any answer."
    )
