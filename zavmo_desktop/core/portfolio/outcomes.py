"""What "met the author's threshold" means for each kind of evidence (docs/portfolio.md).

Each rule gives (outcome, met): the outcome keeps what the app found apart from what the
learner claimed, and met is None where no threshold applies (recall, self-assessment,
the learner's own additions). What the learner claims never makes an item met.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zavmo_desktop.core.content.models import COACHING_STAGES

# A reflection counts as a real answer from this many words: enough for a situation and
# what the learner made of it, short of asking for an essay.
REFLECTION_WORD_FLOOR = 25

Judged = tuple[dict[str, Any], bool | None]


def reflection_outcome(text: str) -> Judged:
    words = len(text.split())
    met = words >= REFLECTION_WORD_FLOOR
    return {"threshold": f"at least {REFLECTION_WORD_FLOOR} words", "words": words}, met


def checklist_outcome(done: bool) -> Judged:
    return {"threshold": "the item is done", "done": done}, done


def no_threshold(reason: str, **facts: Any) -> Judged:
    """For kinds that are some evidence only: retrieval, self-assessment, learner-added."""
    return {"threshold": None, "why": reason, **facts}, None


def conversation_outcome(kind: str, results: Mapping[str, Any]) -> Judged:
    """A finished conversation, from the results its summary keeps (conversation/outcome.py).

    A quiz is met when every question was right first time. Written answers are met when the
    app's matcher found every key point in every last answer. A coaching conversation also
    needs every GROW stage. Decisions alone (a scenario) have no threshold.
    """
    if kind == "quiz":
        right, questions = int(results.get("right_first_time", 0)), int(results.get("questions", 0))
        quiz = {"threshold": "every question right first time",
                "right_first_time": right, "questions": questions}  # fmt: skip
        return quiz, questions > 0 and right == questions
    answers = [a for a in results.get("answers", ()) if isinstance(a, Mapping)]
    if not answers:
        return no_threshold("decisions are shown, not judged")
    found = [p.get("point", "") for a in answers for p in a.get("found_by_app", ())]
    not_found = [str(p) for a in answers for p in a.get("not_found_by_app", ())]
    claimed = [str(p) for a in answers for p in a.get("learner_says_covered", ())]
    if not found and not not_found:
        return no_threshold("the answers had no key points to find")
    outcome: dict[str, Any] = {
        "threshold": "the app found every key point",
        "app_found": found,
        "app_did_not_find": not_found,
        "learner_claimed": claimed,  # kept apart: a claim never makes the item met
    }
    met = not not_found
    if kind == "coaching":
        stages = list(results.get("stages", ()))
        outcome["threshold"] = "the app found every key point and every GROW stage was covered"
        outcome["stages"] = stages
        met = met and set(COACHING_STAGES) <= set(stages)
    return outcome, met
