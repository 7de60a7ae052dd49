"""Where the learner stands, for the planner: each competency's level from the assessment.

The level is the assessment's own combined result (core.assessment.model.rate: the lower of
the self-rating and the scenarios). A competency answered "Not sure", or not reached yet,
is left out, so the planner treats it as not assessed.
"""

from __future__ import annotations

from collections.abc import Mapping

from zavmo_desktop.core.assessment.model import CompetencyAnswer, rate
from zavmo_desktop.core.content.models import Framework


def assessed_levels(
    framework: Framework, answers: Mapping[str, CompetencyAnswer]
) -> dict[str, str]:
    levels = {}
    for area in framework.areas:
        for competency in area.competencies:
            result = rate(framework, competency, answers.get(competency.id)).result
            if result is not None:
                levels[competency.id] = framework.levels[result - 1].id
    return levels
