"""How evidence reads on the portfolio screen: its kind, outcome, dates and history in words.

No Qt, so the screen, its tests and any export word things the same way. Times are stored
as the learner's local time without a zone (EvidenceRepository._now); a time that carries a
zone is turned into local time first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from zavmo_desktop.core.deliver.evidence import long_date
from zavmo_desktop.core.storage.evidence import EvidenceItem, LogEntry

KIND_WORDS = {
    "conversation": "Practice conversation",
    "checklist_item": "Checklist item",
    "reflection": "Reflection",
    "retrieval": "Review answer",
    "assessment": "Self-assessment",
    "learner_text": "Your own writing",
    "learner_link": "A link you added",
    "learner_file": "A file you added",
}
MET, NOT_MET, NOT_JUDGED = "Met the threshold", "Not yet met", "Not judged"
EDITABLE_KINDS = ("reflection", "learner_text")


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("_", " ").capitalize())


def outcome_words(met: bool | None) -> str:
    if met is None:
        return NOT_JUDGED
    return MET if met else NOT_MET


def local_time(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def day_words(stamp: str) -> str:
    """ "2 December 2026"; the stamp as it is if it is not a time."""
    try:
        return long_date(local_time(stamp).date())
    except ValueError:
        return stamp


def time_words(stamp: str) -> str:
    """ "2 December 2026 at 16:05", in the learner's local time."""
    try:
        moment = local_time(stamp)
    except ValueError:
        return stamp
    return f"{long_date(moment.date())} at {moment:%H:%M}"


DRAFT_WAITING = "Draft waiting"  # changed words kept in the editor, not saved yet
DRAFT_MARK = "✎"


def summary_line(item: EvidenceItem, draft: bool = False) -> str:
    """One line of the evidence list: what it is, when, how it stands, what it maps to;
    "Draft waiting" first when words typed for it are not saved yet."""
    criteria = ", ".join(item.criteria) if item.criteria else "no criteria yet"
    line = (
        f"{item.title} — {kind_words(item.kind)}, {day_words(item.created_at)}. "
        f"{outcome_words(item.met)}. Criteria: {criteria}."
    )
    return f"{DRAFT_WAITING}: {line}" if draft else line


def drafts_words(count: int) -> str:
    """ "1 with a draft waiting"; "" for none."""
    return f"{count} with a draft waiting" if count else ""


def who_words(who: str) -> str:
    if who == "learner":
        return "you"
    if who == "app":
        return "the app"
    return who.removeprefix("assessor:").strip() or who


def _criteria_change(entry: LogEntry) -> list[str]:
    before = set(entry.before.get("criteria", ()))
    after = set(entry.after.get("criteria", ()))
    return sorted(after - before) if entry.action == "mapped" else sorted(before - after)


def _edited_words(entry: LogEntry, kind: str) -> str:
    what = "Reflection" if kind == "reflection" else "Text"
    before, after = entry.before, entry.after
    if before.get("text") == after.get("text") and before.get("title") != after.get("title"):
        what = "Title"
    elif before.get("text") == after.get("text"):
        what = "Details"
    return f"{what} edited"


def log_words(entry: LogEntry, kind: str) -> str:
    """ "Created by the app", "Reflection edited by you", "Mapped to EC2 by you"."""
    who = who_words(entry.who)
    if entry.action == "added":
        return f"Created by {who}"
    if entry.action == "edited":
        return f"{_edited_words(entry, kind)} by {who}"
    if entry.action in ("mapped", "unmapped"):
        codes = ", ".join(_criteria_change(entry)) or "a criterion"
        verb = "Mapped to" if entry.action == "mapped" else "No longer mapped to"
        return f"{verb} {codes} by {who}"
    if entry.action == "removed":
        return f"Removed by {who}"
    if entry.action == "signed_off":
        role = str(entry.after.get("role", ""))  # kept apart from the name since m012
        return f"Signed off by {who} ({role})" if role else f"Signed off by {who}"
    if entry.action == "sign_off_withdrawn":
        reason = str(entry.after.get("withdrawal_reason", ""))
        said = f"Sign-off withdrawn by {who}"
        return f"{said}, because: {reason}" if reason else said
    return f"{entry.action.replace('_', ' ').capitalize()} by {who}"


def history_line(entry: LogEntry, kind: str) -> str:
    return f"{time_words(entry.at)}: {log_words(entry, kind)}"


def _points(outcome: Mapping[str, Any], key: str) -> list[str]:
    value = outcome.get(key, ())
    return [str(point) for point in value] if isinstance(value, list | tuple) else []


def app_result_lines(item: EvidenceItem) -> list[str]:
    """What the app judged, from the outcome: never what the learner claimed."""
    outcome = item.outcome
    threshold = outcome.get("threshold")
    if threshold is None:
        why = outcome.get("why")
        return [f"{NOT_JUDGED}: {why}." if why else f"{NOT_JUDGED}: no threshold applies."]
    lines = [f"{outcome_words(item.met)}. The threshold: {threshold}."]
    if "words" in outcome:
        lines.append(f"Words written: {outcome['words']}.")
    if "questions" in outcome:
        lines.append(
            f"Right first time: {outcome.get('right_first_time', 0)} of "
            f"{outcome['questions']} questions."
        )
    if "stages" in outcome:
        stages = ", ".join(str(s) for s in outcome["stages"]) or "none"
        lines.append(f"Coaching stages covered: {stages}.")
    return lines


def found_points(item: EvidenceItem) -> list[str]:
    return _points(item.outcome, "app_found")


def missing_points(item: EvidenceItem) -> list[str]:
    return _points(item.outcome, "app_did_not_find")


def claimed_points(item: EvidenceItem) -> list[str]:
    return _points(item.outcome, "learner_claimed")
