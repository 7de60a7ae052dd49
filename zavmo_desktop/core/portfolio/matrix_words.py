"""What each cell of the competency matrix says, drawn and spoken, so its colour is never
the only signal: a symbol and a word for the status, the evidence count, the standards."""

from __future__ import annotations

from zavmo_desktop.core.content.criterion_words import maps_to
from zavmo_desktop.core.content.models import Criterion
from zavmo_desktop.core.portfolio.signoff_words import signed_on_line
from zavmo_desktop.core.portfolio.status import CriterionState, Status

# The status as the cell shows it: a symbol and a short word, and the legend's meaning.
MARKS: dict[Status, tuple[str, str, str]] = {
    Status.NONE: ("○", "none", "nothing maps to the criterion yet"),
    Status.SOME: ("◐", "some", "some evidence maps to it, none that met its threshold"),
    Status.EVIDENCED: ("●", "evidenced", "an item that met the threshold maps to it"),
    Status.VERIFIED: (
        "✔",
        "verified",
        "an assessor's sign-off is recorded (a record of a person's sign-off, not a certificate)",
    ),
}


def mark(status: Status) -> str:
    """ "● evidenced"."""
    symbol, word, _ = MARKS[status]
    return f"{symbol} {word}"


def legend_lines() -> list[str]:
    return [f"{mark(status)}: {meaning}" for status, (_, _, meaning) in MARKS.items()]


def items_words(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"


def standard_codes(criterion: Criterion) -> str:
    """ "TECHIS5002, ITSP": the outside standards' codes the pack maps it to, or ""."""
    return ", ".join(reference.code for reference in criterion.references)


def cell_text(criterion: Criterion, state: CriterionState) -> str:
    """What the cell shows, one fact a line: code, status, who signed it off, count,
    standard codes."""
    lines = [criterion.id, mark(state.status)]
    if state.sign_off is not None:
        lines.append(f"by {state.sign_off.assessor}")
    if state.items:
        lines.append(items_words(len(state.items)))
    codes = standard_codes(criterion)
    if codes:
        lines.append(codes)
    return "\n".join(lines)


def cell_name(criterion: Criterion, state: CriterionState) -> str:
    """The cell's accessible name: "EC2, Ties each ...: evidenced by 2 items", or "...:
    verified: signed off by Priya Shah (Head of Data, Acme); shown by 2 items" (the text's
    own full stop left off before the colon)."""
    text = criterion.text.strip().removesuffix(".")
    said = f"{criterion.id}, {text}" if text else criterion.id
    return f"{said}: {status_words(state)}"


def status_words(state: CriterionState) -> str:
    if state.sign_off is not None:
        words = f"{Status.VERIFIED}: signed off by {state.sign_off.label}"
        return f"{words}; shown by {items_words(len(state.items))}" if state.items else words
    if not state.items:
        return "no evidence yet"
    return f"{state.status} by {items_words(len(state.items))}"


def about_words(criterion: Criterion, state: CriterionState) -> str:
    """The line under the matrix for the current cell: its name in full, the sign-off
    behind a verified one (date and comment) and the standards it maps to."""
    parts = [f"{cell_name(criterion, state)}."]
    if state.sign_off is not None:
        parts.append(signed_on_line(state.sign_off))
    parts.append(maps_to(criterion))
    return " ".join(p for p in parts if p)
