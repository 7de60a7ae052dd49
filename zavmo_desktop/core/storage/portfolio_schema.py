"""m009's schema for the evidence portfolio, kept apart so migrations.py stays readable.

Part of a released migration: never edit it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


def create_portfolio_schema(db: Database) -> None:
    # The portfolio (docs/portfolio.md). Widening the kind CHECK means rebuilding `evidence`;
    # dropping it while evidence_criteria points at it would cascade (foreign keys are on),
    # so the mappings are set aside first and put back after.
    db.execute("CREATE TABLE evidence_criteria_kept AS SELECT * FROM evidence_criteria")
    db.execute("DROP TABLE evidence_criteria")
    db.execute(
        """CREATE TABLE evidence_rebuilt (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('conversation', 'checklist_item', 'reflection',
                'retrieval', 'assessment', 'learner_text', 'learner_link', 'learner_file')),
            source TEXT NOT NULL UNIQUE,
            module_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT '{}',
            outcome TEXT NOT NULL DEFAULT '{}',
            met INTEGER CHECK (met IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """INSERT INTO evidence_rebuilt (id, kind, source, module_id, activity_id, title, text,
               details, created_at, updated_at)
           SELECT id, kind, source, module_id, activity_id, title, text, details,
               created_at, updated_at FROM evidence"""
    )
    db.execute("DROP TABLE evidence")
    db.execute("ALTER TABLE evidence_rebuilt RENAME TO evidence")
    db.execute("CREATE INDEX evidence_by_module ON evidence (module_id)")
    db.execute(
        """CREATE TABLE evidence_criteria (
            evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
            criterion_id TEXT NOT NULL,
            PRIMARY KEY (evidence_id, criterion_id)
        )"""
    )
    db.execute("INSERT INTO evidence_criteria SELECT * FROM evidence_criteria_kept")
    db.execute("DROP TABLE evidence_criteria_kept")
    db.execute("CREATE INDEX evidence_criteria_by_criterion ON evidence_criteria (criterion_id)")
    _judge_existing_evidence(db)
    # One row per change, kept when the item goes (so no foreign key), and never changed.
    db.execute(
        """CREATE TABLE evidence_log (
            id INTEGER PRIMARY KEY,
            evidence_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('added', 'edited', 'mapped', 'unmapped',
                'removed', 'signed_off', 'sign_off_withdrawn')),
            "before" TEXT NOT NULL DEFAULT '{}',
            "after" TEXT NOT NULL DEFAULT '{}',
            who TEXT NOT NULL CHECK (who IN ('learner', 'app') OR who LIKE 'assessor: _%')
        )"""
    )
    db.execute("CREATE INDEX evidence_log_by_item ON evidence_log (evidence_id, id)")
    for change in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER evidence_log_no_{change.lower()} BEFORE {change} ON evidence_log
                BEGIN SELECT RAISE(ABORT, 'the evidence log is append-only'); END"""
        )
    db.execute(
        """INSERT INTO evidence_log (evidence_id, at, action, "after", who)
           SELECT e.id, e.created_at, 'added', json_object('title', e.title, 'text', e.text,
               'criteria', (SELECT json_group_array(criterion_id) FROM
                   (SELECT criterion_id FROM evidence_criteria WHERE evidence_id = e.id
                    ORDER BY criterion_id))), 'app'
           FROM evidence AS e ORDER BY e.created_at, e.id"""
    )
    # A person's sign-off of a criterion; withdrawing one sets withdrawn_at, never deletes.
    db.execute(
        """CREATE TABLE sign_offs (
            id INTEGER PRIMARY KEY,
            criterion_id TEXT NOT NULL CHECK (trim(criterion_id) != ''),
            assessor TEXT NOT NULL CHECK (trim(assessor) != ''),
            signed_on TEXT NOT NULL CHECK (date(signed_on) IS signed_on),
            comment TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            withdrawn_at TEXT
        )"""
    )
    db.execute(
        """CREATE TRIGGER sign_offs_kept BEFORE DELETE ON sign_offs
           BEGIN SELECT RAISE(ABORT, 'sign-offs are withdrawn, never deleted'); END"""
    )


def _judge_existing_evidence(db: Database) -> None:
    """Outcome and met for the items made before m009, from what they already hold.

    The rules are those of core/portfolio/outcomes.py as m009 shipped, copied here so that a
    later change to how the app judges new work never changes what this migration wrote.
    """
    import json

    for evidence_id, kind, text, details_json in db.execute(
        "SELECT id, kind, text, details FROM evidence"
    ).fetchall():
        details = json.loads(details_json or "{}")
        if kind == "conversation" and isinstance(details, dict):
            results = details.get("results")
            judged = _m009_conversation(
                str(details.get("type", "")), results if isinstance(results, dict) else {}
            )
        elif kind == "reflection":
            words = len(text.split())
            judged = {"threshold": "at least 25 words", "words": words}, words >= 25
        elif kind == "checklist_item":  # only done items were ever in the evidence
            judged = {"threshold": "the item is done", "done": True}, True
        else:
            continue
        outcome, met = judged
        db.execute(
            "UPDATE evidence SET outcome = ?, met = ? WHERE id = ?",
            [json.dumps(outcome), None if met is None else int(met), evidence_id],
        )


_M009_STAGES = {"goal", "reality", "options", "way_forward"}


def _m009_conversation(kind: str, results: dict[str, Any]) -> tuple[dict[str, Any], bool | None]:
    if kind == "quiz":
        right, questions = int(results.get("right_first_time", 0)), int(results.get("questions", 0))
        quiz = {"threshold": "every question right first time",
                "right_first_time": right, "questions": questions}  # fmt: skip
        return quiz, questions > 0 and right == questions
    answers = [a for a in results.get("answers", ()) if isinstance(a, dict)]
    found = [p.get("point", "") for a in answers for p in a.get("found_by_app", ())]
    missed = [str(p) for a in answers for p in a.get("not_found_by_app", ())]
    claimed = [str(p) for a in answers for p in a.get("learner_says_covered", ())]
    if not answers or (not found and not missed):
        why = (
            "the answers had no key points to find"
            if answers
            else "decisions are shown, not judged"
        )
        return {"threshold": None, "why": why}, None
    outcome: dict[str, Any] = {"threshold": "the app found every key point",
        "app_found": found, "app_did_not_find": missed, "learner_claimed": claimed}  # fmt: skip
    if kind != "coaching":
        return outcome, not missed
    stages = list(results.get("stages", ()))
    outcome["threshold"] = "the app found every key point and every GROW stage was covered"
    outcome["stages"] = stages
    return outcome, not missed and set(stages) >= _M009_STAGES
