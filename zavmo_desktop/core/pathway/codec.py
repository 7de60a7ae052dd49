"""A plan as JSON text and back, to keep it in the learner's database."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from zavmo_desktop.core.pathway.model import (
    Part,
    Plan,
    Session,
    Shortfall,
    StepKind,
    Uncovered,
    Week,
    WeekKind,
)

FORMAT = 1


def plan_to_json(plan: Plan) -> str:
    data = asdict(plan)
    data["format"] = FORMAT
    return json.dumps(data, default=_plain, ensure_ascii=False, separators=(",", ":"))


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StepKind | WeekKind):
        return value.value
    raise TypeError(f"cannot store {type(value).__name__}")


def plan_from_json(text: str) -> Plan:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown plan format {data.get('format')!r}")
    return Plan(
        start=_day(data["start"]),
        weekly_minutes=int(data["weekly_minutes"]),
        study_days=tuple(int(d) for d in data["study_days"]),
        weeks=tuple(_week(w) for w in data["weeks"]),
        target=_day(data["target"]) if data["target"] else None,
        order=tuple(data["order"]),
        not_assessed=tuple(data["not_assessed"]),
        uncovered=tuple(Uncovered(**u) for u in data["uncovered"]),
        at_target=tuple(data["at_target"]),
        already_done=tuple(data["already_done"]),
        unplaced=tuple(data["unplaced"]),
        shortfall=_shortfall(data["shortfall"]),
        notices=tuple(data["notices"]),
    )


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _week(data: dict[str, Any]) -> Week:
    return Week(
        number=int(data["number"]),
        start=_day(data["start"]),
        kind=WeekKind(data["kind"]),
        sessions=tuple(_session(s) for s in data["sessions"]),
    )


def _session(data: dict[str, Any]) -> Session:
    return Session(_day(data["day"]), int(data["capacity"]), tuple(_part(p) for p in data["parts"]))


def _part(data: dict[str, Any]) -> Part:
    fields = dict(data)
    fields["kind"] = StepKind(fields["kind"])
    fields["responsibilities"] = tuple(fields["responsibilities"])
    return Part(**fields)


def _shortfall(data: dict[str, Any] | None) -> Shortfall | None:
    if data is None:
        return None
    ends = _day(data["ends"]) if data["ends"] else None
    return Shortfall(_day(data["target"]), ends, int(data["days_late"]), data["hours_needed"])
