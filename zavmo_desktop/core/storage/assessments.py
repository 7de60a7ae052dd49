"""The only place that knows the assessment tables: every round, its answers, its resume point.

Nothing is overwritten across rounds: a reassessment starts a new round and the earlier
ones stay as they were, dated. Within a round an answer can be changed at any time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from zavmo_desktop.core.assessment.model import CompetencyAnswer, clean_evidence
from zavmo_desktop.core.assessment.steps import Step
from zavmo_desktop.core.storage.database import Database

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Round:
    id: int
    pack_id: str
    started_at: str
    updated_at: str
    finished_at: str | None
    resume: Step | None  # the exact question to come back to

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class AssessmentRepository:
    def __init__(self, db: Database, now: Clock = datetime.now) -> None:
        self.db = db
        self._now = now

    _ROUNDS = """SELECT id, pack_id, started_at, updated_at, finished_at, resume_competency,
        resume_question FROM assessment_rounds"""

    def start_round(self, pack_id: str) -> Round:
        now = self._stamp()
        with self.db.atomic():
            cursor = self.db.execute(
                """INSERT INTO assessment_rounds (pack_id, started_at, updated_at)
                   VALUES (?, ?, ?)""",
                [pack_id, now, now],
            )
        new = self.round(int(cursor.lastrowid or 0))
        assert new is not None
        return new

    def round(self, round_id: int) -> Round | None:
        row = self.db.execute(f"{self._ROUNDS} WHERE id = ?", [round_id]).fetchone()
        return _round(row) if row else None

    def rounds(self, pack_id: str) -> list[Round]:
        """Every round for the pack, oldest first: the learner's history."""
        rows = self.db.execute(f"{self._ROUNDS} WHERE pack_id = ? ORDER BY id", [pack_id])
        return [_round(row) for row in rows.fetchall()]

    def latest(self, pack_id: str) -> Round | None:
        found = self.rounds(pack_id)
        return found[-1] if found else None

    def answers(self, round_id: int) -> dict[str, CompetencyAnswer]:
        rows = self.db.execute(
            """SELECT competency_id, self_rating, evidence FROM assessment_answers
               WHERE round_id = ?""",
            [round_id],
        ).fetchall()
        scenarios: dict[str, dict[str, str]] = {}
        for competency_id, scenario_id, level in self.db.execute(
            """SELECT competency_id, scenario_id, level FROM assessment_scenario_answers
               WHERE round_id = ?""",
            [round_id],
        ).fetchall():
            scenarios.setdefault(str(competency_id), {})[str(scenario_id)] = str(level)
        found = {
            str(c): CompetencyAnswer(str(c), None if r is None else str(r), {}, str(e))
            for c, r, e in rows
        }
        for competency_id, chosen in scenarios.items():
            old = found.get(competency_id, CompetencyAnswer(competency_id))
            found[competency_id] = CompetencyAnswer(
                competency_id, old.self_rating, chosen, old.evidence
            )
        return found

    def scenario_choice(self, round_id: int, competency_id: str, scenario_id: str) -> int | None:
        """Which answer (0-based) the learner chose, to show it chosen when they come back."""
        row = self.db.execute(
            """SELECT answer_index FROM assessment_scenario_answers
               WHERE round_id = ? AND competency_id = ? AND scenario_id = ?""",
            [round_id, competency_id, scenario_id],
        ).fetchone()
        return int(row[0]) if row else None

    def save_rating(
        self, round_id: int, competency_id: str, rating: str, question: str = ""
    ) -> None:
        """A level id or model.NOT_SURE; saving again changes it. `question`: its words, for
        the learning record."""
        if not rating:
            raise ValueError("a rating is a level id or NOT_SURE")
        with self.db.atomic():
            self._upsert_answer(round_id, competency_id, "self_rating", rating)
            self._record_answer(round_id, (competency_id, "rating"), question, rating)

    def save_evidence(self, round_id: int, competency_id: str, text: str) -> None:
        self._upsert_answer(round_id, competency_id, "evidence", clean_evidence(text))

    def save_scenario(
        self, round_id: int, competency_id: str, scenario_id: str, answer_index: int, level: str,
        question: str = "",
    ) -> None:  # fmt: skip
        now = self._stamp()
        with self.db.atomic():
            self.db.execute(
                """INSERT INTO assessment_scenario_answers (round_id, competency_id,
                       scenario_id, answer_index, level, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(round_id, competency_id, scenario_id) DO UPDATE SET
                       answer_index = excluded.answer_index, level = excluded.level,
                       updated_at = excluded.updated_at""",
                [round_id, competency_id, scenario_id, answer_index, level, now],
            )
            self._touch(round_id, now)
            self._record_answer(round_id, (competency_id, scenario_id), question, str(answer_index))

    def _record_answer(
        self, round_id: int, path: tuple[str, str], question: str, response: str
    ) -> None:
        from zavmo_desktop.core.xapi.records import record
        from zavmo_desktop.core.xapi.statements import Outcome

        found = self.round(round_id)
        pack = found.pack_id if found is not None else ""
        title = question or " / ".join(path)
        record(self.db, "answered", "question", (pack, *path), title, Outcome(response=response))

    def set_resume(self, round_id: int, step: Step | None) -> None:
        now = self._stamp()
        competency, question = (step.competency_id, step.question) if step else (None, None)
        with self.db.atomic():
            self.db.execute(
                """UPDATE assessment_rounds SET resume_competency = ?, resume_question = ?,
                       updated_at = ? WHERE id = ?""",
                [competency, question, now, round_id],
            )

    def finish(self, round_id: int, criteria_of: Mapping[str, Sequence[str]] | None = None) -> None:
        """Mark the round finished; with `criteria_of` (competency id -> criterion ids) its
        answers become evidence items in the same transaction."""
        now = self._stamp()
        with self.db.atomic():
            self.db.execute(
                """UPDATE assessment_rounds SET finished_at = COALESCE(finished_at, ?),
                       updated_at = ? WHERE id = ?""",
                [now, now, round_id],
            )
            found = self.round(round_id)
            if criteria_of is not None and found is not None:
                from zavmo_desktop.core.portfolio.activity_evidence import assessment_evidence
                from zavmo_desktop.core.storage.evidence import EvidenceRepository

                evidence = EvidenceRepository(self.db)
                answers = self.answers(round_id)
                for item in assessment_evidence(round_id, found.pack_id, answers, criteria_of):
                    evidence.save(item)

    def _upsert_answer(self, round_id: int, competency_id: str, column: str, value: str) -> None:
        now = self._stamp()
        evidence = value if column == "evidence" else ""
        rating = value if column == "self_rating" else None
        with self.db.atomic():
            self.db.execute(
                f"""INSERT INTO assessment_answers (round_id, competency_id, self_rating,
                        evidence, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(round_id, competency_id) DO UPDATE SET
                        {column} = excluded.{column}, updated_at = excluded.updated_at""",
                [round_id, competency_id, rating, evidence, now],
            )
            self._touch(round_id, now)

    def _touch(self, round_id: int, now: str) -> None:
        self.db.execute("UPDATE assessment_rounds SET updated_at = ? WHERE id = ?", [now, round_id])

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")


def _round(row: tuple[object, ...]) -> Round:
    round_id, pack_id, started, updated, finished, competency, question = row
    resume = Step(str(competency), str(question)) if competency and question else None
    return Round(
        int(str(round_id)),
        str(pack_id),
        str(started),
        str(updated),
        None if finished is None else str(finished),
        resume,
    )
