"""The skills-gap heat map's data: one cell per competency, grouped by area, in words too.

Each cell says current, target and gap as numbers and words, so colour (scale.py) is never
the only signal, and carries the sentence a screen reader announces for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zavmo_desktop.core.assessment.model import (
    CompetencyAnswer,
    Rated,
    level_name,
    level_number,
    rate,
)
from zavmo_desktop.core.content.models import Competency, Framework

GAP_WORDS = ("none", "small", "medium", "large")  # 0, 1, 2, 3 or more levels


@dataclass(frozen=True)
class HeatCell:
    competency_id: str
    title: str
    area_title: str
    current: int | None  # 1..N, None while not known
    current_name: str
    target: int
    target_name: str
    gap: int | None  # levels still to go (0 at or above target); None while not known
    gap_words: str
    disagreement: bool
    rated: Rated

    @property
    def announcement(self) -> str:
        gap = "not known" if self.gap is None else str(self.gap)
        said = f"{self.title}: now {self.current_name}, target {self.target_name}, gap {gap}"
        if self.disagreement:
            said += "; your rating and your scenario answers differ"
        return said


@dataclass(frozen=True)
class HeatArea:
    area_id: str
    title: str
    cells: tuple[HeatCell, ...]


def gap_words(gap: int | None, current: int | None, target: int) -> str:
    if gap is None:
        return "not known"
    if gap == 0:
        return "none, above target" if current is not None and current > target else "none"
    return GAP_WORDS[min(gap, len(GAP_WORDS) - 1)]


def heat_cell(
    framework: Framework, area_title: str, competency: Competency, answer: CompetencyAnswer | None
) -> HeatCell:
    rated = rate(framework, competency, answer)
    target = level_number(framework, competency.target_level) or len(framework.levels)
    current = rated.result
    gap = None if current is None else max(0, target - current)
    now = level_name(framework, current)
    if not rated.answered and current is None:
        now = "not assessed yet"
    return HeatCell(
        competency.id,
        competency.title,
        area_title,
        current,
        now,
        target,
        level_name(framework, target),
        gap,
        gap_words(gap, current, target),
        rated.disagreement,
        rated,
    )


def heat_map(framework: Framework, answers: Mapping[str, CompetencyAnswer]) -> list[HeatArea]:
    """Every area of the framework in its order, each competency a cell."""
    return [
        HeatArea(
            area.id,
            area.title,
            tuple(
                heat_cell(framework, area.title, c, answers.get(c.id)) for c in area.competencies
            ),
        )
        for area in framework.areas
    ]
