"""The only place that knows the review tables: each retrieval card's schedule, the words
the learner is typing for it, and every rating they gave (docs/review.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from zavmo_desktop.core.storage.database import Database


@dataclass(frozen=True, order=True)
class CardKey:
    pack_id: str
    module_id: str
    question_id: str


@dataclass(frozen=True)
class Schedule:
    """Where the scheduler left a card. `state` None: never rated yet."""

    due: datetime  # UTC
    state: int | None = None
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None


@dataclass(frozen=True)
class StoredCard:
    key: CardKey
    number: int  # the row's id, for the scheduler's card id
    question: str  # the question's text the schedule was built on
    schedule: Schedule | None  # None: the stored values could not be read (see _schedule)
    draft: str

    @property
    def new(self) -> bool:
        return self.schedule is None or self.schedule.state is None


class ReviewRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    _COLUMNS = """SELECT pack_id, module_id, question_id, rowid, question, due, state, step,
        stability, difficulty, last_review, draft FROM review_cards"""

    def all(self) -> dict[CardKey, StoredCard]:
        rows = self.db.execute(self._COLUMNS).fetchall()
        return {card.key: card for card in map(_stored, rows)}

    def get(self, key: CardKey) -> StoredCard | None:
        row = self.db.execute(
            f"{self._COLUMNS} WHERE pack_id = ? AND module_id = ? AND question_id = ?",
            [key.pack_id, key.module_id, key.question_id],
        ).fetchone()
        return _stored(row) if row else None

    def enter(self, cards: Iterable[tuple[CardKey, str]], now: datetime) -> None:
        """New cards, due now; a card already in the deck keeps its history."""
        stamp = _iso(now)
        with self.db.atomic():
            for key, question in cards:
                self.db.execute(
                    """INSERT INTO review_cards (pack_id, module_id, question_id, question, due,
                           entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT DO NOTHING""",
                    [*_ids(key), question, stamp, stamp, stamp],
                )

    def start_again(self, key: CardKey, question: str, now: datetime) -> None:
        """The card as if new (its question changed beyond recognition); the log stays."""
        with self.db.atomic():
            self.db.execute(
                """UPDATE review_cards SET question = ?, due = ?, state = NULL, step = NULL,
                       stability = NULL, difficulty = NULL, last_review = NULL, updated_at = ?
                   WHERE pack_id = ? AND module_id = ? AND question_id = ?""",
                [question, _iso(now), _iso(now), *_ids(key)],
            )

    def keep_question(self, key: CardKey, question: str) -> None:
        """A small rewording: the schedule stays, with the new words."""
        with self.db.atomic():
            self.db.execute(
                """UPDATE review_cards SET question = ?
                   WHERE pack_id = ? AND module_id = ? AND question_id = ?""",
                [question, *_ids(key)],
            )

    def save_draft(self, key: CardKey, text: str, now: datetime) -> None:
        """Exactly as typed, so closing (or a crash) never loses it."""
        with self.db.atomic():
            self.db.execute(
                """UPDATE review_cards SET draft = ?, updated_at = ?
                   WHERE pack_id = ? AND module_id = ? AND question_id = ?""",
                [text, _iso(now), *_ids(key)],
            )

    def record(
        self, key: CardKey, rating: int, answer: str, schedule: Schedule, now: datetime
    ) -> None:
        """One transaction: the rating and what was written go into the log, the card gets
        its new schedule and its draft is cleared."""
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO review_log (pack_id, module_id, question_id, rating, answer,
                       reviewed_at) VALUES (?, ?, ?, ?, ?, ?)""",
                [*_ids(key), rating, answer, _iso(now)],
            )
            last = schedule.last_review
            self.db.execute(
                """UPDATE review_cards SET due = ?, state = ?, step = ?, stability = ?,
                       difficulty = ?, last_review = ?, draft = '', updated_at = ?
                   WHERE pack_id = ? AND module_id = ? AND question_id = ?""",
                [
                    _iso(schedule.due),
                    schedule.state,
                    schedule.step,
                    schedule.stability,
                    schedule.difficulty,
                    _iso(last) if last else None,
                    _iso(now),
                    *_ids(key),
                ],
            )

    def rated_between(self, start: datetime, end: datetime) -> int:
        """How many ratings were given in [start, end): today's, for the day's cap."""
        row = self.db.execute(
            "SELECT count(*) FROM review_log WHERE reviewed_at >= ? AND reviewed_at < ?",
            [_iso(start), _iso(end)],
        ).fetchone()
        return int(row[0])

    def ratings(self, key: CardKey) -> list[int]:
        rows = self.db.execute(
            """SELECT rating FROM review_log WHERE pack_id = ? AND module_id = ? AND
                   question_id = ? ORDER BY id""",
            _ids(key),
        ).fetchall()
        return [int(row[0]) for row in rows]


def _ids(key: CardKey) -> list[str]:
    return [key.pack_id, key.module_id, key.question_id]


def _iso(moment: datetime) -> str:
    """UTC, to the second, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _stored(row: tuple[object, ...]) -> StoredCard:
    pack_id, module_id, question_id, number, question, *schedule, draft = row
    key = CardKey(str(pack_id), str(module_id), str(question_id))
    return StoredCard(key, int(str(number)), str(question), _schedule(*schedule), str(draft))


def _schedule(
    due: object,
    state: object,
    step: object,
    stability: object,
    difficulty: object,
    last_review: object,
) -> Schedule | None:
    """None when the stored values make no schedule (an edited or damaged row): the card
    is then reviewed as new rather than stopping the review."""
    try:
        when = _moment(due)
        last = _moment(last_review) if last_review is not None else None
        if when is None or (state is not None and (stability is None or difficulty is None)):
            return None
        return Schedule(
            when,
            None if state is None else int(str(state)),
            None if step is None else int(str(step)),
            None if stability is None else float(str(stability)),
            None if difficulty is None else float(str(difficulty)),
            last,
        )
    except ValueError:
        return None


def _moment(value: object) -> datetime | None:
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo is not None else None
