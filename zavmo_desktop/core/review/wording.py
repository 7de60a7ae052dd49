"""What the review says, in calm words: how much there is today, and when the next one is.
Never how many days were missed, never a streak."""

from __future__ import annotations

from datetime import date, timedelta

from zavmo_desktop.core.review.deck import DailyReview


def questions_text(count: int) -> str:
    return "1 question" if count == 1 else f"{count} questions"


def today_text(review: DailyReview) -> str:
    """ "Review: 6 questions, about 8 minutes." """
    minutes = "1 minute" if review.minutes == 1 else f"{review.minutes} minutes"
    return f"Review: {questions_text(len(review.cards))}, about {minutes}."


def day_words(day: date, today: date) -> str:
    if day <= today + timedelta(days=1):
        return "tomorrow"
    if day < today + timedelta(days=7):
        return f"{day:%A}"
    return f"{day:%A} {day.day} {day:%B}"


def next_review_text(review: DailyReview, today: date) -> str:
    if review.next_day is None:
        return "Questions from the next module you finish join your review."
    return f"Next review: {day_words(review.next_day, today)}."


def done_text(review: DailyReview, today: date) -> str:
    return f"That's today's review done. {next_review_text(review, today)}"


NOTHING_YET = (
    "Nothing to review yet. When you finish a module (mark it complete or read to its end), "
    "its questions join a short daily review here."
)
