"""xAPI statements: ids, verbs, actor identity and rubric results."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest

from zavmo_desktop.core.xapi.lrs_settings import LrsSettings
from zavmo_desktop.core.xapi.statements import Outcome, activity_id, actor, statement

LRS = LrsSettings("http://127.0.0.1:1/xAPI/", "u", "p", "https://org.example/staff")


def test_a_statement_has_its_own_uuid_timestamp_and_adl_verb() -> None:
    who = actor(LRS, "data-folder-1")
    when = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    first = statement(who, "completed", "module", ("pack", "m1"), "Module one", now=when)
    second = statement(who, "completed", "module", ("pack", "m1"), "Module one", now=when)
    assert first["id"] != second["id"]
    assert uuid.UUID(first["id"]).version == 4
    assert first["timestamp"].startswith("2026-12-02T12:00:00.000")
    assert first["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert first["object"]["id"] == second["object"]["id"]
    json.dumps(first)  # it must travel as JSON


def test_the_learner_is_an_account_never_an_email_unless_asked() -> None:
    who = actor(LRS, "data-folder-1", email="sam@example.org")
    assert "mbox" not in who
    assert who["account"]["homePage"] == "https://org.example/staff"
    assert who["account"]["name"] == actor(LRS, "data-folder-1")["account"]["name"]
    assert who["account"]["name"] != actor(LRS, "data-folder-2")["account"]["name"]
    named = LrsSettings(LRS.endpoint, "u", "p", LRS.account_homepage, account_name="E1234")
    assert actor(named, "x")["account"]["name"] == "E1234"
    mailed = LrsSettings(LRS.endpoint, "u", "p", LRS.account_homepage, use_email=True)
    assert actor(mailed, "x", email="sam@example.org")["mbox"] == "mailto:sam@example.org"


def test_a_rubric_result_carries_success_and_a_scaled_score() -> None:
    made = statement(
        actor(LRS, "d"), "completed", "conversation", ("p", "c"), "Talk", Outcome(True, 0.75)
    )
    assert made["result"] == {"success": True, "score": {"scaled": 0.75}}
    assert "result" not in statement(actor(LRS, "d"), "experienced", "module", ("p", "m"), "M")


def test_bad_input_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="unknown verb"):
        statement(actor(LRS, "d"), "liked", "module", ("p",), "M")
    with pytest.raises(ValueError, match="between 0 and 1"):
        statement(actor(LRS, "d"), "answered", "question", ("p", "q"), "Q", Outcome(scaled=1.5))
    with pytest.raises(ValueError, match="unknown activity kind"):
        activity_id("video", "x")


def test_odd_ids_still_make_a_valid_iri() -> None:
    assert activity_id("module", "my pack", "a/b").endswith("module/my%20pack/a%2Fb")
