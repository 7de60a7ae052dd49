"""Qualification readiness: the share of criteria evidenced (or verified)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.portfolio.status import CriterionState, Status

# A sign-off is a person's judgement on top of the evidence, so it counts as evidenced.
COUNTS_AS_EVIDENCED = frozenset({Status.EVIDENCED, Status.VERIFIED})


@dataclass(frozen=True)
class Readiness:
    evidenced: int
    total: int

    @property
    def share(self) -> float:
        """From 0 to 1; 0 when there are no criteria to evidence."""
        return self.evidenced / self.total if self.total else 0.0


def readiness(
    framework: Framework, states: Mapping[str, CriterionState]
) -> tuple[dict[str, Readiness], Readiness]:
    """(readiness per competency id, overall). A criterion missing from `states` counts
    as not evidenced."""
    per_competency: dict[str, Readiness] = {}
    for area in framework.areas:
        for competency in area.competencies:
            evidenced = sum(
                1
                for criterion in competency.criteria
                if criterion.id in states and states[criterion.id].status in COUNTS_AS_EVIDENCED
            )
            per_competency[competency.id] = Readiness(evidenced, len(competency.criteria))
    overall = Readiness(
        sum(r.evidenced for r in per_competency.values()),
        sum(r.total for r in per_competency.values()),
    )
    return per_competency, overall
