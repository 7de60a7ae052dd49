"""Upgrading a pack keeps the learner's work in it; removing it keeps the evidence.

The work is done through the app's own code paths in v1 (open, practise, reflect, tick,
finish, today's review), then v2 is imported and the learner reopened.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import BUNDLED_CONTENT
from tests.distribution_pack import MODULE_ID, org_pack
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.install import import_pack, remove_pack
from zavmo_desktop.core.packs.registry import installed_pack_folders

REFLECTION = "I opened with the decision we needed, then the cost."


def open_learner(data_dir: Path) -> Learner:
    return Learner.open(data_dir, [BUNDLED_CONTENT, *installed_pack_folders(data_dir)])


def work_in_the_pack(learner: Learner) -> None:
    module = learner.module(MODULE_ID)
    assert module is not None
    learner.mark_opened(module)
    quiz = next(c for c in module.conversations if c.id == "board-metrics-quiz")
    session = PracticeSession(learner.conversations, module, quiz)
    session.start()
    for choice in (0, 0, 1, 0):
        session.choose(choice)
    assert session.finished
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    reflection = module.reflections[0]
    deliver.save_reflection(module.id, reflection, REFLECTION, reflection.evidences)
    checklist = module.checklists[0]
    deliver.tick(module.id, checklist, checklist.items[0], True)
    learner.set_complete(module.id, True)
    learner.todays_review(datetime.now().astimezone() + timedelta(days=30))


def learners_work(learner: Learner) -> dict[str, object]:
    module = learner.module(MODULE_ID)
    progress = learner.progress.get(MODULE_ID)
    return {
        "loaded": module is not None,
        "complete": progress is not None and progress.complete,
        "practice": len(learner.conversations.finished(MODULE_ID, "board-metrics-quiz")),
        "reflection": [r.text for r in learner.reflections.for_module(MODULE_ID).values()],
        "ticked": sorted(learner.checklists.for_module(MODULE_ID)),
        "evidence": sorted(item.source for item in learner.evidence.for_module(MODULE_ID)),
        "review": sorted(str(key) for key in learner.review.all() if MODULE_ID in str(key)),
    }


def test_upgrading_keeps_progress_evidence_and_review_and_removing_keeps_evidence(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    build_pack(org_pack(tmp_path, "1.0.0"), tmp_path / "v1.zpack")
    extra = "\n\n## Added in 1.1\n\nA new closing paragraph for the upgrade.\n"
    build_pack(org_pack(tmp_path, "1.1.0", extra), tmp_path / "v2.zpack")
    import_pack(tmp_path / "v1.zpack", data_dir)
    learner = open_learner(data_dir)
    try:
        work_in_the_pack(learner)
        before = learners_work(learner)
    finally:
        learner.close()
    assert before["practice"] == 1 and before["reflection"] == [REFLECTION]
    assert before["ticked"] and before["evidence"] and before["review"]

    assert import_pack(tmp_path / "v2.zpack", data_dir).replaces == "1.0.0"
    learner = open_learner(data_dir)
    try:
        assert "Added in 1.1" in learner.open_module(learner.module(MODULE_ID))  # type: ignore[arg-type]
        assert learners_work(learner) == before
    finally:
        learner.close()

    remove_pack(data_dir, "org-pack")
    learner = open_learner(data_dir)
    try:
        after = learners_work(learner)
        assert not after["loaded"]
        assert after["evidence"] == before["evidence"]
        assert after["reflection"] == [REFLECTION]
    finally:
        learner.close()


def test_removing_in_the_open_learner_drops_the_modules_and_keeps_all_the_work(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    build_pack(org_pack(tmp_path, "1.0.0"), tmp_path / "v1.zpack")
    import_pack(tmp_path / "v1.zpack", data_dir)
    learner = open_learner(data_dir)
    try:
        work_in_the_pack(learner)
        before = learners_work(learner)
        bundled = len(learner.library.modules) - 1
        assert not learner.remove_installed_pack("director-ml-engineering")  # the bundled one
        assert learner.remove_installed_pack("org-pack")
        assert not list((data_dir / "packs").glob("org-pack-*"))
        assert len(learner.library.modules) == bundled
        assert learner.search("board") and all(
            hit.module_id != MODULE_ID for hit in learner.search("board")
        )
        assert learners_work(learner) == {**before, "loaded": False}
        assert not learner.remove_installed_pack("org-pack")  # gone already
    finally:
        learner.close()
