"""Which modules the learner needs, in order of impact.

Foundation areas come first; then the competencies with the biggest gap between the
learner's level and the role's target; then the higher `priority`; then framework order.
A module is planned when the learner has not reached its level yet (a module without a
level is planned whenever its competency has a gap). A competency that was not assessed
is planned as if the learner started from nothing: every one of its modules. Within that
order each module comes after its prerequisites, which are pulled forward to just before
the first module that needs them.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from zavmo_desktop.core.content.models import Competency, Framework, Module

PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}
NOT_ASSESSED = -1  # the level index of a competency the learner has not rated


@dataclass(frozen=True)
class Need:
    competency: Competency
    foundation: bool
    current: int  # level index, NOT_ASSESSED when not rated
    target: int

    @property
    def gap(self) -> int:
        return max(0, self.target - self.current)


def needs(framework: Framework, levels: dict[str, str]) -> list[Need]:
    """Every competency's gap, most important first (the order of the plan)."""
    index = {level.id: number for number, level in enumerate(framework.levels)}
    found = []
    for area in framework.areas:
        for competency in area.competencies:
            current = index.get(levels.get(competency.id, ""), NOT_ASSESSED)
            target = index.get(competency.target_level, len(index) - 1)
            found.append(Need(competency, area.foundation, current, target))
    position = {need.competency.id: n for n, need in enumerate(found)}
    return sorted(found, key=lambda n: (*_impact(n), position[n.competency.id]))


def _impact(need: Need) -> tuple[int, int, int]:
    return (0 if need.foundation else 1, -need.gap, PRIORITY_RANK.get(need.competency.priority, 1))


def modules_needed(
    framework: Framework, need: Need, modules: list[Module], completed: frozenset[str]
) -> list[Module]:
    """The competency's modules still to study, by `order` then id."""
    if need.gap == 0:
        return []
    index = {level.id: number for number, level in enumerate(framework.levels)}
    return sorted(
        (
            m
            for m in modules
            if m.id not in completed and (m.level is None or index.get(m.level, 0) > need.current)
        ),
        key=lambda m: (m.order, m.id),
    )


def in_study_order(ranked: list[Module]) -> list[Module]:
    """`ranked` (most important first) reordered so every prerequisite comes first.

    Each module's rank becomes the best rank of anything that depends on it, and a heap
    always takes the best-ranked module whose prerequisites are placed. A cycle (which the
    validator reports) cannot stall it: what is left is appended in rank order.
    """
    rank = {m.id: n for n, m in enumerate(ranked)}
    needs_first = {m.id: [p for p in m.prerequisites if p in rank] for m in ranked}
    pulled = _pulled_forward(ranked, rank, needs_first)
    waiting = {m.id: len(needs_first[m.id]) for m in ranked}
    unlocks: dict[str, list[str]] = {m.id: [] for m in ranked}
    for module_id, prerequisites in needs_first.items():
        for prerequisite in prerequisites:
            unlocks[prerequisite].append(module_id)
    heap = [(pulled[m.id], rank[m.id], m.id) for m in ranked if waiting[m.id] == 0]
    heapq.heapify(heap)
    by_id = {m.id: m for m in ranked}
    result: list[Module] = []
    while heap:
        _, _, module_id = heapq.heappop(heap)
        result.append(by_id[module_id])
        for later in unlocks[module_id]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(heap, (pulled[later], rank[later], later))
    placed = {m.id for m in result}
    return result + [m for m in ranked if m.id not in placed]


def _pulled_forward(
    ranked: list[Module], rank: dict[str, int], needs_first: dict[str, list[str]]
) -> dict[str, int]:
    """Each module's best rank among itself and everything that (indirectly) needs it."""
    best = dict(rank)
    for module in ranked:  # best rank first, so one walk per module settles it
        stack = list(needs_first[module.id])
        while stack:
            prerequisite = stack.pop()
            if best[prerequisite] > rank[module.id]:
                best[prerequisite] = rank[module.id]
                stack.extend(needs_first[prerequisite])
    return best
