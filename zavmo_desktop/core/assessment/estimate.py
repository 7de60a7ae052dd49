"""Time to competency, per competency and overall (the formula is in docs/assessment.md).

The minutes are the modules the learner still needs: the competency's modules not yet
completed whose level is above where they stand and no higher than the target (a module
without a level counts while there is a gap). Weeks are those minutes over the learner's
weekly hours, rounded up. Nothing is invented: a competency without a module has no number,
and zero hours a week gives minutes but no weeks.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from zavmo_desktop.core.assessment.heat_map import HeatArea, HeatCell
from zavmo_desktop.core.assessment.model import level_name, level_number
from zavmo_desktop.core.content.models import Framework, Module


@dataclass(frozen=True)
class CompetencyEstimate:
    competency_id: str
    title: str
    minutes: int | None  # None: there is no module for it yet, so no number
    module_ids: tuple[str, ...]  # the modules counted, in their order
    assumed_start: bool  # the level is not known, so it counts from the lowest level
    reaches_target: bool  # the modules so far go as far as the target level
    words: str


@dataclass(frozen=True)
class OverallEstimate:
    minutes: int
    weeks: int | None  # None when there are no hours a week to divide by
    without_module: tuple[str, ...]  # titles of competencies with a gap and no module
    words: str


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' * (hours != 1)}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'s' * (rest != 1)}")
    return " ".join(parts)


def weeks_for(minutes: int, hours_per_week: float | None) -> int | None:
    if not hours_per_week or hours_per_week <= 0:
        return None
    return math.ceil(minutes / (hours_per_week * 60))


def hours_words(hours_per_week: float) -> str:
    shown = f"{hours_per_week:g}"
    return f"{shown} hour{'s' * (shown != '1')} a week"


def estimate_competency(
    framework: Framework, cell: HeatCell, modules: Iterable[Module], completed: Collection[str]
) -> CompetencyEstimate:
    own = sorted(
        (m for m in modules if m.competency == cell.competency_id), key=lambda m: (m.order, m.id)
    )
    levels = [level_number(framework, m.level) for m in own]
    reaches = any(n is None or n >= cell.target for n in levels)
    start, assumed = (0, True) if cell.current is None else (cell.current, False)

    def result(minutes: int | None, ids: tuple[str, ...], words: str) -> CompetencyEstimate:
        return CompetencyEstimate(
            cell.competency_id, cell.title, minutes, ids, assumed, reaches, words
        )

    if cell.gap == 0:
        return result(0, (), "At target: nothing to study.")
    if not own:
        return result(None, (), "There is no module for this competency yet, so no estimate.")
    relevant = [
        m for m, n in zip(own, levels, strict=True) if n is None or start < n <= cell.target
    ]
    if not relevant:
        return result(
            None, (), f"No module yet goes beyond {cell.current_name}, so there is no estimate."
        )
    needed = [m for m in relevant if m.id not in completed]
    minutes = sum(m.minutes for m in needed)
    if needed:
        count = f"{len(needed)} module{'s' * (len(needed) != 1)}"
        words = f"{duration(minutes)}: {count}."
    else:
        words = "You have finished the modules there are for this; reassess when you are ready."
    if assumed:
        words += " Your level is not known yet, so this counts from the lowest level."
    if not reaches:
        highest = max(n or 0 for n in levels)
        words += (
            f" The modules so far go up to {level_name(framework, highest)}; the target is "
            f"{cell.target_name}, so it will take longer than this."
        )
    return result(minutes, tuple(m.id for m in needed), words)


def estimate_overall(
    estimates: Iterable[CompetencyEstimate], hours_per_week: float | None
) -> OverallEstimate:
    listed = list(estimates)
    minutes = sum(e.minutes or 0 for e in listed)
    missing = tuple(e.title for e in listed if e.minutes is None)
    weeks = weeks_for(minutes, hours_per_week)
    words = f"{duration(minutes)} of study"
    if hours_per_week is None:
        words += ". Set your hours per week to see how many weeks that is."
    elif weeks is None:
        words += (
            ". With 0 hours a week there is no time to study, so no date can be given: "
            "add some hours per week to see one."
        )
    elif minutes:
        words += f": about {weeks} week{'s' * (weeks != 1)} at {hours_words(hours_per_week)}."
    else:
        words += "."
    guessed = sum(1 for e in listed if e.assumed_start and e.minutes)
    if guessed:
        words += (
            f" {guessed} of them {'are' if guessed != 1 else 'is'} counted from the lowest level,"
            " because your level there is not known yet."
        )
    if missing:
        words += (
            f" Not counted: {len(missing)} competenc{'ies' if len(missing) != 1 else 'y'}"
            " with no module yet for the levels still to go."
        )
    return OverallEstimate(minutes, weeks, missing, words)


def estimate_all(
    framework: Framework,
    areas: Iterable[HeatArea],
    modules: Iterable[Module],
    completed: Collection[str],
    hours_per_week: float | None,
) -> tuple[list[CompetencyEstimate], OverallEstimate]:
    """Every competency's estimate in heat-map order, and the overall one."""
    listed = list(modules)
    each = [
        estimate_competency(framework, cell, listed, completed)
        for area in areas
        for cell in area.cells
    ]
    return each, estimate_overall(each, hours_per_week)
