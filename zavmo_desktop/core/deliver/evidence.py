"""How Deliver's checklists and reflections become portfolio evidence. No Qt.

The rules, as a learner would expect them:
- A saved reflection with words in it IS evidence (kind "reflection"): saving it again
  updates that one item; emptying it takes the item out of the evidence. Its criteria are
  the ones the learner tagged, which start as the author's `evidences`.
- A done checklist item becomes evidence only when the learner asks (kind "checklist_item").
  While it is in the evidence, changing its note or date updates the item.
- Unticking an item takes it out of the evidence, because a portfolio must not claim what
  is not done. The note and date stay with the checklist item (they live in its own row),
  so nothing the learner wrote is lost; the caller tells the learner it was taken out, and
  ticking it again offers "Add to my evidence" once more.
Each change and its evidence are written in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from zavmo_desktop.core.content.criterion_words import criteria_by_id, criterion_words
from zavmo_desktop.core.content.models import (
    Checklist,
    ChecklistItem,
    Criterion,
    Framework,
    Reflection,
)
from zavmo_desktop.core.storage.checklists import ChecklistRepository, ItemState
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence
from zavmo_desktop.core.storage.reflections import ReflectionRepository, SavedReflection

TITLE_LIMIT = 100
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def reflection_source(module_id: str, reflection_id: str) -> str:
    return f"reflection:{module_id}/{reflection_id}"


def checklist_source(module_id: str, checklist_id: str, item_id: str) -> str:
    return f"checklist:{module_id}/{checklist_id}/{item_id}"


def long_date(day: date) -> str:
    """ "14 March 2025": the same in every locale, never 03/14 or 14/03."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """Whole sentences that fit in `limit` characters; else the first words that do, with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    kept = ""
    for sentence in _SENTENCE_END.split(flat):
        joined = f"{kept} {sentence}".strip()
        if len(joined) > limit:
            break
        kept = joined
    if not kept:
        cut = flat[: limit - 1]
        kept = cut.rsplit(" ", 1)[0] if " " in cut else cut
        kept = kept.rstrip(",;:-– ")
    return f"{kept} …" if kept[-1] in ".?!" else f"{kept}…"


def criteria_choices(
    framework: Framework, competency_id: str, defaults: Iterable[str]
) -> list[Criterion]:
    """The criteria a learner may tag: the module's competency's, then any other the author
    named. An id the framework does not know is still offered, with no text."""
    competency = framework.competency(competency_id)
    chosen = list(competency.criteria) if competency else []
    known = {
        c.id: c for area in framework.areas for comp in area.competencies for c in comp.criteria
    }
    for criterion_id in defaults:
        if all(c.id != criterion_id for c in chosen):
            chosen.append(known.get(criterion_id, Criterion(criterion_id, "")))
    return chosen


def criterion_lines(framework: Framework, ids: Iterable[str]) -> list[str]:
    """ "EC1: Presents a technical strategy to executives in plain terms." for each id,
    with "Maps to: ..." when the criterion maps onto an outside standard."""
    known = criteria_by_id(framework)
    return [criterion_words(known[cid]) if cid in known else cid for cid in ids]


@dataclass(frozen=True)
class TickOutcome:
    state: ItemState
    left_evidence: bool  # unticking took the item out of the learner's evidence


