"""What moved between two plans, module by module, for showing them side by side."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from zavmo_desktop.core.pathway.model import Plan, StepKind


class Change(Enum):
    LATER = "later"
    EARLIER = "earlier"
    SAME = "same"
    ADDED = "added"  # in the new plan only (a new assessment, a new module)
    DROPPED = "dropped"  # in the old plan only: no longer needed
    DONE = "done"  # finished: kept where it was


@dataclass(frozen=True)
class Move:
    module_id: str
    title: str
    change: Change
    old_week: int | None  # the week its last part was in
    new_week: int | None


@dataclass(frozen=True)
class Comparison:
    moves: tuple[Move, ...]  # in the new plan's order, then what was dropped
    old_ends: date | None
    new_ends: date | None
    old_weekly_minutes: int
    new_weekly_minutes: int

    def moved(self) -> tuple[Move, ...]:
        return tuple(m for m in self.moves if m.change is not Change.SAME)


def compare(
    old: Plan,
    new: Plan,
    done: frozenset[str] = frozenset(),
    completed: frozenset[str] = frozenset(),
) -> Comparison:
    """`done` holds ticked part keys, `completed` the module ids the learner finished."""
    old_weeks, titles = _finish_weeks(old)
    new_weeks, new_titles = _finish_weeks(new)
    titles.update(new_titles)
    finished = set(completed) | _all_parts_done(new, done)
    moves = [
        Move(m, titles[m], _change(old_weeks.get(m), week, m in finished), old_weeks.get(m), week)
        for m, week in new_weeks.items()
    ]
    moves += [
        Move(m, titles[m], Change.DONE if m in finished else Change.DROPPED, week, None)
        for m, week in old_weeks.items()
        if m not in new_weeks
    ]
    return Comparison(tuple(moves), old.ends, new.ends, old.weekly_minutes, new.weekly_minutes)


def _finish_weeks(plan: Plan) -> tuple[dict[str, int], dict[str, str]]:
    """Each module's week of its last part, in plan order; and its title."""
    weeks: dict[str, int] = {}
    titles: dict[str, str] = {}
    for week in plan.weeks:
        for part in week.parts:
            if part.kind is StepKind.MODULE:
                weeks.pop(part.module_id, None)
                weeks[part.module_id] = week.number
                titles[part.module_id] = part.title
    ordered = sorted(weeks.items(), key=lambda item: item[1])
    return dict(ordered), titles


def _all_parts_done(plan: Plan, done: frozenset[str]) -> set[str]:
    parts = [p for p in plan.parts if p.kind is StepKind.MODULE]
    started = {p.module_id for p in parts}
    return started - {p.module_id for p in parts if p.key not in done}


def _change(old_week: int | None, new_week: int, finished: bool) -> Change:
    if finished:
        return Change.DONE
    if old_week is None:
        return Change.ADDED
    if new_week > old_week:
        return Change.LATER
    return Change.EARLIER if new_week < old_week else Change.SAME
