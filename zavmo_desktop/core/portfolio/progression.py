"""The career progression score (0-100) and progress over time (docs/progression-score.md).

The score adds three parts, each a share from 0 to 1 times its weight:
levels against targets, criteria evidenced, and pathway modules finished. A part with
nothing to measure (no pathway, say) is left out and its weight shared among the others,
so the score still runs to 100; the breakdown says so in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from zavmo_desktop.core.assessment.model import CompetencyAnswer, level_number, rate
from zavmo_desktop.core.content.models import Competency, Framework
from zavmo_desktop.core.pathway.model import Plan, StepKind
from zavmo_desktop.core.portfolio.readiness import readiness
from zavmo_desktop.core.portfolio.status import CriterionState

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.storage.assessments import AssessmentRepository

LEVELS_WEIGHT = 0.4
CRITERIA_WEIGHT = 0.4
PATHWAY_WEIGHT = 0.2


@dataclass(frozen=True)
class ScorePart:
    name: str
    weight: float  # as designed: 0.4, 0.4, 0.2
    value: float | None  # 0..1; None when there is nothing to measure
    detail: str  # the figures behind the value, in words
    used_weight: float = 0.0  # after a left-out part's weight is shared out

    @property
    def points(self) -> float:
        """What this part adds to the score, to one decimal place."""
        return _round(100 * self.used_weight * (self.value or 0.0), 1)


@dataclass(frozen=True)
class Progression:
    parts: tuple[ScorePart, ...]

    @property
    def score(self) -> int:
        """The parts' points added up, rounded half up: the figures shown add up to it."""
        return int(_round(sum(part.points for part in self.parts), 0))

    def explanation(self) -> list[str]:
        """ "Why this number?" in plain words: each part, its weight, its value, the sum."""
        lines = []
        for part in self.parts:
            if part.value is None:
                lines.append(f"{part.name}: not counted, {part.detail}")
                continue
            shared = (
                f" (designed as {_percent(part.weight)}, more while a part is not counted)"
                if not math.isclose(part.used_weight, part.weight)
                else ""
            )
            lines.append(
                f"{part.name}: weight {_percent(part.used_weight)}{shared}, value "
                f"{_percent(part.value)} ({part.detail}), so {_number(part.points)} points."
            )
        counted = [p for p in self.parts if p.value is not None]
        sums = " + ".join(_number(p.points) for p in counted) or "0"
        lines.append(f"Score: {sums} = {self.score} out of 100.")
        return lines


@dataclass(frozen=True)
class TimePoint:
    """One assessment round's result, for the "Progress over time" chart and its table."""

    day: date
    round_id: int
    assessed: int  # competencies with a known level
    at_target: int  # of all competencies, those at or above target
    total: int  # competencies in the framework
    mean_gap: float | None  # levels still to go, averaged over the assessed ones

    @property
    def share_at_target(self) -> float:
        return self.at_target / self.total if self.total else 0.0


def progression(
    framework: Framework,
    answers: Mapping[str, CompetencyAnswer],
    states: Mapping[str, CriterionState],
    plan: Plan | None,
    done_parts: frozenset[str] = frozenset(),
    completed_modules: frozenset[str] = frozenset(),
) -> Progression:
    """The score from the latest answers, the criterion states and the current plan."""
    parts = (
        _levels_part(framework, answers),
        _criteria_part(framework, states),
        _pathway_part(plan, done_parts, completed_modules),
    )
    counted = sum(p.weight for p in parts if p.value is not None)
    return Progression(
        tuple(
            ScorePart(
                p.name,
                p.weight,
                p.value,
                p.detail,
                p.weight / counted if counted and p.value is not None else 0.0,
            )
            for p in parts
        )
    )


def competencies(framework: Framework) -> list[Competency]:
    return [c for area in framework.areas for c in area.competencies]


def target_of(framework: Framework, competency: Competency) -> int:
    """The target level's number; a target the pack lost counts as the top level."""
    return level_number(framework, competency.target_level) or len(framework.levels)


def _levels_part(framework: Framework, answers: Mapping[str, CompetencyAnswer]) -> ScorePart:
    name = "Levels against targets"
    every = competencies(framework)
    if not every:
        return ScorePart(name, LEVELS_WEIGHT, None, "the framework has no competencies.")
    credit = 0.0
    at_target = assessed = 0
    for competency in every:
        target = target_of(framework, competency)
        level = rate(framework, competency, answers.get(competency.id)).result
        if level is None:
            continue  # not assessed: no credit yet
        assessed += 1
        at_target += level >= target
        credit += min(level, target) / target
    detail = (
        f"{at_target} of {len(every)} competencies at or above target; "
        f"a level below target counts as its share of the target"
    )
    if assessed < len(every):
        detail += f"; {len(every) - assessed} not assessed yet count 0"
    return ScorePart(name, LEVELS_WEIGHT, credit / len(every), detail)


def _criteria_part(framework: Framework, states: Mapping[str, CriterionState]) -> ScorePart:
    name = "Criteria evidenced"
    _, overall = readiness(framework, states)
    if not overall.total:
        return ScorePart(name, CRITERIA_WEIGHT, None, "the framework has no criteria.")
    detail = f"{overall.evidenced} of {overall.total} criteria evidenced or verified"
    return ScorePart(name, CRITERIA_WEIGHT, overall.share, detail)


