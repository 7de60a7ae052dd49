"""The one way an event becomes a learning record: `record`, called inside the event's write.

Records are kept only when the organisation's config names an LRS: without one nothing is
queued at all, so nothing about the learner is kept for sending (see docs/organisations.md).
The queue row is written in the same transaction as the event, so a crash or a full disk
keeps both or neither.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from zavmo_desktop.core.storage.database import Database
from zavmo_desktop.core.xapi import queue
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.statements import LEARNER_CLAIMED, Outcome, actor, statement


@dataclass(frozen=True)
class LearningRecords:
    """Where records go and who they are about, for one learner's database."""

    settings: LrsSettings
    who: dict[str, Any]

    @property
    def identity(self) -> str:
        """The learner as the LRS knows them, in words for the Settings page."""
        if "mbox" in self.who:
            return str(self.who["mbox"]).removeprefix("mailto:")
        account = self.who["account"]
        return f"account {account['name']} at {account['homePage']}"


def keep_records(db: Database, settings: LrsSettings) -> LearningRecords:
    """From now on this database queues a statement with each event."""
    if not settings.account_name:
        settings = replace(settings, account_name=_stable_id(db, settings))
    records = LearningRecords(settings, actor(settings, ""))
    db.records = records
    return records


def _stable_id(db: Database, settings: LrsSettings) -> str:
    """Without an account id from the organisation, the learner keeps the random id their
    first statement was made with (the queue keeps sent statements), else gets a new one."""
    for (text,) in db.execute("SELECT statement FROM xapi_queue ORDER BY rowid LIMIT 20"):
        account = json.loads(text).get("actor", {}).get("account", {})
        if account.get("homePage") == settings.account_homepage and account.get("name"):
            return str(account["name"])
    return uuid.uuid4().hex


def record(
    db: Database,
    verb: str,
    kind: str,
    path: tuple[str, ...],
    title: str,
    outcome: Outcome | None = None,
) -> None:
    """Queue the event's statement; call it inside the transaction that stores the event."""
    records = db.records
    if records is None:  # no LRS configured: nothing is kept for sending
        return
    if not db.conn.in_transaction:
        raise RuntimeError("a learning record is queued inside its event's own transaction")
    queue.enqueue(db, statement(records.who, verb, kind, path, title, outcome))


def conversation_result(outcome: Mapping[str, Any], met: bool | None) -> Outcome:
    """The rubric's finding as the score; what the learner claimed only as an extension."""
    if "questions" in outcome:  # a quiz: right first time out of the questions
        questions = int(outcome.get("questions", 0))
        right = int(outcome.get("right_first_time", 0))
        scaled = right / questions if questions else None
        return Outcome(success=met, scaled=scaled)
    found, missed = outcome.get("app_found", []), outcome.get("app_did_not_find", [])
    points = len(found) + len(missed)
    claimed = list(outcome.get("learner_claimed", []))
    return Outcome(
        success=met,
        scaled=len(found) / points if points else None,
        extensions={LEARNER_CLAIMED: claimed} if claimed else None,
    )
