"""The whole portfolio as one plain data tree, the single source every export renders from."""

from __future__ import annotations

import json
from typing import Any

from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.portfolio.portfolio import Portfolio
from zavmo_desktop.core.portfolio.status import CriterionState
from zavmo_desktop.core.storage.evidence import EvidenceItem

SCHEMA_VERSION = 1


def _item(item: EvidenceItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "module": item.module_id,
        "title": item.title,
        "text": item.text,
        "created_at": item.created_at,
        "updated_at": item.updated_at,
        "criteria": list(item.criteria),
        "outcome": item.outcome,
        "met": item.met,
    }


def _matrix(framework: Framework, states: dict[str, CriterionState]) -> list[dict[str, Any]]:
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


def build_document(
    portfolio: Portfolio, framework: Framework, programme: str, learner: dict[str, str]
) -> dict[str, Any]:
    """`learner` holds only the personal details the learner chose to include."""
    states = portfolio.states(framework)
    per_competency, overall = portfolio.readiness(framework)
    return {
        "schema_version": SCHEMA_VERSION,
        "programme": programme,
        "learner": dict(learner),
        "readiness": {
            "evidenced": overall.evidenced,
            "total": overall.total,
            "competencies": {
                cid: {"evidenced": r.evidenced, "total": r.total}
                for cid, r in per_competency.items()
            },
        },
        "matrix": _matrix(framework, states),
        "items": [_item(item) for item in portfolio.items()],
    }


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
