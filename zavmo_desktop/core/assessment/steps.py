"""The assessment's questions in order, where to resume, and how far the learner has got.

Each competency asks for a self-rating (with an optional line of evidence), then each of
its scenario questions. A step is (competency id, RATING) or (competency id, scenario id).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zavmo_desktop.core.assessment.model import CompetencyAnswer
from zavmo_desktop.core.content.models import Framework

RATING = "rating"  # the self-rating question; scenario ids are lowercase slugs, never this


@dataclass(frozen=True)
class Step:
    competency_id: str
    question: str  # RATING or a scenario id


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    competency_number: int  # the current competency, 1-based
    competencies: int

    @property
    def words(self) -> str:
        return (
            f"Competency {self.competency_number} of {self.competencies}; "
            f"{self.answered} of {self.total} questions answered"
        )


def steps(framework: Framework) -> list[Step]:
    return [
        step
        for area in framework.areas
        for competency in area.competencies
        for step in (
            Step(competency.id, RATING),
            *(Step(competency.id, scenario.id) for scenario in competency.scenarios),
        )
    ]


def is_answered(step: Step, answers: Mapping[str, CompetencyAnswer]) -> bool:
    answer = answers.get(step.competency_id)
    if answer is None:
        return False
    if step.question == RATING:
        return answer.self_rating is not None
    return step.question in answer.scenario_levels


def resume_at(
    framework: Framework, saved: Step | None, answers: Mapping[str, CompetencyAnswer]
) -> Step | None:
    """The saved step while the pack still has it; else the first unanswered; None if done."""
    every = steps(framework)
    if saved is not None and saved in every:
        return saved
    return next((step for step in every if not is_answered(step, answers)), None)


def next_step(framework: Framework, step: Step) -> Step | None:
    every = steps(framework)
    at = every.index(step)
    return every[at + 1] if at + 1 < len(every) else None


def previous_step(framework: Framework, step: Step) -> Step | None:
    every = steps(framework)
    at = every.index(step)
    return every[at - 1] if at > 0 else None


def progress(
    framework: Framework, step: Step | None, answers: Mapping[str, CompetencyAnswer]
) -> Progress:
    every = steps(framework)
    order = [c.id for area in framework.areas for c in area.competencies]
    known = step is not None and step in every
    current = order.index(step.competency_id) + 1 if known and step else len(order)
    answered = sum(is_answered(s, answers) for s in every)
    return Progress(answered, len(every), current, len(order))
