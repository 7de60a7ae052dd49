"""How a sign-off reads where the learner looks: under an evidence item and in the matrix.

No Qt. A sign-off is a record that a person signed a criterion off on this laptop, never a
certificate, and every place that shows one says so in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from zavmo_desktop.core.deliver.evidence import long_date
from zavmo_desktop.core.storage.signoffs import SignOff

A_RECORD = "a record of a person's sign-off, not a certificate"
NOT_A_CERTIFICATE = f"Each is {A_RECORD}."
ONE_NOT_A_CERTIFICATE = f"It is {A_RECORD}."
MATRIX_COMMENT = 80  # characters of a comment the line under the matrix shows
NONE_SIGNED = "No sign-off is recorded for the criteria this item maps to."


def signed_on_words(sign_off: SignOff) -> str:
    """ "2 December 2026"; the stored text as it is if it is not a date."""
    try:
        return long_date(date.fromisoformat(sign_off.signed_on))
    except ValueError:
        return sign_off.signed_on


def _with_comment(said: str, sign_off: SignOff, most: int | None = None) -> str:
    """The sentence, then the comment on one line after a colon; a full stop at the end.
    `most`: the comment's characters at most, cut at a word with "…" after it."""
    comment = " ".join(sign_off.comment.split()).rstrip(",;:")  # a full stop goes after it
    if most is not None and len(comment) > most:
        comment = comment[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if not comment:
        return f"{said}."
    return f"{said}: {comment}" if comment[-1] in ".!?…" else f"{said}: {comment}."


def signed_off_line(sign_off: SignOff) -> str:
    """ "EC2 signed off by Priya Shah (Head of Data, Acme) on 2 December 2026: Seen at
    work." Without a comment the sentence ends at the date."""
    who = f"{sign_off.criterion_id} signed off by {sign_off.label}"
    return _with_comment(f"{who} on {signed_on_words(sign_off)}", sign_off)


def signed_on_line(sign_off: SignOff) -> str:
    """ "Signed off on 2 December 2026: Seen at work." for the line under the matrix, whose
    first sentence already names the person; a long comment is cut short there (the item
    and the sign-off dialog show it whole)."""
    return _with_comment(f"Signed off on {signed_on_words(sign_off)}", sign_off, MATRIX_COMMENT)


def sign_offs_of(criteria: Sequence[str], active: Iterable[SignOff]) -> list[SignOff]:
    """The active sign-offs of these criteria, in the criteria's order, oldest first."""
    order = {criterion: n for n, criterion in enumerate(criteria)}
    chosen = [s for s in active if s.withdrawn_at is None and s.criterion_id in order]
    return sorted(chosen, key=lambda s: (order[s.criterion_id], s.id))


def sign_offs_text(criteria: Sequence[str], active: Iterable[SignOff]) -> str:
    """The evidence item's "Signed off" part: one line a sign-off, then what one is."""
    lines = [signed_off_line(s) for s in sign_offs_of(criteria, active)]
    if not lines:
        return NONE_SIGNED
    return "\n".join([*lines, NOT_A_CERTIFICATE if len(lines) > 1 else ONE_NOT_A_CERTIFICATE])