def planned_modules(plan: Plan) -> dict[str, list[str]]:
    """Each module in the plan with the keys of its parts, in the plan's order."""
    found: dict[str, list[str]] = {}
    for part in plan.parts:
        if part.kind is StepKind.MODULE and part.module_id:
            found.setdefault(part.module_id, []).append(part.key)
    return found


def _pathway_part(
    plan: Plan | None, done_parts: frozenset[str], completed_modules: frozenset[str]
) -> ScorePart:
    name = "Pathway modules finished"
    if plan is None:
        return ScorePart(name, PATHWAY_WEIGHT, None, "you have no pathway yet.")
    modules = planned_modules(plan)
    if not modules:
        return ScorePart(name, PATHWAY_WEIGHT, None, "your pathway has no modules to study.")
    finished = sum(
        1
        for module_id, keys in modules.items()
        if module_id in completed_modules or all(key in done_parts for key in keys)
    )
    detail = f"{finished} of {len(modules)} modules in your pathway finished"
    return ScorePart(name, PATHWAY_WEIGHT, finished / len(modules), detail)


def time_point(
    framework: Framework, day: date, round_id: int, answers: Mapping[str, CompetencyAnswer]
) -> TimePoint:
    every = competencies(framework)
    gaps: list[int] = []
    at_target = 0
    for competency in every:
        level = rate(framework, competency, answers.get(competency.id)).result
        if level is None:
            continue
        gap = max(0, target_of(framework, competency) - level)
        gaps.append(gap)
        at_target += gap == 0
    mean_gap = sum(gaps) / len(gaps) if gaps else None
    return TimePoint(day, round_id, len(gaps), at_target, len(every), mean_gap)


def progress_over_time(
    framework: Framework, rounds: Sequence[tuple[int, date, Mapping[str, CompetencyAnswer]]]
) -> list[TimePoint]:
    """One point per round (id, day, answers), oldest first; a round in which no
    competency's level is known yet is left out: it has nothing to show."""
    points = [time_point(framework, day, round_id, answers) for round_id, day, answers in rounds]
    return sorted((p for p in points if p.assessed), key=lambda p: (p.day, p.round_id))


def stored_rounds(
    assessments: AssessmentRepository, pack_id: str
) -> list[tuple[int, date, Mapping[str, CompetencyAnswer]]]:
    """Every round of the pack with its answers, dated when finished (else last changed)."""
    return [
        (r.id, date.fromisoformat((r.finished_at or r.updated_at)[:10]), assessments.answers(r.id))
        for r in assessments.rounds(pack_id)
    ]


def pack_id_of(learner: Learner, framework: Framework) -> str:
    """The id of the installed pack the framework came from ("" when none is)."""
    packs = learner.library.packs
    same = [p for p in packs if p.framework is framework] or [
        p
        for p in packs
        if p.framework == framework  # a copy of it, loaded again
    ]
    return same[0].manifest.id if same else ""


def progression_of(learner: Learner, framework: Framework) -> Progression:
    """The score from what the learner has stored: the latest round, the portfolio, the
    current plan and its ticked parts, and the modules marked complete."""
    latest = learner.assessments.latest(pack_id_of(learner, framework))
    answers = learner.assessments.answers(latest.id) if latest else {}
    stored = learner.pathway.current()
    done = learner.pathway.done(stored.id) if stored else frozenset()
    completed = frozenset(m for m, p in learner.progress.all().items() if p.complete)
    return progression(
        framework,
        answers,
        learner.portfolio.states(framework),
        stored.plan if stored else None,
        done,
        completed,
    )


def progress_of(learner: Learner, framework: Framework) -> list[TimePoint]:
    rounds = stored_rounds(learner.assessments, pack_id_of(learner, framework))
    return progress_over_time(framework, rounds)


def day_words(day: date) -> str:
    """ "20 Nov 2026"."""
    return f"{day.day} {day:%b %Y}"


def time_row(point: TimePoint) -> tuple[str, str, str, str]:
    """One assessment's figures in words: date, at target, mean gap, assessed."""
    share = f"{point.at_target} of {point.total} ({_percent(point.share_at_target)})"
    if point.mean_gap is None:
        gap = "not known"
    else:
        levels = _number(_round(point.mean_gap, 1))
        gap = f"{levels} level" if levels == "1" else f"{levels} levels"
    return day_words(point.day), share, gap, f"{point.assessed} of {point.total}"


def criteria_words(evidenced: int, total: int) -> str:
    """ "12 of 20 criteria evidenced (60%)"."""
    noun = "criterion" if total == 1 else "criteria"
    share = evidenced / total if total else 0.0
    return f"{evidenced} of {total} {noun} evidenced ({_percent(share)})"


def percent(share: float) -> str:
    """0.433 as "43.3%", 0.5 as "50%"."""
    return _percent(share)


def _percent(share: float) -> str:
    return f"{_number(_round(100 * share, 1))}%"


def _number(value: float) -> str:
    """37.0 as "37", 37.5 as "37.5"."""
    return f"{value:.1f}".removesuffix(".0")


def _round(value: float, places: int) -> float:
    """Half up, not to even: 37.5 is 38, as a learner expects."""
    scale = float(10**places)
    return math.floor(value * scale + 0.5 + 1e-9) / scale
