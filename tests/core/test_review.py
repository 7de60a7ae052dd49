"""Retrieval practice on a real learner database and the real bundled pack: what is due,
what a rating does, the day's cap, restarts, edited and removed content, damage."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.review.deck import DAY_CAP, SECONDS_PER_CARD, DailyReview
from zavmo_desktop.core.review.scheduling import record_rating
from zavmo_desktop.core.review.wording import done_text, today_text
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.store import open_store

BOARD, TEAMS, INCIDENTS = "board-storytelling", "leading-ml-teams", "model-incidents"
MONDAY = datetime(2026, 12, 7, 10, 0).astimezone()  # local time: days are the learner's days


def day(n: int, hour: int = 10) -> datetime:
    return (MONDAY + timedelta(days=n)).replace(hour=hour)


@pytest.fixture
def learner(data_dir: Path, bundled_content: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [bundled_content])
    yield opened
    opened.close()


def rate_all(learner: Learner, review: DailyReview, rating: Rating, now: datetime) -> None:
    for card in review.cards:
        stored = learner.review.get(card.key)
        assert stored is not None
        record_rating(learner.review, stored, rating, "my words", now)


def test_a_module_enters_the_review_once_finished_and_not_before(learner: Learner) -> None:
    learner.mark_opened(learner.module(BOARD))  # type: ignore[arg-type]
    assert learner.todays_review(MONDAY).cards == ()
    learner.set_complete(BOARD, True)
    review = learner.todays_review(MONDAY)
    board = learner.module(BOARD)
    assert board is not None and len(board.retrieval) >= 4
    assert [c.question.id for c in review.cards] == [q.id for q in board.retrieval]
    learner.save_position(TEAMS, 1.0)  # read to its end, not marked complete
    assert {c.module.id for c in learner.todays_review(MONDAY).cards} == {BOARD, TEAMS}


def test_good_is_not_due_tomorrow_and_again_comes_back_sooner(learner: Learner) -> None:
    learner.set_complete(BOARD, True)
    first, second, *_ = learner.todays_review(day(0)).cards
    record_rating(learner.review, first.stored, Rating.Good, "", day(0))
    record_rating(learner.review, second.stored, Rating.Again, "", day(0))
    tomorrow = {c.key for c in learner.todays_review(day(1)).cards}
    assert first.key not in tomorrow
    assert second.key in tomorrow  # "I didn't remember it": back the next day
    assert first.key in {c.key for c in learner.todays_review(day(2)).cards}
    assert learner.review.ratings(first.key) == [Rating.Good]


def test_a_rated_card_is_not_asked_again_the_same_day(learner: Learner) -> None:
    learner.set_complete(BOARD, True)
    review = learner.todays_review(day(0))
    record_rating(learner.review, review.cards[0].stored, Rating.Again, "", day(0))
    later = learner.todays_review(day(0, hour=21))
    assert review.cards[0].key not in {c.key for c in later.cards}
    assert len(later.cards) == len(review.cards) - 1


def test_restart_keeps_schedules_history_and_what_was_typed(
    data_dir: Path, bundled_content: Path
) -> None:
    learner = Learner.open(data_dir, [bundled_content])
    learner.set_complete(BOARD, True)
    first, second, *_ = learner.todays_review(day(0)).cards
    record_rating(learner.review, first.stored, Rating.Easy, "result first", day(0))
    learner.review.save_draft(second.key, "three things: value, cost, ris", day(0))
    before = learner.review.get(first.key)
    learner.close()

    again = Learner.open(data_dir, [bundled_content])
    try:
        assert again.review.get(first.key) == before
        assert again.review.get(second.key).draft == "three things: value, cost, ris"  # type: ignore[union-attr]
        assert again.review.ratings(first.key) == [Rating.Easy]
        waiting = [c.key for c in again.todays_review(day(0, hour=15)).cards]
        assert first.key not in waiting and second.key in waiting
    finally:
        again.close()


def test_the_day_is_capped_and_the_rest_waits_calmly(learner: Learner) -> None:
    for module_id in (BOARD, TEAMS, INCIDENTS):
        learner.set_complete(module_id, True)
    review = learner.todays_review(day(0))
    assert review.in_deck == 18
    assert len(review.cards) == DAY_CAP == 8
    assert review.minutes == 10 and DAY_CAP * SECONDS_PER_CARD <= 10 * 60
    assert today_text(review) == "Review: 8 questions, about 10 minutes."
    rate_all(learner, review, Rating.Good, day(0))
    done = learner.todays_review(day(0, hour=18))
    assert done.cards == () and done.next_day == date(2026, 12, 8)
    assert done_text(done, MONDAY.date()) == "That's today's review done. Next review: tomorrow."
    # Away for a week: more is due, but the day is still capped.
    assert len(learner.todays_review(day(9)).cards) == DAY_CAP


def test_cards_already_learned_come_before_new_ones(learner: Learner) -> None:
    learner.set_complete(BOARD, True)
    rate_all(learner, learner.todays_review(day(0)), Rating.Again, day(0))
    learner.set_complete(TEAMS, True)
    learner.set_complete(INCIDENTS, True)
    tomorrow = learner.todays_review(day(1)).cards
    assert [c.module.id for c in tomorrow[:6]] == [BOARD] * 6
    assert len(tomorrow) == DAY_CAP


def test_next_review_names_the_day(learner: Learner) -> None:
    learner.set_complete(BOARD, True)
    rate_all(learner, learner.todays_review(day(0)), Rating.Good, day(0))
    done = learner.todays_review(day(0, hour=12))
    assert done.next_day == date(2026, 12, 9)
    assert done_text(done, MONDAY.date()).endswith("Next review: Wednesday.")


def copied_pack(tmp_path: Path, bundled_content: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(bundled_content, pack)
    return pack


def test_a_module_removed_from_the_pack_leaves_its_cards_out(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    pack = copied_pack(tmp_path, bundled_content)
    learner = Learner.open(data_dir, [pack])
    learner.set_complete(BOARD, True)
    learner.set_complete(TEAMS, True)
    rate_all(learner, learner.todays_review(day(0)), Rating.Again, day(0))
    learner.close()
    (pack / "modules" / f"{TEAMS}.md").unlink()

    again = Learner.open(data_dir, [pack])
    try:
        review = again.todays_review(day(1))
        assert {c.module.id for c in review.cards} == {BOARD}
        assert review.in_deck == 6
        kept = [k for k in again.review.all() if k.module_id == TEAMS]
        assert len(kept) == 6  # kept, so they come back with their history
    finally:
        again.close()


def edit_question(pack: Path, question_id: str, new: str) -> None:
    module = pack / "modules" / f"{BOARD}.md"
    lines = module.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {question_id}")
    assert lines[at + 1].lstrip().startswith("question:")
    lines[at + 1] = f"    question: {new}\n"
    module.write_text("".join(lines))


def test_a_reworded_question_keeps_its_history_and_a_new_one_starts_again(
    data_dir: Path, bundled_content: Path, tmp_path: Path
) -> None:
    pack = copied_pack(tmp_path, bundled_content)
    learner = Learner.open(data_dir, [pack])
    learner.set_complete(BOARD, True)
    rate_all(learner, learner.todays_review(day(0)), Rating.Easy, day(0))
    learner.close()
    edit_question(
        pack, "result-first", "In which order do you put the result, the reasons and the detail?"
    )
    edit_question(pack, "three-things", "How should a board paper treat bad news?")

    again = Learner.open(data_dir, [pack])
    try:
        due = {c.question.id: c for c in again.todays_review(day(1)).cards}
        assert "result-first" not in due  # a small rewording keeps the schedule
        assert due["three-things"].stored.new  # a different question starts again
        assert due["three-things"].stored.question == "How should a board paper treat bad news?"
        keys = {c.question.id: c.key for c in again.todays_review(day(1)).cards}
        assert again.review.ratings(keys["three-things"]) == [Rating.Easy]  # history kept
    finally:
        again.close()


def test_an_unreadable_card_row_is_reviewed_as_new(learner: Learner, data_dir: Path) -> None:
    learner.set_complete(BOARD, True)
    first = learner.todays_review(day(0)).cards[0]
    record_rating(learner.review, first.stored, Rating.Good, "", day(0))
    conn = sqlite3.connect(data_dir / DATABASE_NAME)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "UPDATE review_cards SET due = 'not a date', stability = NULL WHERE question_id = ?",
        [first.question.id],
    )
    conn.commit()
    conn.close()
    review = learner.todays_review(day(0, hour=12))
    card = next(c for c in review.cards if c.key == first.key)
    assert card.stored.new
    record_rating(learner.review, card.stored, Rating.Good, "", day(0, hour=12))
    assert learner.review.get(first.key).schedule is not None  # type: ignore[union-attr]


def test_a_damaged_review_table_is_restored_from_the_backup(
    data_dir: Path, bundled_content: Path
) -> None:
    learner = Learner.open(data_dir, [bundled_content])
    learner.set_complete(BOARD, True)
    rate_all(learner, learner.todays_review(day(0)), Rating.Good, day(0))
    learner.back_up()
    learner.close()
    database = data_dir / DATABASE_NAME
    conn = sqlite3.connect(database)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'review_cards'").fetchone()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with database.open("r+b") as handle:  # the review table's own page, overwritten
        handle.seek((page[0] - 1) * size)
        handle.write(b"\xff" * size)

    store = open_store(data_dir)
    try:
        assert any("restored the backup" in notice for notice in store.notices)
        rows = store.db.execute("SELECT count(*) FROM review_cards WHERE state IS NOT NULL")
        assert rows.fetchone()[0] == 6
    finally:
        store.db.conn.close()
