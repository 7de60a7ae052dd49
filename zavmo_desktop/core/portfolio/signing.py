"""Recording a person's sign-off on this laptop, and withdrawing one, as the dialog asks.

A sign-off is a record that someone signed criteria off; it is not a certificate, and the
app cannot check who typed the name. One row per criterion (core/storage/signoffs.py), all
written in one transaction so a refused date or name leaves none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from zavmo_desktop.core.storage.signoffs import SignOff, SignOffRepository

MAX_NAME_CHARS = 120
MAX_ROLE_CHARS = 160
MAX_COMMENT_CHARS = 4000


class SignOffRefused(ValueError):
    """The sign-off cannot be recorded as given; the message says what to change."""


def checked_assessor(name: str, role: str = "") -> tuple[str, str]:
    """The name and the role as they are kept (each in its own column, m012), or why not."""
    name, role = " ".join(name.split()), " ".join(role.split())
    if not name:
        raise SignOffRefused("Type the name of the person signing off.")
    if len(name) > MAX_NAME_CHARS:
        raise SignOffRefused(f"Keep the name under {MAX_NAME_CHARS} characters.")
    if len(role) > MAX_ROLE_CHARS:
        raise SignOffRefused(f"Keep the role and organisation under {MAX_ROLE_CHARS} characters.")
    return name, role


def record_sign_offs(
    sign_offs: SignOffRepository, criteria: Sequence[str], name: str, role: str,
    signed_on: date, comment: str = "", today: date | None = None,
) -> list[SignOff]:  # fmt: skip
    """One sign-off for each criterion, by the same person on the same date, or none."""
    name, role = checked_assessor(name, role)
    if not criteria:
        raise SignOffRefused("Choose at least one criterion that is being signed off.")
    if signed_on > (today or date.today()):
        raise SignOffRefused("The date signed cannot be later than today.")
    if len(comment) > MAX_COMMENT_CHARS:
        raise SignOffRefused(f"Keep the comment under {MAX_COMMENT_CHARS} characters.")
    with sign_offs.db.atomic():
        return [
            sign_offs.record(criterion, name, signed_on, comment, role=role)
            for criterion in dict.fromkeys(criteria)
        ]


def withdraw_sign_off(sign_offs: SignOffRepository, sign_off_id: int, reason: str) -> None:
    """Withdraw it, saying why (kept in its own column); the sign-off and its history stay."""
    if not reason.strip():
        raise SignOffRefused("Say why the sign-off is being withdrawn.")
    if len(reason) > MAX_COMMENT_CHARS:
        raise SignOffRefused(f"Keep the reason under {MAX_COMMENT_CHARS} characters.")
    sign_offs.withdraw(sign_off_id, who="learner", reason=reason)
