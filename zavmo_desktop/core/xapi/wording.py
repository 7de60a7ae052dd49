"""The Learning records section's words: where records go, what waits, what was sent, what
went wrong. Plain sentences a learner can read aloud; no Qt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from zavmo_desktop.core.xapi.background import SenderStatus
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.queue import Refusal
from zavmo_desktop.core.xapi.statements import ACTIVITY_ROOT

NOTHING_LEAVES = (
    "Your organisation has not set up a learning records server, so your learning records "
    "stay on this laptop. Nothing is sent to anyone."
)
_VERBS = {
    "experienced": "Opened",
    "completed": "Completed",
    "answered": "Answered",
    "shared": "Added evidence",
}
_KINDS = {
    "module": "module",
    "conversation": "practice conversation",
    "checklist": "checklist",
    "question": "assessment question",
}


def server_host(settings: LrsSettings) -> str:
    return urlsplit(settings.endpoint).hostname or settings.endpoint


def where_records_go(settings: LrsSettings) -> str:
    return (
        "Your organisation collects your learning records. They are sent to its records "
        f"server at {server_host(settings)}, and nowhere else."
    )


def identity_words(identity: str, by_email: bool) -> str:
    if by_email:
        return f"The records name you by your email address, {identity}."
    return f"The records name you by {identity}, not by your name or email."


def plural(count: int, one: str) -> str:
    return f"{count} {one}" if count == 1 else f"{count} {one}s"


def waiting_words(waiting: int) -> str:
    if not waiting:
        return "Nothing is waiting to be sent."
    verb = "is" if waiting == 1 else "are"
    return f"{plural(waiting, 'record')} {verb} waiting to be sent."


def clock(when: datetime, now: datetime) -> str:
    """14:02 today, else 2 December 14:02, in the laptop's own time."""
    local, today = when.astimezone(), now.astimezone()
    if local.date() == today.date():
        return f"{local:%H:%M}"
    return f"{local.day} {local:%B} {local:%H:%M}"


def parse_utc(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def last_sent_words(when: datetime | None, count: int, now: datetime) -> str:
    if when is None:
        return "Nothing has been sent yet."
    today = when.astimezone().date() == now.astimezone().date()
    at = f"at {clock(when, now)} today" if today else f"on {clock(when, now)}"
    return f"Last sent {at}: {plural(count, 'record')}."


def minutes(seconds: float) -> str:
    if seconds < 90:
        return "1 minute" if seconds >= 45 else "under a minute"
    return f"{round(seconds / 60)} minutes"


def problem_words(status: SenderStatus, now: datetime) -> str:
    """The last failure in words, with when the next try comes; blank when all is well."""
    if not status.last_error:
        return ""
    if status.last_error.startswith("storage:"):
        why = "Zavmo could not read the waiting records on this laptop"
    elif status.last_status is None:
        why = "The records server could not be reached"
    elif status.last_status in (401, 403):
        why = (
            f"The records server turned Zavmo's sign-in down ({status.last_status}); "
            "please tell your organisation"
        )
    elif status.last_status == 404:
        why = (
            "The records server's address in your organisation's settings looks wrong (404); "
            "please tell your organisation"
        )
    else:
        why = f"The records server did not take the records (it answered {status.last_status})"
    if status.next_try_at is None:
        return f"{why}."
    wait = max(0.0, (status.next_try_at - now).total_seconds())
    return f"{why}; trying again in {minutes(wait)}."


# Why the server refused records for good, by its HTTP status: {they} {are} fit the count.
_REFUSED_WHY = {
    400: "the server said {they} {are} not in a form it accepts",
    409: "the server already holds {other} with the same {ids}",
    413: "{they} {are} too large for the server",
    422: "the server could not make sense of {them}",
}


def refused_words(refusals: tuple[Refusal, ...] | list[Refusal]) -> str:
    """ "2 records were refused by the records server and will not be sent again: ..."; blank
    when none were."""
    if not refusals:
        return ""
    statuses = sorted({refusal.status for refusal in refusals})
    one = len(refusals) == 1
    words = {"they": "it" if one else "they", "are": "is" if one else "are"}
    words |= {"them": "it" if one else "them", "ids": "id" if one else "ids"}
    words["other"] = "a different record" if one else "different records"
    reasons = [
        _REFUSED_WHY.get(code, "the server turned {them} down").format(**words) + f" ({code})"
        for code in statuses
    ]
    were = "was" if one else "were"
    return (
        f"{plural(len(refusals), 'record')} {were} refused by the records server and will not "
        f"be sent again: {'; '.join(reasons)}."
    )


def statement_words(statement: dict[str, Any], sent_at: str, now: datetime) -> str:
    """ "Completed module 'Leading a team' — sent 14:02"."""
    return f"{statement_summary(statement)} — sent {clock(parse_utc(sent_at), now)}"


def statement_summary(statement: dict[str, Any]) -> str:
    """ "Completed module 'Leading a team'"."""
    verb_id = str(statement.get("verb", {}).get("id", ""))
    verb = verb_id.rsplit("/", 1)[-1]
    target = statement.get("object", {})
    kind = str(target.get("id", "")).removeprefix(ACTIVITY_ROOT)
    kind = kind.split("/", 1)[0]
    name = next(iter(target.get("definition", {}).get("name", {}).values()), "")
    action = _VERBS.get(verb, verb.capitalize())
    kind_words = "" if verb == "shared" else f" {_KINDS.get(kind, kind)}"
    return f"{action}{kind_words} '{name}'"
