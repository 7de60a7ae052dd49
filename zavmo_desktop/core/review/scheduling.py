"""Scheduling a rated card with FSRS (the `fsrs` package), for a once-a-day review.

No learning steps of minutes: the review is a short daily step, not a drill, so every
rating schedules whole days ("I didn't remember it" brings a card back tomorrow, "Yes" on
a new card in two days). No fuzz: the same ratings always give the same days, so the
review is predictable. Nothing is scheduled more than a year ahead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from fsrs import Card, Rating, Scheduler, State

from zavmo_desktop.core.storage.review_cards import ReviewRepository, Schedule, StoredCard

if TYPE_CHECKING:
    from zavmo_desktop.core.storage.evidence import EvidenceRepository

SCHEDULER = Scheduler(
    desired_retention=0.9,
    learning_steps=(),
    relearning_steps=(),
    maximum_interval=365,
    enable_fuzzing=False,
)

# What the learner is asked, and the four answers they choose from, in plain words.
QUESTION = "How well did you know it?"
RATINGS: tuple[tuple[Rating, str], ...] = (
    (Rating.Again, "I didn't remember it"),
    (Rating.Hard, "With effort"),
    (Rating.Good, "Yes"),
    (Rating.Easy, "Easily"),
)


def card_of(stored: StoredCard, now: datetime) -> Card:
    schedule = stored.schedule
    if schedule is None or schedule.state is None:
        return Card(card_id=stored.number, due=now.astimezone(UTC))
    return Card(
        card_id=stored.number,
        state=State(schedule.state),
        step=schedule.step,
        stability=schedule.stability,
        difficulty=schedule.difficulty,
        due=schedule.due,
        last_review=schedule.last_review,
    )


def next_schedule(stored: StoredCard, rating: Rating, now: datetime) -> Schedule:
    moment = now.astimezone(UTC)
    try:
        card = card_of(stored, now)
        reviewed, _log = SCHEDULER.review_card(card, rating, moment)
    except ValueError:  # a stored state FSRS refuses: review it as a new card
        reviewed, _log = SCHEDULER.review_card(
            Card(card_id=stored.number, due=moment), rating, moment
        )
    return Schedule(
        reviewed.due,
        int(reviewed.state),
        reviewed.step,
        reviewed.stability,
        reviewed.difficulty,
        reviewed.last_review,
    )


def record_rating(
    review: ReviewRepository,
    stored: StoredCard,
    rating: Rating,
    answer: str,
    now: datetime,
    *,
    evidence: EvidenceRepository | None = None,
    criteria: Sequence[str] = (),
) -> Schedule:
    """Schedules the card, logs the rating with what the learner wrote, clears the draft;
    with `evidence`, the card's evidence item is brought up to date in the same transaction."""
    schedule = next_schedule(stored, rating, now)
    with review.db.atomic():
        review.record(stored.key, int(rating), answer, schedule, now)
        if evidence is not None:
            from zavmo_desktop.core.portfolio.activity_evidence import retrieval_evidence

            ratings = review.ratings(stored.key)
            evidence.save(
                retrieval_evidence(stored.key, stored.question, answer, ratings, criteria)
            )
    return schedule