class DeliverEvidence:
    """Checklist ticks, notes, dates and reflections, kept in step with the evidence."""

    def __init__(
        self,
        checklists: ChecklistRepository,
        reflections: ReflectionRepository,
        evidence: EvidenceRepository,
    ) -> None:
        self.checklists = checklists
        self.reflections = reflections
        self.evidence = evidence
        self._db = checklists.db

    # Reflections -----------------------------------------------------------------

    def reflection_criteria(self, module_id: str, reflection: Reflection) -> tuple[str, ...]:
        saved = self.reflections.get(module_id, reflection.id)
        return saved.criteria if saved is not None else reflection.evidences

    def save_reflection(
        self, module_id: str, reflection: Reflection, text: str, criteria: Iterable[str]
    ) -> SavedReflection:
        source = reflection_source(module_id, reflection.id)
        with self._db.atomic():
            saved = self.reflections.save(module_id, reflection.id, text, criteria)
            if saved.written:
                from zavmo_desktop.core.portfolio.outcomes import reflection_outcome

                outcome, met = reflection_outcome(text)
                self.evidence.save(
                    NewEvidence(
                        kind="reflection",
                        source=source,
                        module_id=module_id,
                        activity_id=reflection.id,
                        title=shorten(reflection.prompt),
                        text=text.strip(),
                        criteria=saved.criteria,
                        details={"prompt": " ".join(reflection.prompt.split())},
                        outcome=outcome,
                        met=met,
                    )
                )
            else:
                self.evidence.remove(source)
        return saved

    def reflection_in_evidence(self, module_id: str, reflection_id: str) -> bool:
        return self.evidence.by_source(reflection_source(module_id, reflection_id)) is not None

    # Checklists ------------------------------------------------------------------

    def tick(
        self, module_id: str, checklist: Checklist, item: ChecklistItem, done: bool
    ) -> TickOutcome:
        source = checklist_source(module_id, checklist.id, item.id)
        with self._db.atomic():
            before = self.checklists.done_ids(module_id, checklist.id)
            state = self.checklists.set_done(module_id, checklist.id, item.id, done)
            left = not done and self.evidence.by_source(source) is not None
            if left:
                self.evidence.remove(source)
            self._record_if_completed(module_id, checklist, before)
        return TickOutcome(state, left)

    def _record_if_completed(self, module_id: str, checklist: Checklist, before: set[str]) -> None:
        """The tick that leaves every item done completes the checklist (once per time)."""
        from zavmo_desktop.core.xapi.records import record

        every = {item.id for item in checklist.items}
        now = self.checklists.done_ids(module_id, checklist.id)
        if every and every <= now and not every <= before:
            record(self._db, "completed", "checklist", (module_id, checklist.id), checklist.title)

    def set_note(
        self, module_id: str, checklist: Checklist, item: ChecklistItem, note: str
    ) -> ItemState:
        with self._db.atomic():
            state = self.checklists.set_note(module_id, checklist.id, item.id, note)
            self._refresh(checklist, item, state)
        return state

    def set_due_date(
        self, module_id: str, checklist: Checklist, item: ChecklistItem, due: date | None
    ) -> ItemState:
        with self._db.atomic():
            state = self.checklists.set_due_date(module_id, checklist.id, item.id, due)
            self._refresh(checklist, item, state)
        return state

    def add_item_to_evidence(
        self, module_id: str, checklist: Checklist, item: ChecklistItem
    ) -> int:
        """Put a done item in the evidence (or bring it up to date). Raises ValueError when the
        item is not done: the portfolio only holds what the learner did."""
        state = self.checklists.get(module_id, checklist.id, item.id)
        if state is None or not state.done:
            raise ValueError(f"checklist item {item.id!r} is not done")
        with self._db.atomic():
            return self.evidence.save(_item_evidence(checklist, item, state))

    def remove_item_from_evidence(
        self, module_id: str, checklist: Checklist, item: ChecklistItem
    ) -> None:
        self.evidence.remove(checklist_source(module_id, checklist.id, item.id))

    def item_in_evidence(self, module_id: str, checklist_id: str, item_id: str) -> bool:
        source = checklist_source(module_id, checklist_id, item_id)
        return self.evidence.by_source(source) is not None

    def _refresh(self, checklist: Checklist, item: ChecklistItem, state: ItemState) -> None:
        source = checklist_source(state.module_id, checklist.id, item.id)
        if state.done and self.evidence.by_source(source) is not None:
            self.evidence.save(_item_evidence(checklist, item, state))


def item_evidence_text(item: ChecklistItem, state: ItemState) -> str:
    """The item as it reads in the portfolio: what it was, the learner's note, the dates."""
    parts = [item.text.strip()]
    if state.note.strip():
        parts.append(f"My note: {state.note.strip()}")
    if state.due is not None:
        parts.append(f"Date: {long_date(state.due)}")
    if state.done_at:
        parts.append(f"Done on {long_date(datetime.fromisoformat(state.done_at).date())}.")
    return "\n\n".join(parts)


def _item_evidence(checklist: Checklist, item: ChecklistItem, state: ItemState) -> NewEvidence:
    from zavmo_desktop.core.portfolio.outcomes import checklist_outcome

    outcome, met = checklist_outcome(state.done)
    return NewEvidence(
        kind="checklist_item",
        source=checklist_source(state.module_id, checklist.id, item.id),
        module_id=state.module_id,
        activity_id=f"{checklist.id}/{item.id}",
        title=shorten(item.text),
        text=item_evidence_text(item, state),
        criteria=item.evidences,
        details={
            "checklist": checklist.title,
            "when": item.when,
            "note": state.note,
            "due_date": state.due_date,
            "done_at": state.done_at,
        },
        outcome=outcome,
        met=met,
    )
