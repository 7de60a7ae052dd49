"""The learner's profile and the checks that keep it sensible, with calm words for each.

Every answer is optional: an empty name, no role, no hours and no dates are all fine.
What is there must make sense (hours from 0 to 60, a target after the start); the
onboarding and the profile panel keep what is valid and say what is not.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import Enum

MAX_HOURS = 60.0
MAX_NAME = 80
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Onboarding(Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class LearnerProfile:
    name: str = ""
    role: str = ""  # the id of the pack whose role the learner works towards; "" = not chosen
    hours_per_week: float | None = None
    study_days: tuple[int, ...] = ()  # 0 = Monday ... 6 = Sunday, in order
    start_date: date | None = None
    target_date: date | None = None
    how_i_work: tuple[str, ...] = ()  # ids of the statements the learner ticked
    onboarding: Onboarding = Onboarding.NOT_STARTED
    onboarding_step: int = 0  # where a paused onboarding resumes

    @property
    def needs_onboarding(self) -> bool:
        return self.onboarding in (Onboarding.NOT_STARTED, Onboarding.IN_PROGRESS)

    def but(self, **changes: object) -> LearnerProfile:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class FieldProblem:
    field: str  # the LearnerProfile field it is about
    message: str


def problems(profile: LearnerProfile) -> list[FieldProblem]:
    """What does not make sense in the profile, in plain and calm words."""
    found = []
    if len(profile.name.strip()) > MAX_NAME:
        found.append(FieldProblem("name", f"A name of up to {MAX_NAME} characters fits here."))
    hours = profile.hours_per_week
    if hours is not None and not 0 <= hours <= MAX_HOURS:
        found.append(
            FieldProblem("hours_per_week", f"Hours per week can be from 0 to {MAX_HOURS:g}.")
        )
    if any(day not in range(7) for day in profile.study_days):
        found.append(FieldProblem("study_days", "A study day is one of the seven weekdays."))
    start, target = profile.start_date, profile.target_date
    if target is not None and start is not None and target <= start:
        found.append(
            FieldProblem(
                "target_date",
                "The target date needs to be after the start date. Choose a later day, "
                "or leave the target date out.",
            )
        )
    return found


def keep_valid(draft: LearnerProfile, saved: LearnerProfile) -> LearnerProfile:
    """The draft with each field that does not make sense put back to its saved value."""
    wrong = {problem.field for problem in problems(draft)}
    kept = draft.but(**{name: getattr(saved, name) for name in wrong})
    if problems(kept):  # the saved value clashes with a new one (a start moved past the target)
        kept = kept.but(target_date=None)
    return kept


def clean(profile: LearnerProfile) -> LearnerProfile:
    """The profile as it is stored: the name trimmed, days sorted once each."""
    days = tuple(sorted(set(profile.study_days)))
    return profile.but(name=profile.name.strip(), study_days=days)


def hours_note(profile: LearnerProfile) -> str:
    """A quiet word on what the hours mean for a week, or why no plan can be made yet."""
    hours = profile.hours_per_week
    if hours is None:
        return ""
    if hours == 0:
        return (
            "With 0 hours a week Zavmo cannot plan your weeks yet. That is fine: "
            "you can change it whenever you like."
        )
    days = len(set(profile.study_days))
    if not days:
        return ""
    each = round(hours * 60 / days)
    return f"That is about {minutes_words(each)} on each of your {days} study days."


def minutes_words(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'' if hours == 1 else 's'}"] if hours else []
    parts += [f"{rest} minute{'' if rest == 1 else 's'}"] if rest or not hours else []
    return " ".join(parts)


def days_words(days: tuple[int, ...]) -> str:
    names = [DAY_NAMES[d] for d in sorted(set(days)) if d in range(7)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
