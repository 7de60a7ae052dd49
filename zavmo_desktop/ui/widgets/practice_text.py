"""The words around a practice conversation: labels (plain or literal), criteria, results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zavmo_desktop.core.content.criterion_words import criteria_by_id, criterion_words
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.conversation.session import PracticeSession


@dataclass(frozen=True)
class Labels:
    """What the screen calls things; with literal labels on, no figures of speech."""

    literal: bool

    @property
    def summary(self) -> str:
        return "Summary:" if self.literal else "In short:"

    @property
    def carry_on(self) -> str:
        return "Go to the next turn" if self.literal else "Carry on"

    @property
    def keep_going(self) -> str:
        return "No, continue this conversation" if self.literal else "No, keep going"

    @property
    def confirm_restart(self) -> str:
        return (
            "Start this conversation again from the first turn? What you said so far stays "
            "in your history, but this go will not be finished or saved as evidence."
        )

    def review(self, enough: bool) -> str:
        """What to do next after feedback; the feedback itself gives the one total."""
        onward = "go to the next turn" if self.literal else "carry on"
        if enough:
            return f"Your answer has what this turn asks for. You can add to it, or {onward}."
        return f"You can change your answer and try again, or {onward}. Both are fine."


def criteria_text(framework: Framework, criteria: Sequence[str]) -> str:
    if not criteria:
        return "This practice is not linked to any performance criteria."
    known = criteria_by_id(framework)
    lines = [f"• {criterion_words(known[cid]) if cid in known else cid}" for cid in criteria]
    return "When you finish, it is saved as evidence for:\n" + "\n".join(lines)


FINISHED_TITLE = "You finished this practice."


def parts(session: PracticeSession) -> list[str]:
    """The summary in short parts: saved where, the result, then one line per answer."""
    outcome = session.outcome
    saved = (
        "It is saved in your evidence portfolio."
        if session.evidence_id is not None
        else "It is saved in your evidence portfolio from when you finished it."
    )
    return [saved, f"Result: {outcome.headline}.", *(f"• {part}" for part in outcome.parts)]
