"""Evidence from retrieval reviews and assessment rounds (docs/portfolio.md).

Both are "some evidence" only (met is None): recalling an answer is not doing the work, and
a self-assessment is the learner's own view. A review card is one item, brought up to date
at each rating (its history is in the log); a finished round gives one item per competency
answered. Both map to the criteria of the competency they are about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from zavmo_desktop.core.assessment.model import CompetencyAnswer
from zavmo_desktop.core.content.models import Framework, Library
from zavmo_desktop.core.portfolio.outcomes import no_threshold
from zavmo_desktop.core.storage.evidence import NewEvidence
from zavmo_desktop.core.storage.review_cards import CardKey


def competency_criteria(framework: Framework) -> dict[str, tuple[str, ...]]:
    return {
        competency.id: tuple(criterion.id for criterion in competency.criteria)
        for area in framework.areas
        for competency in area.competencies
    }


def module_criteria(library: Library, module_id: str) -> tuple[str, ...]:
    """The criteria of the competency the module teaches; none for an unknown module."""
    module = library.module(module_id)
    if module is None:
        return ()
    framework = library.pack_of(module).framework
    return competency_criteria(framework).get(module.competency, ())


def retrieval_evidence(
    key: CardKey, question: str, answer: str, ratings: Sequence[int], criteria: Sequence[str]
) -> NewEvidence:
    outcome, met = no_threshold(
        "recall is not performance", ratings=list(ratings), reviews=len(ratings)
    )
    return NewEvidence(
        kind="retrieval",
        source=f"retrieval:{key.pack_id}/{key.module_id}/{key.question_id}",
        module_id=key.module_id,
        activity_id=key.question_id,
        title=question,
        text=answer.strip(),
        criteria=tuple(criteria),
        details={"question": question, "pack_id": key.pack_id},
        outcome=outcome,
        met=met,
    )


def assessment_evidence(
    round_id: int,
    pack_id: str,
    answers: Mapping[str, CompetencyAnswer],
    criteria_of: Mapping[str, Sequence[str]],
) -> list[NewEvidence]:
    items = []
    for competency_id, answer in sorted(answers.items()):
        if answer.self_rating is None and not answer.scenario_levels and not answer.evidence:
            continue  # asked nothing yet: nothing to show
        outcome, met = no_threshold(
            "a self-assessment is the learner's view, not proof",
            self_rating=answer.self_rating,
            scenario_levels=dict(answer.scenario_levels),
        )
        items.append(
            NewEvidence(
                kind="assessment",
                source=f"assessment:{round_id}/{competency_id}",
                module_id="",
                activity_id=competency_id,
                title=f"Self-assessment: {competency_id}",
                text=answer.evidence.strip(),
                criteria=tuple(criteria_of.get(competency_id, ())),
                details={"round_id": round_id, "pack_id": pack_id},
                outcome=outcome,
                met=met,
            )
        )
    return items
