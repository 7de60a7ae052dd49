"""The only place that knows the conversation tables: runs, their saved position and turns.

A run is one go at one conversation. While it is `active` its `state` (the engine's
position as JSON, a half-typed answer included) and its turns are saved after every move,
so the learner comes back to the exact turn. Finishing writes the evidence item in the same
transaction; restarting keeps the old run (status `restarted`) and begins a fresh one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from zavmo_desktop.core.storage.database import Database
from zavmo_desktop.core.storage.evidence import EvidenceRepository, NewEvidence


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class StoredTurn:
    role: str  # tutor, learner or feedback
    speaker: str
    text: str
    details: dict[str, Any]


@dataclass(frozen=True)
class Run:
    id: int
    module_id: str
    conversation_id: str
    status: str  # active, finished or restarted
    state: dict[str, Any]
    started_at: str
    updated_at: str
    finished_at: str | None
    turns: tuple[StoredTurn, ...] = ()

    @property
    def learner_turns(self) -> int:
        return sum(1 for t in self.turns if t.details.get("kind") in ("choice", "answer"))


def evidence_source(module_id: str, conversation_id: str, run_id: int) -> str:
    return f"conversation:{module_id}/{conversation_id}#run{run_id}"


class ConversationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._evidence = EvidenceRepository(db)

    def active(self, module_id: str, conversation_id: str) -> Run | None:
        """The run the learner left unfinished, with its state and turns, if any."""
        row = self.db.execute(
            f"""{self._COLUMNS} WHERE module_id = ? AND conversation_id = ?
                AND status = 'active' ORDER BY id DESC LIMIT 1""",
            [module_id, conversation_id],
        ).fetchone()
        return self._run(row, with_turns=True) if row else None

    def last_unfinished(self) -> Run | None:
        """The run, in any conversation, that the learner left unfinished most recently."""
        row = self.db.execute(
            f"""{self._COLUMNS} WHERE status = 'active'
                ORDER BY updated_at DESC, id DESC LIMIT 1"""
        ).fetchone()
        return self._run(row, with_turns=True) if row else None

    def get(self, run_id: int) -> Run | None:
        row = self.db.execute(f"{self._COLUMNS} WHERE id = ?", [run_id]).fetchone()
        return self._run(row, with_turns=True) if row else None

    def start(
        self,
        module_id: str,
        conversation_id: str,
        state: Mapping[str, Any],
        turns: Iterable[StoredTurn] = (),
    ) -> int:
        """A new active run with its first turns; an active run left over is set aside."""
        with self.db.atomic():
            self._set_aside(module_id, conversation_id)
            return self._insert(module_id, conversation_id, state, turns)

    def restart(self, run_id: int, state: Mapping[str, Any], turns: Iterable[StoredTurn]) -> int:
        """Mark the run 'restarted' (its turns are kept) and begin a fresh one. Returns its id."""
        with self.db.atomic():
            module_id, conversation_id = self._activity(run_id)
            self._set_aside(module_id, conversation_id)
            return self._insert(module_id, conversation_id, state, turns)

    def save(
        self, run_id: int, state: Mapping[str, Any], new_turns: Iterable[StoredTurn] = ()
    ) -> None:
        """Append the new turns and save the position, all or nothing."""
        with self.db.atomic():
            self._append(run_id, new_turns)
            self.db.execute(
                "UPDATE conversation_runs SET state = ?, updated_at = ? WHERE id = ?",
                [json.dumps(dict(state)), _now(), run_id],
            )

    def finish(
        self,
        run_id: int,
        state: Mapping[str, Any],
        new_turns: Sequence[StoredTurn],
        *,
        title: str,
        text: str,
        details: Mapping[str, Any],
        criteria: Sequence[str],
        outcome: Mapping[str, Any] | None = None,
        met: bool | None = None,
    ) -> int:
        """Save the last turns, mark the run finished and add its evidence item, all or
        nothing. Returns the evidence item's id."""
        from zavmo_desktop.core.xapi.records import conversation_result, record

        now = _now()
        with self.db.atomic():
            module_id, conversation_id = self._activity(run_id)
            self._append(run_id, new_turns)
            self.db.execute(
                """UPDATE conversation_runs SET status = 'finished', state = ?,
                       updated_at = ?, finished_at = ? WHERE id = ?""",
                [json.dumps(dict(state)), now, now, run_id],
            )
            evidence_id = self._evidence.save(
                NewEvidence(
                    kind="conversation",
                    source=evidence_source(module_id, conversation_id, run_id),
                    module_id=module_id,
                    activity_id=conversation_id,
                    title=title,
                    text=text,
                    criteria=tuple(criteria),
                    details={**details, "run_id": run_id, "finished_at": now},
                    outcome=dict(outcome or {}),
                    met=met,
                )
            )
            result = conversation_result(outcome or {}, met)
            record(
                self.db, "completed", "conversation", (module_id, conversation_id), title, result
            )
        return evidence_id

    def finished(self, module_id: str, conversation_id: str) -> list[Run]:
        """Every finished run of the conversation, newest first, without their turns."""
        rows = self.db.execute(
            f"""{self._COLUMNS} WHERE module_id = ? AND conversation_id = ?
                AND status = 'finished' ORDER BY finished_at DESC, id DESC""",
            [module_id, conversation_id],
        ).fetchall()
        return [self._run(row) for row in rows]

    def latest(self, module_id: str, conversation_id: str) -> tuple[Run | None, Run | None]:
        """(the active run, the newest finished run), for showing a conversation's status."""
        finished = self.finished(module_id, conversation_id)
        return self.active(module_id, conversation_id), finished[0] if finished else None

    def turns(self, run_id: int) -> list[StoredTurn]:
        rows = self.db.execute(
            """SELECT role, speaker, text, details FROM conversation_turns
               WHERE run_id = ? ORDER BY seq""",
            [run_id],
        ).fetchall()
        return [
            StoredTurn(role, speaker, text, _dict(details)) for role, speaker, text, details in rows
        ]

    # --- inside ---------------------------------------------------------------------------

    _COLUMNS = """SELECT id, module_id, conversation_id, status, state, started_at, updated_at,
        finished_at FROM conversation_runs"""

    def _run(self, row: tuple[Any, ...], with_turns: bool = False) -> Run:
        turns = tuple(self.turns(row[0])) if with_turns else ()
        run_id, module_id, conversation_id, status, state, started, updated, finished = row
        return Run(
            int(run_id),
            module_id,
            conversation_id,
            status,
            _dict(state),
            started,
            updated,
            finished,
            turns,
        )

    def _activity(self, run_id: int) -> tuple[str, str]:
        row = self.db.execute(
            "SELECT module_id, conversation_id FROM conversation_runs WHERE id = ?", [run_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"no conversation run {run_id}")
        return str(row[0]), str(row[1])

    def _set_aside(self, module_id: str, conversation_id: str) -> None:
        self.db.execute(
            """UPDATE conversation_runs SET status = 'restarted', updated_at = ?
               WHERE module_id = ? AND conversation_id = ? AND status = 'active'""",
            [_now(), module_id, conversation_id],
        )

    def _insert(
        self,
        module_id: str,
        conversation_id: str,
        state: Mapping[str, Any],
        turns: Iterable[StoredTurn],
    ) -> int:
        now = _now()
        cursor = self.db.execute(
            """INSERT INTO conversation_runs
                   (module_id, conversation_id, status, state, started_at, updated_at)
               VALUES (?, ?, 'active', ?, ?, ?)""",
            [module_id, conversation_id, json.dumps(dict(state)), now, now],
        )
        run_id = int(cursor.lastrowid or 0)
        self._append(run_id, turns)
        return run_id

    def _append(self, run_id: int, turns: Iterable[StoredTurn]) -> None:
        seq = int(
            self.db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM conversation_turns WHERE run_id = ?", [run_id]
            ).fetchone()[0]
        )
        now = _now()
        for turn in turns:
            seq += 1
            self.db.execute(
                """INSERT INTO conversation_turns
                       (run_id, seq, role, speaker, text, details, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [run_id, seq, turn.role, turn.speaker, turn.text, json.dumps(turn.details), now],
            )


def _dict(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
