"""What a criterion's evidence shows: none, some, evidenced or verified (docs/portfolio.md).

Pure functions over stored items and sign-offs, so the matrix, the portfolio screen and the
exports all count the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.core.storage.signoffs import SignOff


class Status(StrEnum):
    NONE = "no evidence"
    SOME = "some evidence"  # something maps to the criterion
    EVIDENCED = "evidenced"  # an item that met the author's threshold maps to it
    VERIFIED = "verified"  # a named person's sign-off is recorded (not a certificate)


@dataclass(frozen=True)
class CriterionState:
    criterion_id: str
    status: Status
    items: tuple[int, ...]  # every item mapped to it, oldest first
    met_items: tuple[int, ...]  # those that met the threshold
    sign_off: SignOff | None  # the latest active sign-off


def criterion_ids(framework: Framework) -> list[str]:
    return [
        criterion.id
        for area in framework.areas
        for competency in area.competencies
        for criterion in competency.criteria
    ]


def criterion_states(
    framework: Framework, items: Iterable[EvidenceItem], sign_offs: Iterable[SignOff]
) -> dict[str, CriterionState]:
    """Every criterion of the framework, in the framework's order, with what shows it.
    Items and sign-offs for criteria the framework does not have are left out."""
    ids = criterion_ids(framework)
    mapped: dict[str, list[EvidenceItem]] = {criterion: [] for criterion in ids}
    for item in sorted(items, key=lambda i: (i.created_at, i.id)):
        for criterion in item.criteria:
            if criterion in mapped:
                mapped[criterion].append(item)
    signed: dict[str, SignOff] = {}
    for sign_off in sorted(sign_offs, key=lambda s: s.id):
        if sign_off.withdrawn_at is None and sign_off.criterion_id in mapped:
            signed[sign_off.criterion_id] = sign_off
    return {
        criterion: _state(criterion, mapped[criterion], signed.get(criterion)) for criterion in ids
    }


def _state(criterion: str, items: list[EvidenceItem], sign_off: SignOff | None) -> CriterionState:
    met = tuple(item.id for item in items if item.met is True)
    if sign_off is not None:
        status = Status.VERIFIED
    elif met:
        status = Status.EVIDENCED
    elif items:
        status = Status.SOME
    else:
        status = Status.NONE
    return CriterionState(criterion, status, tuple(i.id for i in items), met, sign_off)
