"""The whole portfolio as one plain data tree, the single source every export renders from.

docs/schema/portfolio.schema.json describes it; the JSON export is this tree as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from zavmo_desktop.core.assessment.heat_map import HeatArea
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.portfolio.attachment_zip import MISSING_NOTE, Attachment
from zavmo_desktop.core.portfolio.outcome_words import app_result, learner_claim, result_words
from zavmo_desktop.core.portfolio.portfolio import Portfolio
from zavmo_desktop.core.portfolio.readiness import readiness
from zavmo_desktop.core.portfolio.status import CriterionState, criterion_states
from zavmo_desktop.core.storage.evidence import EvidenceItem
from zavmo_desktop.core.storage.signoffs import SignOff

SCHEMA_VERSION = 2
SIGN_OFF_NOTE = (
    "A sign-off is the record of a person's sign-off, as the learner entered it: "
    "it is not a certificate or a qualification."
)
KIND_WORDS = {
    "conversation": "Practice conversation", "checklist_item": "Checklist item",
    "reflection": "Reflection", "retrieval": "Retrieval review", "assessment": "Self-assessment",
    "learner_text": "The learner's own note", "learner_link": "The learner's link",
    "learner_file": "The learner's file",
}  # fmt: skip


@dataclass(frozen=True)
class Extras:
    """What the document shows beside the portfolio itself, gathered by the caller."""

    programme_id: str = ""
    heat: Sequence[HeatArea] = ()
    assessed_on: str | None = None  # when the heat map's self-assessment was last changed
    module_titles: Mapping[str, str] = field(default_factory=dict)
    competency_titles: Mapping[str, str] = field(default_factory=dict)  # by competency id
    attachments: Mapping[int, Attachment] = field(default_factory=dict)
    attachments_zip: str = ""  # the zip's file name, beside the export
    items: Sequence[EvidenceItem] | None = None  # None: every item in the portfolio
    today: date | None = None


def day_words(stamp: str | None) -> str:
    """'2 December 2026' from an ISO date or time; the text itself if it is neither."""
    if not stamp:
        return ""
    try:
        day = datetime.fromisoformat(stamp).date()
    except ValueError:
        return stamp
    return f"{day.day} {day:%B %Y}"


def build_document(
    portfolio: Portfolio, framework: Framework, programme: str, learner: Mapping[str, str],
    extras: Extras | None = None,
) -> dict[str, Any]:  # fmt: skip
    """`learner` holds only the personal details the learner chose to include."""
    extras = extras or Extras()
    items = list(portfolio.items() if extras.items is None else extras.items)
    sign_offs = portfolio.active_sign_offs()
    states = criterion_states(framework, items, sign_offs)
    return {
        "schema_version": SCHEMA_VERSION,
        "programme": programme,
        "programme_id": extras.programme_id,
        "made_on": (extras.today or date.today()).isoformat(),
        "learner": dict(learner),
        "heat_map": _heat_map(extras),
        "readiness": _readiness(framework, states),
        "matrix": _matrix(framework, states),
        "sign_offs": _sign_offs(framework, sign_offs),
        "sign_off_note": SIGN_OFF_NOTE,
        "attachments_zip": extras.attachments_zip if extras.attachments else "",
        "items": [_item(item, extras) for item in items],
    }


def _heat_map(extras: Extras) -> dict[str, Any]:
    return {
        "assessed_on": extras.assessed_on,
        "areas": [
            {"area": area.title, "competencies": [
                {"competency": cell.title, "current": cell.current,
                 "current_name": cell.current_name, "target": cell.target,
                 "target_name": cell.target_name, "gap": cell.gap, "gap_words": cell.gap_words,
                 "disagreement": cell.disagreement}
                for cell in area.cells]}
            for area in extras.heat
        ],
    }  # fmt: skip


def _readiness(framework: Framework, states: Mapping[str, CriterionState]) -> dict[str, Any]:
    per_competency, overall = readiness(framework, states)
    titles = {c.id: (a.title, c.title) for a in framework.areas for c in a.competencies}
    return {
        "evidenced": overall.evidenced,
        "total": overall.total,
        "percent": round(overall.share * 100),
        "competencies": {
            cid: {"area": titles[cid][0], "title": titles[cid][1],
                  "evidenced": r.evidenced, "total": r.total}
            for cid, r in per_competency.items()
        },
    }  # fmt: skip


def _matrix(framework: Framework, states: Mapping[str, CriterionState]) -> list[dict[str, Any]]:
    rows = []
    for area in framework.areas:
        for competency in area.competencies:
            for criterion in competency.criteria:
                state = states.get(criterion.id)
                rows.append({
                    "area": area.title,
                    "competency": competency.title,
                    "criterion": criterion.id,
                    "text": criterion.text,
                    "status": str(state.status) if state else "no evidence",
                    "items": list(state.items) if state else [],
                })  # fmt: skip
    return rows


def _sign_offs(framework: Framework, sign_offs: Sequence[SignOff]) -> list[dict[str, Any]]:
    texts = {
        criterion.id: criterion.text
        for area in framework.areas
        for competency in area.competencies
        for criterion in competency.criteria
    }
    return [
        {"criterion": s.criterion_id, "criterion_text": texts[s.criterion_id],
         "assessor": s.assessor, "assessor_role": s.role, "signed_by": s.label,
         "signed_on": s.signed_on, "comment": s.comment,
         "recorded_at": s.recorded_at}
        for s in sign_offs
        if s.criterion_id in texts
    ]  # fmt: skip


def _item(item: EvidenceItem, extras: Extras) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "kind_words": KIND_WORDS.get(item.kind, item.kind),
        "module": item.module_id,
        "module_title": extras.module_titles.get(item.module_id, ""),
        "title": _title(item, extras),
        "text": item.text,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
        "added_on": day_words(item.created_at),
        "changed_on": day_words(item.updated_at),
        "criteria": list(item.criteria),
        "outcome": item.outcome,
        "met": item.met,
        "result": result_words(item.met),
        "app_result": app_result(item.outcome),
        "learner_claim": learner_claim(item.outcome),
        "link": str(item.details.get("url", "")) if item.kind == "learner_link" else "",
        "attachment": _attachment(extras.attachments.get(item.id)),
    }


def _title(item: EvidenceItem, extras: Extras) -> str:
    """A self-assessment item is stored under its competency's id: shown by its title."""
    competency = extras.competency_titles.get(item.activity_id)
    if item.kind == "assessment" and competency:
        return f"Self-assessment: {competency}"
    return item.title


def _attachment(found: Attachment | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "original_name": found.original_name,
        "file_in_zip": found.name_in_zip,
        "included": not found.missing,
        "note": MISSING_NOTE if found.missing else "",
    }


def to_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
