"""Schema changes, only ever added to: never edit a migration that has been released."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zavmo_desktop.core.storage.migration_set import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database  # what each migration is given when it runs

migrations = MigrationSet("zavmo")


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """CREATE TABLE learner_profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            display_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE module_progress (
            module_id TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('in_progress', 'complete')),
            position REAL NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            completed_at TEXT,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE recent_modules (
            module_id TEXT PRIMARY KEY,
            opened_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX recent_modules_opened_at ON recent_modules (opened_at)")


@migrations()
def m002_focus_sessions(db: Database) -> None:
    # focused_seconds is running time (pauses excluded, overtime included); the
    # running session's row has no outcome and is brought up to date by heartbeats.
    db.execute(
        """CREATE TABLE focus_sessions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('focus', 'short_break', 'long_break')),
            activity TEXT NOT NULL DEFAULT '',
            planned_seconds INTEGER NOT NULL CHECK (planned_seconds >= 0),
            focused_seconds INTEGER NOT NULL DEFAULT 0 CHECK (focused_seconds >= 0),
            overtime_seconds INTEGER NOT NULL DEFAULT 0 CHECK (overtime_seconds >= 0),
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT,
            outcome TEXT CHECK (outcome IN ('completed', 'stopped', 'skipped', 'interrupted')),
            goal TEXT,
            check_in TEXT
        )"""
    )
    db.execute("CREATE INDEX focus_sessions_started_at ON focus_sessions (started_at)")
    db.execute(
        """CREATE TABLE focus_timer_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL,
            session_id INTEGER REFERENCES focus_sessions (id) ON DELETE SET NULL,
            saved_at TEXT NOT NULL
        )"""
    )


@migrations()
def m003_deliver(db: Database) -> None:
    # A run's `state` is the dialogue engine's position as JSON, so the learner comes
    # back to the exact turn; its turns are what the transcript and the evidence show.
    db.execute(
        """CREATE TABLE conversation_runs (
            id INTEGER PRIMARY KEY,
            module_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('active', 'finished', 'restarted')),
            state TEXT NOT NULL DEFAULT '{}',
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            finished_at TEXT
        )"""
    )
    db.execute(
        "CREATE INDEX conversation_runs_by_activity"
        " ON conversation_runs (module_id, conversation_id)"
    )
    db.execute(
        """CREATE TABLE conversation_turns (
            run_id INTEGER NOT NULL REFERENCES conversation_runs (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('tutor', 'learner', 'feedback')),
            speaker TEXT NOT NULL,
            text TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            PRIMARY KEY (run_id, seq)
        )"""
    )
    db.execute(
        """CREATE TABLE checklist_items (
            module_id TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            done_at TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (module_id, checklist_id, item_id)
        )"""
    )
    db.execute(
        """CREATE TABLE reflections (
            module_id TEXT NOT NULL,
            reflection_id TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            criteria TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (module_id, reflection_id)
        )"""
    )
    # `source` names the activity that made the item, so re-saving updates it in place.
    db.execute(
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('conversation', 'checklist_item', 'reflection')),
            source TEXT NOT NULL UNIQUE,
            module_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE evidence_criteria (
            evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
            criterion_id TEXT NOT NULL,
            PRIMARY KEY (evidence_id, criterion_id)
        )"""
    )
    db.execute("CREATE INDEX evidence_criteria_by_criterion ON evidence_criteria (criterion_id)")


@migrations()
def m004_reading_places(db: Database) -> None:
    # The exact place in a module's text: the character where the first visible line
    # begins. module_progress.position (a fraction) stays, for "x% read".
    db.execute(
        """CREATE TABLE reading_places (
            module_id TEXT PRIMARY KEY
                REFERENCES module_progress (module_id) ON DELETE CASCADE,
            place INTEGER NOT NULL CHECK (place >= 0),
            updated_at TEXT NOT NULL
        )"""
    )


@migrations()
def m005_assessments(db: Database) -> None:
    # Each assessment (and each reassessment) is a round of its own, kept for the
    # progress Demonstrate shows over time; the round's resume_* columns are the
    # exact question to come back to.
    db.execute(
        """CREATE TABLE assessment_rounds (
            id INTEGER PRIMARY KEY,
            pack_id TEXT NOT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            finished_at TEXT,
            resume_competency TEXT,
            resume_question TEXT
        )"""
    )
    db.execute("CREATE INDEX assessment_rounds_by_pack ON assessment_rounds (pack_id, id)")
    db.execute(
        """CREATE TABLE assessment_answers (
            round_id INTEGER NOT NULL REFERENCES assessment_rounds (id) ON DELETE CASCADE,
            competency_id TEXT NOT NULL,
            self_rating TEXT,
            evidence TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (round_id, competency_id)
        )"""
    )
    # The level an answer pointed to when it was chosen stays with it, whatever the
    # pack says later.
    db.execute(
        """CREATE TABLE assessment_scenario_answers (
            round_id INTEGER NOT NULL REFERENCES assessment_rounds (id) ON DELETE CASCADE,
            competency_id TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            answer_index INTEGER NOT NULL CHECK (answer_index >= 0),
            level TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (round_id, competency_id, scenario_id)
        )"""
    )


@migrations()
def m006_learner_profile(db: Database) -> None:
    # The onboarding's answers. Every one may stay unanswered (NULL, '' or '[]').
    for column in (
        "role TEXT NOT NULL DEFAULT ''",
        "hours_per_week REAL CHECK (hours_per_week BETWEEN 0 AND 60)",
        "study_days TEXT NOT NULL DEFAULT '[]'",
        "start_date TEXT",
        "target_date TEXT",
        "how_i_work TEXT NOT NULL DEFAULT '[]'",
        "onboarding TEXT NOT NULL DEFAULT 'not_started'"
        " CHECK (onboarding IN ('not_started', 'in_progress', 'finished', 'skipped'))",
        "onboarding_step INTEGER NOT NULL DEFAULT 0",
        "updated_at TEXT",
    ):
        db.execute(f"ALTER TABLE learner_profile ADD COLUMN {column}")
    # Someone who already learned with an earlier version is not on a first start: their
    # Home stays as it was, and their profile can be filled in from Settings.
    learned = [
        "SELECT 1 FROM module_progress", "SELECT 1 FROM focus_sessions",
        "SELECT 1 FROM conversation_runs", "SELECT 1 FROM checklist_items",
        "SELECT 1 FROM reflections", "SELECT 1 FROM assessment_rounds",
    ]  # fmt: skip
    if db.execute(f"SELECT EXISTS ({' UNION ALL '.join(learned)})").fetchone()[0]:
        db.execute(
            """INSERT INTO learner_profile (id, created_at, onboarding)
               VALUES (1, datetime('now'), 'skipped')
               ON CONFLICT(id) DO UPDATE SET onboarding = 'skipped'"""
        )


@migrations()
def m007_pathway(db: Database) -> None:
    # Every accepted plan is kept (as the planner's JSON), so the history of re-plans stays;
    # the current one is the only row not superseded. Done parts are ticked per plan, and
    # carried into the next plan when a re-plan is accepted.
    db.execute(
        """CREATE TABLE pathway_plans (
            id INTEGER PRIMARY KEY,
            plan TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('first', 'replan', 'catch_up', 'new')),
            replaces INTEGER REFERENCES pathway_plans (id),
            accepted_at TEXT NOT NULL,
            superseded_at TEXT
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX pathway_plans_one_current ON pathway_plans ((1))"
        " WHERE superseded_at IS NULL"
    )
    db.execute(
        """CREATE TABLE pathway_done (
            plan_id INTEGER NOT NULL REFERENCES pathway_plans (id) ON DELETE CASCADE,
            part_key TEXT NOT NULL,
            done_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, part_key)
        )"""
    )


