"""A checklist's progress and its next step, in plain words. Pure: no storage, no Qt.

Items are shown grouped by `when`, most urgent first, keeping the author's order inside a
group; the next step is the first item in that order that is not done yet.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from zavmo_desktop.core.content.models import Checklist, ChecklistItem

WHEN_ORDER: tuple[str | None, ...] = (
    "quick_win",
    "this_quarter",
    "next_6_months",
    "next_12_months",
    "ongoing",
    None,  # the author gave no time
)
WHEN_LABELS: dict[str | None, str] = {
    "quick_win": "Quick win",
    "this_quarter": "This quarter",
    "next_6_months": "Next 6 months",
    "next_12_months": "Next 12 months",
    "ongoing": "Ongoing",
    None: "Any time",
}


def when_label(when: str | None) -> str:
    return WHEN_LABELS.get(when, WHEN_LABELS[None])


def _rank(when: str | None) -> int:
    return WHEN_ORDER.index(when) if when in WHEN_ORDER else len(WHEN_ORDER) - 1


@dataclass(frozen=True)
class ItemGroup:
    when: str | None
    label: str
    items: tuple[ChecklistItem, ...]


def grouped(checklist: Checklist) -> list[ItemGroup]:
    """The items by `when`, most urgent group first; groups with no items are left out."""
    groups: dict[str | None, list[ChecklistItem]] = {}
    for item in checklist.items:  # dicts keep the author's order inside each group
        groups.setdefault(item.when if item.when in WHEN_ORDER else None, []).append(item)
    return [
        ItemGroup(when, when_label(when), tuple(groups[when])) for when in sorted(groups, key=_rank)
    ]


def in_order(checklist: Checklist) -> list[ChecklistItem]:
    """Every item in the order the learner sees them."""
    return [item for group in grouped(checklist) for item in group.items]


@dataclass(frozen=True)
class ChecklistProgress:
    done: int
    total: int
    next_step: ChecklistItem | None  # None when every item is done (or there are none)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def text(self) -> str:
        """ "3 of 5 done", or "All 5 done"."""
        if self.complete:
            return "All done" if self.total == 1 else f"All {self.total} done"
        return f"{self.done} of {self.total} done"

    @property
    def next_step_text(self) -> str:
        if self.next_step is None:
            return "Next step: none. Every item is done." if self.total else "No items yet."
        return f"Next step: {self.next_step.text}"


def progress(checklist: Checklist, done_ids: Collection[str]) -> ChecklistProgress:
    """How far the learner is: ids in `done_ids` that are not items of this list are ignored."""
    items = in_order(checklist)
    done = sum(1 for item in items if item.id in done_ids)
    upcoming = next((item for item in items if item.id not in done_ids), None)
    return ChecklistProgress(done, len(items), upcoming)


def group_progress_text(group: ItemGroup, done_ids: Collection[str]) -> str:
    """A group's heading: "Quick win: 1 of 2 done"."""
    done = sum(1 for item in group.items if item.id in done_ids)
    return f"{group.label}: {done} of {len(group.items)} done"
