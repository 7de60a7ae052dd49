"""xAPI 1.0.3 statements for the learner's events, built as plain JSON-ready dicts."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from zavmo_desktop.core.xapi.lrs_settings import LrsSettings

ADL = "http://adlnet.gov/expapi/verbs/"
# Activity ids sit under one stable IRI so an LRS groups every laptop's records together.
ACTIVITY_ROOT = "https://zavmo.ai/xapi/activities/"
EXTENSION_ROOT = "https://zavmo.ai/xapi/extensions/"
# What the learner said they covered: kept apart from the rubric's finding, never a score.
LEARNER_CLAIMED = EXTENSION_ROOT + "learner-claimed"

VERBS = {
    "experienced": ADL + "experienced",
    "completed": ADL + "completed",
    "answered": ADL + "answered",
    # ADL has no "added evidence"; "shared" is its verb for handing something over to others.
    "shared": ADL + "shared",
}

KINDS = {
    "module": "http://adlnet.gov/expapi/activities/module",
    "conversation": "http://adlnet.gov/expapi/activities/interaction",
    "checklist": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "evidence": "http://adlnet.gov/expapi/activities/file",
}


@dataclass(frozen=True)
class Outcome:
    """The rubric's result, where there is one."""

    success: bool | None = None
    scaled: float | None = None  # 0..1
    response: str | None = None  # what the learner answered, for an assessment question
    extensions: dict[str, Any] | None = None  # IRI -> value


def learner_account_name(settings: LrsSettings, data_dir_id: str) -> str:
    """The organisation's account id, or a stable one made from this data folder's id."""
    if settings.account_name:
        return settings.account_name
    return "zavmo-" + hashlib.sha256(data_dir_id.encode()).hexdigest()[:16]


def actor(settings: LrsSettings, data_dir_id: str, email: str = "") -> dict[str, Any]:
    """An account actor; an email only when the organisation asked for it."""
    if settings.use_email and email:
        return {"objectType": "Agent", "mbox": "mailto:" + email}
    account = {
        "homePage": settings.account_homepage,
        "name": learner_account_name(settings, data_dir_id),
    }
    return {"objectType": "Agent", "account": account}


def activity_id(kind: str, *path: str) -> str:
    """A stable IRI for a pack/module/activity; each part is quoted so odd ids stay valid."""
    from urllib.parse import quote

    if kind not in KINDS:
        raise ValueError(f"unknown activity kind: {kind!r}")
    return ACTIVITY_ROOT + kind + "/" + "/".join(quote(part, safe="") for part in path)


def statement(
    who: dict[str, Any],
    verb: str,
    kind: str,
    path: tuple[str, ...],
    title: str,
    outcome: Outcome | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """One statement with a client-made id and timestamp, so resending it is idempotent."""
    if verb not in VERBS:
        raise ValueError(f"unknown verb: {verb!r}")
    made: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "timestamp": (now or datetime.now(UTC)).isoformat(timespec="milliseconds"),
        "actor": who,
        "verb": {"id": VERBS[verb], "display": {"en-GB": verb}},
        "object": {
            "objectType": "Activity",
            "id": activity_id(kind, *path),
            "definition": {"type": KINDS[kind], "name": {"en-GB": title}},
        },
        "version": "1.0.3",
    }
    if outcome is not None and (result := _result(outcome)):
        made["result"] = result
    return made


def _result(outcome: Outcome) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if outcome.success is not None:
        result["success"] = outcome.success
    if outcome.scaled is not None:
        if not 0.0 <= outcome.scaled <= 1.0:
            raise ValueError(f"a scaled score is between 0 and 1, not {outcome.scaled}")
        result["score"] = {"scaled": round(outcome.scaled, 4)}
    if outcome.response is not None:
        result["response"] = outcome.response
    if outcome.extensions:
        result["extensions"] = dict(outcome.extensions)
    return result
