"""A learner's data folder with real work in it, made through the app's own code paths:
a finished practice conversation, a reflection, a ticked checklist item, a finished
self-assessment, an accepted pathway and a changed setting."""

from __future__ import annotations

from pathlib import Path

from tests.core.pathway_helpers import request
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.pathway.planner import make_plan

REFLECTION_TEXT = "The CFO asked about cost first, so I led with payback — café notes."


def do_real_work(learner: Learner) -> None:
    modules = learner.library.modules
    module, quiz = next((m, c) for m in modules for c in m.conversations
                        if c.id == "board-metrics-quiz")  # fmt: skip
    session = PracticeSession(learner.conversations, module, quiz)
    session.start()
    for choice in (0, 0, 1, 0):
        session.choose(choice)
    assert session.finished
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    with_reflection = next(m for m in modules if m.reflections)
    reflection = with_reflection.reflections[0]
    deliver.save_reflection(with_reflection.id, reflection, REFLECTION_TEXT, reflection.evidences)
    with_checklist = next(m for m in modules if m.checklists)
    checklist = with_checklist.checklists[0]
    deliver.tick(with_checklist.id, checklist, checklist.items[0], True)
    pack = learner.library.packs[0]
    assessment = learner.assessments.start_round(pack.manifest.id)
    for area in pack.framework.areas:
        for competency in area.competencies:
            learner.assessments.save_rating(assessment.id, competency.id, "developing")
    learner.assessments.finish(assessment.id)
    learner.pathway.accept(make_plan(request()), "first")
    learner.settings.set("theme", "cream")
    learner.mark_opened(module)


def folder_with_real_work(data_dir: Path, content: Path) -> None:
    learner = Learner.open(data_dir, [content])
    try:
        do_real_work(learner)
        learner.back_up()
    finally:
        learner.close()