@migrations()
def m008_review(db: Database) -> None:
    # Retrieval practice (docs/review.md). A card is keyed by pack, module and question id,
    # so an edited pack that keeps the ids keeps the learner's history. `question` is the
    # text the schedule was built on: a question reworded beyond recognition starts again.
    # A card never rated has no state (NULL); `due` and `last_review` are UTC, ISO 8601.
    # `draft` is what the learner is typing for it, saved as they type.
    db.execute(
        """CREATE TABLE review_cards (
            pack_id TEXT NOT NULL,
            module_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            question TEXT NOT NULL,
            state INTEGER CHECK (state IN (1, 2, 3)),
            step INTEGER CHECK (step >= 0),
            stability REAL CHECK (stability > 0),
            difficulty REAL CHECK (difficulty BETWEEN 1 AND 10),
            due TEXT NOT NULL,
            last_review TEXT,
            draft TEXT NOT NULL DEFAULT '',
            entered_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (pack_id, module_id, question_id)
        )"""
    )
    # Every rating, with what the learner wrote: the history a reset keeps.
    db.execute(
        """CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            pack_id TEXT NOT NULL,
            module_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            answer TEXT NOT NULL DEFAULT '',
            reviewed_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX review_log_by_time ON review_log (reviewed_at)")


@migrations()
def m009_portfolio(db: Database) -> None:
    from zavmo_desktop.core.storage.portfolio_schema import create_portfolio_schema

    create_portfolio_schema(db)


@migrations()
def m010_xapi(db: Database) -> None:
    # Learning records waiting for, or already sent to, the organisation's LRS (issue 14).
    # `id` is the statement's own UUID: resending it is idempotent at the LRS. `sent_at` is
    # NULL until the LRS has answered; `attempts` and `last_error` drive the back-off.
    db.execute(
        """CREATE TABLE xapi_queue (
            id TEXT PRIMARY KEY,
            statement TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            sent_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_error TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX xapi_queue_waiting ON xapi_queue (sent_at, queued_at)")


@migrations()
def m011_xapi_refused(db: Database) -> None:
    # A statement the LRS refuses for good (issue 14 item 4) is set aside rather than retried
    # for ever in front of the rest: when (UTC, ISO), the HTTP status and the first 500
    # characters of the LRS's answer. A refused row is neither waiting nor sent.
    for column in ("refused_at TEXT", "refused_status INTEGER", "refused_reason TEXT"):
        db.execute(f"ALTER TABLE xapi_queue ADD COLUMN {column}")


@migrations()
def m012_sign_off_columns(db: Database) -> None:
    # The assessor's role and a withdrawal's reason get columns of their own (issue 13), and
    # the rows written before are split into them (core/storage/signoff_schema.py).
    from zavmo_desktop.core.storage.signoff_schema import add_signoff_columns

    add_signoff_columns(db)
