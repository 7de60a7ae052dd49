"""The only place that knows the learner_profile table: the learner's name, the role they
work towards, their week and dates, how they work, and how far the onboarding got."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime

from zavmo_desktop.core.profile.model import LearnerProfile, Onboarding, clean, problems
from zavmo_desktop.core.storage.database import Database

Clock = Callable[[], datetime]

_COLUMNS = """SELECT display_name, role, hours_per_week, study_days, start_date, target_date,
    how_i_work, onboarding, onboarding_step FROM learner_profile WHERE id = 1"""


class InvalidProfile(ValueError):
    """A profile that does not make sense was about to be stored: the UI checks first."""


class ProfileRepository:
    def __init__(self, db: Database, now: Clock = datetime.now) -> None:
        self.db = db
        self._now = now

    def load(self) -> LearnerProfile:
        row = self.db.execute(_COLUMNS).fetchone()
        return _profile(row) if row else LearnerProfile()

    def save(self, profile: LearnerProfile) -> LearnerProfile:
        """Store every answer at once, in one transaction; returns what was stored."""
        wrong = problems(profile)
        if wrong:
            raise InvalidProfile("; ".join(p.message for p in wrong))
        kept = clean(profile)
        now = self._now().isoformat(timespec="seconds")
        values = [
            kept.name, kept.role, kept.hours_per_week, json.dumps(list(kept.study_days)),
            _day(kept.start_date), _day(kept.target_date), json.dumps(list(kept.how_i_work)),
            kept.onboarding.value, kept.onboarding_step,
        ]  # fmt: skip
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO learner_profile (id, display_name, role, hours_per_week,
                       study_days, start_date, target_date, how_i_work, onboarding,
                       onboarding_step, created_at, updated_at)
                   VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name,
                       role = excluded.role, hours_per_week = excluded.hours_per_week,
                       study_days = excluded.study_days, start_date = excluded.start_date,
                       target_date = excluded.target_date, how_i_work = excluded.how_i_work,
                       onboarding = excluded.onboarding,
                       onboarding_step = excluded.onboarding_step,
                       updated_at = excluded.updated_at""",
                [*values, now, now],
            )
        return kept

    def display_name(self) -> str:
        return self.load().name

    def set_display_name(self, name: str) -> None:
        self.save(self.load().but(name=name))


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _list(text: object) -> list[object]:
    try:
        loaded = json.loads(str(text))
    except ValueError:
        return []
    return loaded if isinstance(loaded, list) else []


def _profile(row: tuple[object, ...]) -> LearnerProfile:
    name, role, hours, days, start, target, how, onboarding, step = row
    try:
        state = Onboarding(onboarding)
    except ValueError:
        state = Onboarding.NOT_STARTED
    return LearnerProfile(
        name=str(name or ""),
        role=str(role or ""),
        hours_per_week=float(hours) if isinstance(hours, int | float) else None,
        study_days=tuple(d for d in _list(days) if isinstance(d, int) and 0 <= d < 7),
        start_date=_date(start),
        target_date=_date(target),
        how_i_work=tuple(str(a) for a in _list(how)),
        onboarding=state,
        onboarding_step=int(step) if isinstance(step, int) else 0,
    )
