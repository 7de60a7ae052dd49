"""Which evidence items the portfolio list shows: by competency, criterion, kind, date and
outcome. No Qt. An empty choice (None) lets every item through."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from zavmo_desktop.core.deliver.evidence import long_date
from zavmo_desktop.core.portfolio.evidence_words import local_time
from zavmo_desktop.core.storage.evidence import EvidenceItem

CHOOSE_DATES = "dates"  # the period that shows the From and To fields
PERIODS = (("All dates", None), ("Last 7 days", 7), ("Last 30 days", 30),
           ("Choose dates…", CHOOSE_DATES))  # fmt: skip
OUTCOMES = (("Met the threshold", True), ("Not yet met", False), ("Not judged", None))


@dataclass(frozen=True)
class EvidenceFilter:
    competency: str | None = None  # a competency id: items mapped to any of its criteria
    criterion: str | None = None
    kind: str | None = None
    days: int | None = None  # made in the last so many days, today included
    outcome: str | None = None  # a word of OUTCOMES, so that None can mean "any"
    since: date | None = None  # made on or after this day (the From field)
    until: date | None = None  # made on or before this day (the To field)

    @property
    def narrows(self) -> bool:
        return any(v is not None for v in (self.competency, self.criterion, self.kind,
                                           self.days, self.outcome, self.since,
                                           self.until))  # fmt: skip

    @property
    def dates_crossed(self) -> bool:
        """From is later than To: no day is in between, so nothing can match."""
        return self.since is not None and self.until is not None and self.since > self.until


def crossed_dates_words(chosen: EvidenceFilter) -> str:
    """What the list says, calmly, when From is after To; "" when the dates are in order."""
    if not chosen.dates_crossed:
        return ""
    assert chosen.since is not None and chosen.until is not None
    return (
        f"The From date ({long_date(chosen.since)}) is after the To date "
        f"({long_date(chosen.until)}), so no day is in between. Choose a From date on or "
        "before the To date."
    )


def _made_on(item: EvidenceItem) -> date | None:
    try:
        return local_time(item.created_at).date()
    except ValueError:
        return None


def matches(
    item: EvidenceItem, chosen: EvidenceFilter, competency_criteria: Mapping[str, Sequence[str]],
    today: date,
) -> bool:  # fmt: skip
    if chosen.competency is not None and not set(item.criteria) & set(
        competency_criteria.get(chosen.competency, ())
    ):
        return False
    if chosen.criterion is not None and chosen.criterion not in item.criteria:
        return False
    if chosen.kind is not None and item.kind != chosen.kind:
        return False
    if chosen.days is not None:
        made = _made_on(item)
        if made is None or made < today - timedelta(days=chosen.days - 1):
            return False
    if chosen.since is not None or chosen.until is not None:
        made = _made_on(item)
        if made is None or not (chosen.since or made) <= made <= (chosen.until or made):
            return False
    if chosen.outcome is not None:
        wanted = dict(OUTCOMES).get(chosen.outcome, "unknown")
        return item.met is wanted
    return True


def filtered(
    items: Iterable[EvidenceItem], chosen: EvidenceFilter,
    competency_criteria: Mapping[str, Sequence[str]], today: date,
) -> list[EvidenceItem]:  # fmt: skip
    return [item for item in items if matches(item, chosen, competency_criteria, today)]


def count_words(shown: int, total: int) -> str:
    return f"Showing {shown} of {total} item{'' if total == 1 else 's'}"
