"""Checklist state, reflections, progress and the evidence they make, on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from zavmo_desktop.core.content.models import Checklist, ChecklistItem, Module, Reflection
from zavmo_desktop.core.deliver.checklist_progress import (
    WHEN_LABELS,
    group_progress_text,
    grouped,
    in_order,
    progress,
    when_label,
)
from zavmo_desktop.core.deliver.evidence import (
    DeliverEvidence,
    checklist_source,
    criteria_choices,
    criterion_lines,
    long_date,
    reflection_source,
    shorten,
)
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.storage.checklists import ChecklistRepository
from zavmo_desktop.core.storage.evidence import EvidenceRepository
from zavmo_desktop.core.storage.reflections import ReflectionRepository
from zavmo_desktop.core.storage.store import OpenedStore, open_store

WHEN = datetime(2025, 3, 14, 9, 26)
BOARD = "board-storytelling"


class Clock:
    def __init__(self) -> None:
        self.now = WHEN

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(data_dir: Path) -> Iterator[OpenedStore]:
    opened = open_store(data_dir, now=lambda: WHEN)
    yield opened
    opened.db.conn.close()


@pytest.fixture
def deliver(store: OpenedStore, clock: Clock) -> DeliverEvidence:
    return DeliverEvidence(
        ChecklistRepository(store.db, now=clock),
        ReflectionRepository(store.db, now=clock),
        EvidenceRepository(store.db),
    )


def item(item_id: str, when: str | None, evidences: tuple[str, ...] = ()) -> ChecklistItem:
    return ChecklistItem(item_id, f"Do {item_id}.", when, evidences)


PLAN = Checklist(
    "plan",
    "Plan",
    (
        item("a", "ongoing"),
        item("b", None, ("EC3",)),
        item("c", "this_quarter", ("EC1", "EC2")),
        item("d", "quick_win"),
        item("e", "this_quarter"),
    ),
)
PROMPT = Reflection(
    "first-question",
    "Think of the last time you presented to executives. What was the first question they "
    "asked? Did your slides answer it?",
    ("EC1",),
)


# --- progress and the next step --------------------------------------------------------------


def test_items_are_grouped_by_urgency_keeping_the_authors_order() -> None:
    groups = grouped(PLAN)
    assert [g.label for g in groups] == ["Quick win", "This quarter", "Ongoing", "Any time"]
    assert [i.id for i in groups[1].items] == ["c", "e"]
    assert [i.id for i in in_order(PLAN)] == ["d", "c", "e", "a", "b"]


def test_next_step_is_the_most_urgent_item_not_done() -> None:
    assert progress(PLAN, set()).next_step == PLAN.items[3]  # the quick win
    state = progress(PLAN, {"d", "c"})
    assert (state.done, state.total, state.next_step) == (2, 5, PLAN.items[4])
    assert state.text == "2 of 5 done"
    assert state.next_step_text == "Next step: Do e."
    finished = progress(PLAN, {"a", "b", "c", "d", "e", "not-an-item"})
    assert finished.complete and finished.next_step is None
    assert finished.text == "All 5 done"
    assert group_progress_text(grouped(PLAN)[1], {"c"}) == "This quarter: 1 of 2 done"


def test_every_when_has_a_plain_label() -> None:
    assert when_label("next_6_months") == "Next 6 months"
    assert when_label(None) == "Any time"
    assert set(WHEN_LABELS) >= {"quick_win", "this_quarter", "next_12_months", "ongoing"}


def test_shorten_keeps_whole_sentences_or_whole_words() -> None:
    assert shorten(PROMPT.prompt) == (
        "Think of the last time you presented to executives. What was the first question "
        "they asked? …"
    )
    assert shorten("Short prompt.") == "Short prompt."
    long_one = "word " * 40
    short = shorten(long_one, 30)
    assert short.endswith("…") and len(short) <= 30 and "wor…" not in short
    assert long_date(date(2025, 3, 4)) == "4 March 2025"


# --- the checklist repository ----------------------------------------------------------------


def test_tick_untick_note_and_date_are_kept(store: OpenedStore, clock: Clock) -> None:
    repo = ChecklistRepository(store.db, now=clock)
    assert repo.get(BOARD, "plan", "a") is None
    state = repo.set_done(BOARD, "plan", "a", True)
    assert state.done and state.done_at == "2025-03-14T09:26:00"
    clock.now = datetime(2025, 3, 15, 10, 0)
    assert repo.set_done(BOARD, "plan", "a", True).done_at == "2025-03-14T09:26:00"  # first tick
    repo.set_note(BOARD, "plan", "a", "Booked for Tuesday. ")
    repo.set_due_date(BOARD, "plan", "a", date(2025, 4, 1))
    state = repo.set_done(BOARD, "plan", "a", False)
    assert not state.done and state.done_at is None
    assert state.note == "Booked for Tuesday. "  # exactly as typed
    assert state.due == date(2025, 4, 1) and state.due_date == "2025-04-01"
    assert repo.set_due_date(BOARD, "plan", "a", None).due is None
    repo.set_done(BOARD, "plan", "b", True)
    repo.set_note("other-module", "plan", "c", "elsewhere")
    assert set(repo.for_module(BOARD)) == {("plan", "a"), ("plan", "b")}
    assert repo.done_ids(BOARD, "plan") == {"b"}


def test_a_note_on_an_untouched_item_does_not_tick_it(store: OpenedStore) -> None:
    repo = ChecklistRepository(store.db)
    state = repo.set_note(BOARD, "plan", "c", "Ask Sam first")
    assert not state.done and state.done_at is None and state.note == "Ask Sam first"


# --- the reflection repository ---------------------------------------------------------------


def test_reflection_keeps_text_and_chosen_criteria(store: OpenedStore, clock: Clock) -> None:
    repo = ReflectionRepository(store.db, now=clock)
    first = repo.save(BOARD, "first-question", "They asked about cost.", ["EC1", "EC2", "EC1"])
    assert first.criteria == ("EC1", "EC2") and first.written
    clock.now = datetime(2025, 3, 20, 8, 0)
    again = repo.save(BOARD, "first-question", "", [])
    assert again.created_at == first.created_at and again.updated_at == "2025-03-20T08:00:00"
    assert not again.written and again.criteria == ()
    assert set(repo.for_module(BOARD)) == {"first-question"}
    assert repo.get(BOARD, "missing") is None


# --- evidence rules --------------------------------------------------------------------------


def test_a_written_reflection_is_evidence_and_emptying_it_removes_it(
    deliver: DeliverEvidence,
) -> None:
    source = reflection_source(BOARD, PROMPT.id)
    assert deliver.reflection_criteria(BOARD, PROMPT) == ("EC1",)  # the author's, at first
    deliver.save_reflection(BOARD, PROMPT, "   ", PROMPT.evidences)
    assert deliver.evidence.by_source(source) is None  # blank is not evidence

    deliver.save_reflection(BOARD, PROMPT, "  They asked about cost first.\n", ("EC1", "EC4"))
    item = deliver.evidence.by_source(source)
    assert item is not None and item.kind == "reflection"
    assert item.title == shorten(PROMPT.prompt)
    assert item.text == "They asked about cost first."
    assert item.criteria == ("EC1", "EC4") and item.activity_id == PROMPT.id
    assert deliver.reflection_criteria(BOARD, PROMPT) == ("EC1", "EC4")

    deliver.save_reflection(BOARD, PROMPT, "They asked about cost.", ("EC4",))
    updated = deliver.evidence.by_source(source)
    assert updated is not None and updated.id == item.id and updated.criteria == ("EC4",)

    deliver.save_reflection(BOARD, PROMPT, "", ("EC4",))
    assert not deliver.reflection_in_evidence(BOARD, PROMPT.id)
    assert deliver.reflection_criteria(BOARD, PROMPT) == ("EC4",)  # the learner's choice stays


def test_a_done_item_joins_the_evidence_only_when_asked(deliver: DeliverEvidence) -> None:
    target = PLAN.items[2]
    source = checklist_source(BOARD, PLAN.id, target.id)
    with pytest.raises(ValueError):
        deliver.add_item_to_evidence(BOARD, PLAN, target)  # not done yet
    deliver.tick(BOARD, PLAN, target, True)
    deliver.set_note(BOARD, PLAN, target, "Sent to the CFO.")
    assert deliver.evidence.by_source(source) is None  # ticking alone is not evidence

    deliver.add_item_to_evidence(BOARD, PLAN, target)
    item = deliver.evidence.by_source(source)
    assert item is not None and item.kind == "checklist_item"
    assert item.criteria == ("EC1", "EC2") and item.title == "Do c."
    assert item.text == "Do c.\n\nMy note: Sent to the CFO.\n\nDone on 14 March 2025."

    deliver.set_due_date(BOARD, PLAN, target, date(2025, 4, 1))
    deliver.set_note(BOARD, PLAN, target, "Sent to the CFO and the CTO.")
    item = deliver.evidence.by_source(source)
    assert item is not None
    assert "My note: Sent to the CFO and the CTO.\n\nDate: 1 April 2025" in item.text
    assert item.details["due_date"] == "2025-04-01"


def test_unticking_takes_the_item_out_of_evidence_but_keeps_the_note(
    deliver: DeliverEvidence,
) -> None:
    target = PLAN.items[1]
    deliver.tick(BOARD, PLAN, target, True)
    deliver.set_note(BOARD, PLAN, target, "Rehearsed with Priya.")
    deliver.add_item_to_evidence(BOARD, PLAN, target)
    assert deliver.item_in_evidence(BOARD, PLAN.id, target.id)

    outcome = deliver.tick(BOARD, PLAN, target, False)
    assert outcome.left_evidence and not outcome.state.done
    assert not deliver.item_in_evidence(BOARD, PLAN.id, target.id)
    assert outcome.state.note == "Rehearsed with Priya."
    assert not deliver.tick(BOARD, PLAN, PLAN.items[0], False).left_evidence

    deliver.tick(BOARD, PLAN, target, True)
    assert not deliver.item_in_evidence(BOARD, PLAN.id, target.id)  # the learner adds it again
    deliver.add_item_to_evidence(BOARD, PLAN, target)
    deliver.remove_item_from_evidence(BOARD, PLAN, target)
    assert not deliver.item_in_evidence(BOARD, PLAN.id, target.id)


# --- through the Learner facade, across a restart --------------------------------------------


def board(learner: Learner) -> Module:
    found = learner.module(BOARD)
    assert found is not None
    return found


def test_everything_comes_back_after_reopening(data_dir: Path, bundled_content: Path) -> None:
    first = Learner.open(data_dir, [bundled_content])
    module = board(first)
    checklist, reflection = module.checklists[0], module.reflections[0]
    deliver = DeliverEvidence(first.checklists, first.reflections, first.evidence)
    quick = in_order(checklist)[0]
    deliver.tick(module.id, checklist, quick, True)
    deliver.set_note(module.id, checklist, quick, "One page, three parts.")
    deliver.set_due_date(module.id, checklist, quick, date(2025, 5, 2))
    deliver.add_item_to_evidence(module.id, checklist, quick)
    deliver.save_reflection(module.id, reflection, "Cost, every time.", reflection.evidences)
    first.close()

    again = Learner.open(data_dir, [bundled_content])
    try:
        state = again.checklists.get(module.id, checklist.id, quick.id)
        assert state is not None and state.done and state.note == "One page, three parts."
        assert state.due == date(2025, 5, 2)
        saved = again.reflections.get(module.id, reflection.id)
        assert saved is not None and saved.text == "Cost, every time."
        kinds = sorted(item.kind for item in again.evidence.for_module(module.id))
        assert kinds == ["checklist_item", "reflection"]
        done = again.checklists.done_ids(module.id, checklist.id)
        assert progress(checklist, done).next_step == in_order(checklist)[1]
    finally:
        again.close()


def test_criteria_choices_offer_the_competency_and_the_authors_picks(
    data_dir: Path, bundled_content: Path
) -> None:
    learner = Learner.open(data_dir, [bundled_content])
    try:
        module = board(learner)
        framework = learner.library.pack_of(module).framework
        competency = framework.competency(module.competency)
        assert competency is not None
        choices = criteria_choices(framework, module.competency, ("EC1", "ST2", "ZZ9"))
        ids = [c.id for c in choices]
        assert ids[: len(competency.criteria)] == [c.id for c in competency.criteria]
        assert ids[-2:] == ["ST2", "ZZ9"] and choices[-1].text == ""
        assert choices[-2].text
        lines = criterion_lines(framework, ("EC1", "ZZ9"))
        assert lines[0].startswith("EC1: ") and lines[1] == "ZZ9"
    finally:
        learner.close()
