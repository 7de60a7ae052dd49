"""A learner's assessments, evidence and pathway built through the app's own code, for the
progression, matrix and readiness tests."""

from __future__ import annotations

from datetime import date, datetime

from zavmo_desktop.core.content.models import Framework, Pack
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.model import PlanRequest
from zavmo_desktop.core.pathway.planner import make_plan
from zavmo_desktop.core.portfolio.activity_evidence import competency_criteria
from zavmo_desktop.core.storage.assessments import AssessmentRepository
from zavmo_desktop.core.storage.evidence import NewEvidence


def pack_of(learner: Learner) -> Pack:
    return learner.library.packs[0]


def competency_ids(framework: Framework) -> list[str]:
    return [c.id for area in framework.areas for c in area.competencies]


def assess(learner: Learner, levels: dict[str, str], day: date) -> int:
    """A finished round, dated `day`, rating each competency at its level (self-rating)."""
    pack = pack_of(learner)
    clock = datetime(day.year, day.month, day.day, 10, 0)
    repo = AssessmentRepository(learner.assessments.db, now=lambda: clock)
    round_ = repo.start_round(pack.manifest.id)
    for competency_id, level in levels.items():
        repo.save_rating(round_.id, competency_id, level)
    repo.finish(round_.id, competency_criteria(pack.framework))
    return round_.id


def at_targets(framework: Framework) -> dict[str, str]:
    return {c.id: c.target_level for area in framework.areas for c in area.competencies}


def evidence(learner: Learner, title: str, criteria: tuple[str, ...], met: bool | None) -> int:
    return learner.evidence.save(
        NewEvidence("learner_text", f"test:{title}", "", "", title, "text", criteria, met=met),
        who="learner",
    )


def accept_plan(learner: Learner, levels: dict[str, str], start: date) -> None:
    pack = pack_of(learner)
    request = PlanRequest(pack.framework, pack.modules, levels, 5.0, (0, 2, 4), start)
    learner.pathway.accept(make_plan(request), "first")
