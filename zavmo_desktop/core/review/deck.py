"""Today's review: which retrieval cards are due, capped so the day's review fits in about
ten minutes (docs/review.md). No FSRS here: Home asks this at start, and scheduling a
rating (core.review.scheduling) is the only thing that needs the scheduler.

A module's questions enter the deck once the learner has finished it: marked it complete,
or read to its end. Cards of modules no longer in the library are left out, not deleted,
so they come back with their history if the module does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from zavmo_desktop.core.content.models import Library, Module, RetrievalQuestion
from zavmo_desktop.core.storage.problems import STORAGE_ERRORS
from zavmo_desktop.core.storage.repositories import ModuleProgress
from zavmo_desktop.core.storage.review_cards import CardKey, ReviewRepository, StoredCard

SECONDS_PER_CARD = 75  # read the question, recall and jot a line, compare, rate
DAY_MINUTES = 10
DAY_CAP = DAY_MINUTES * 60 // SECONDS_PER_CARD  # 8 cards
SAME_QUESTION = 0.5  # share of words a reworded question keeps to keep its schedule


@dataclass(frozen=True)
class DueCard:
    key: CardKey
    module: Module
    question: RetrievalQuestion
    stored: StoredCard


@dataclass(frozen=True)
class DailyReview:
    cards: tuple[DueCard, ...]  # today's, in order, at most what is left of the day's cap
    next_day: date | None  # the first day after today with something to review
    in_deck: int  # cards of finished modules in the library, due or not

    @property
    def minutes(self) -> int:
        return math.ceil(len(self.cards) * SECONDS_PER_CARD / 60)


def finished(progress: ModuleProgress | None) -> bool:
    return progress is not None and (progress.complete or progress.position >= 1.0)


def key_of(module: Module, question: RetrievalQuestion) -> CardKey:
    return CardKey(module.pack_id, module.id, question.id)


def reworded_beyond_recognition(before: str, after: str) -> bool:
    """True when the question shares fewer than half its words with what it was."""
    old, new = _words(before), _words(after)
    if old == new:
        return False
    return len(old & new) / max(1, len(old | new)) < SAME_QUESTION


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def bring_up_to_date(
    library: Library,
    progress: Mapping[str, ModuleProgress],
    review: ReviewRepository,
    now: datetime,
) -> dict[CardKey, StoredCard]:
    """Enters the questions of finished modules, and starts again a card whose question was
    reworded beyond recognition; writes only when something changed."""
    stored = review.all()
    entering: list[tuple[CardKey, str]] = []
    changed = False
    for module in library.modules:
        if not module.retrieval or not finished(progress.get(module.id)):
            continue
        for question in module.retrieval:
            key, text = key_of(module, question), question.question
            card = stored.get(key)
            if card is None:
                entering.append((key, text))
            elif card.question != text:
                changed = True
                if reworded_beyond_recognition(card.question, text):
                    review.start_again(key, text, now)
                else:
                    review.keep_question(key, text)
    if entering:
        review.enter(entering, now)
    return review.all() if entering or changed else stored


def daily_review(
    library: Library,
    stored: Mapping[CardKey, StoredCard],
    rated_today: int,
    now: datetime,
) -> DailyReview:
    """Cards due by the end of today: those reviewed before first (earliest due first),
    then new ones, in the pack's order; capped at what is left of DAY_CAP today."""
    today = local_day(now)
    deck = [
        DueCard(key, module, question, stored[key])
        for module in library.modules
        for question in module.retrieval
        if (key := key_of(module, question)) in stored
    ]
    due = [card for card in deck if _due_day(card.stored, today) <= today]
    due.sort(key=lambda card: (card.stored.new, _due_day(card.stored, today)))
    room = max(0, DAY_CAP - rated_today)
    later = [_due_day(c.stored, today) for c in deck if _due_day(c.stored, today) > today]
    if len(due) > room:
        later.append(today + timedelta(days=1))  # what the cap left waits for tomorrow
    return DailyReview(tuple(due[:room]), min(later, default=None), len(deck))


def local_day(now: datetime) -> date:
    return now.astimezone().date()


def day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """The local day `now` is in, as a half-open range: today's ratings are in it."""
    start = datetime.combine(local_day(now), time()).astimezone()
    return start, datetime.combine(local_day(now) + timedelta(days=1), time()).astimezone()


def _due_day(card: StoredCard, today: date) -> date:
    # A card whose stored schedule cannot be read is due now, as new.
    return card.schedule.due.astimezone().date() if card.schedule else today


def todays_review(
    library: Library,
    progress: Mapping[str, ModuleProgress],
    review: ReviewRepository,
    now: datetime,
) -> DailyReview:
    try:
        stored = bring_up_to_date(library, progress, review, now)
    except STORAGE_ERRORS:  # a full disk: what is kept is reviewed; the rest enters later
        stored = review.all()
    return daily_review(library, stored, review.rated_between(*day_bounds(now)), now)
