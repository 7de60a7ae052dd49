"""One learner's go at one practice conversation: the engine, saved after every move.

The screen talks to this, not to the engine and the database separately, so that nothing
the learner says or types can be shown without also being kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.core.conversation.engine import ConversationEngine, ConversationError, Turn
from zavmo_desktop.core.conversation.outcome import Outcome, summarise, transcript_text
from zavmo_desktop.core.storage.conversations import ConversationRepository, Run, StoredTurn

CHANGED_NOTICE = (
    "This conversation was changed since you last practised it, so it starts again. "
    "Your earlier turns are kept."
)


def _stored(turns: Sequence[Turn]) -> list[StoredTurn]:
    return [StoredTurn(t.role, t.speaker, t.text, t.details) for t in turns]


def _turns(stored: Sequence[StoredTurn]) -> list[Turn]:
    return [Turn(t.role, t.speaker, t.text, dict(t.details)) for t in stored]


class PracticeSession:
    def __init__(
        self, repository: ConversationRepository, module: Module, conversation: Conversation
    ) -> None:
        """The learner's unfinished run of this conversation if there is one, else a session
        that has not started yet."""
        self._repository = repository
        self.module = module
        self.conversation = conversation
        self.engine = ConversationEngine(conversation)
        self.run_id: int | None = None
        self.evidence_id: int | None = None
        self.notice = ""  # something to tell the learner when the session opens
        self._stale_run: Run | None = None  # an unfinished run the content no longer fits
        run = repository.active(module.id, conversation.id)
        if run is not None:
            try:
                self.engine = ConversationEngine.restore(conversation, run.state, _turns(run.turns))
                self.run_id = run.id
            except ConversationError:
                self.notice = CHANGED_NOTICE
                self._stale_run = run

    @property
    def started(self) -> bool:
        return self.run_id is not None

    @property
    def finished(self) -> bool:
        return self.engine.finished

    @property
    def transcript(self) -> list[Turn]:
        return list(self.engine.transcript)

    @property
    def outcome(self) -> Outcome:
        return summarise(self.conversation, self.engine.transcript)

    def start(self) -> list[Turn]:
        """Begin a fresh run (setting aside one whose content changed). Returns the opening."""
        self.engine = ConversationEngine(self.conversation)
        said = self.engine.start()
        if self._stale_run is not None:
            self.run_id = self._repository.restart(
                self._stale_run.id, self.engine.state(), _stored(said)
            )
            self._stale_run = None
        else:
            self.run_id = self._repository.start(
                self.module.id, self.conversation.id, self.engine.state(), _stored(said)
            )
        return self._after(said)

    def restart(self) -> list[Turn]:
        """Keep this run as 'restarted' and begin again from the first turn."""
        if self.run_id is None:
            return self.start()
        old = self.run_id
        self.engine = ConversationEngine(self.conversation)
        said = self.engine.start()
        self.evidence_id = None
        self.run_id = self._repository.restart(old, self.engine.state(), _stored(said))
        return self._after(said)

    def choose(self, index: int) -> list[Turn]:
        return self._move(lambda: self.engine.choose(index))

    def answer(self, text: str) -> list[Turn]:
        return self._move(lambda: self.engine.answer(text))

    def claim(self, points: Sequence[str]) -> None:
        """Keep which missed points the learner believes they covered (their claim)."""
        assert self.run_id is not None
        self.engine.claim(points)
        self._repository.save(self.run_id, self.engine.state())

    def try_again(self) -> list[Turn]:
        return self._move(self.engine.try_again)

    def carry_on(self) -> list[Turn]:
        return self._move(self.engine.carry_on)

    def save_draft(self, text: str) -> None:
        """Keep what the learner is typing, so closing the app loses nothing."""
        if self.run_id is None or self.engine.finished or text == self.engine.draft:
            return
        kept = self.engine.draft
        self.engine.set_draft(text)
        try:
            self._repository.save(self.run_id, self.engine.state())
        except BaseException:
            self.engine.set_draft(kept)  # not saved: the next try must not think it was
            raise

    def _move(self, move: Callable[[], list[Turn]]) -> list[Turn]:
        """A move and its saving, all or nothing: if it cannot be saved (a full disk), the
        engine is back where it was, so the learner can send the same answer again."""
        state, transcript = self.engine.state(), list(self.engine.transcript)
        said = move()
        try:
            return self._save(said)
        except BaseException:
            self.engine = ConversationEngine.restore(self.conversation, state, transcript)
            raise

    def _save(self, said: list[Turn]) -> list[Turn]:
        assert self.run_id is not None
        if self.engine.finished:
            self._finish(said)
        else:
            self._repository.save(self.run_id, self.engine.state(), _stored(said))
        return said

    def _after(self, said: list[Turn]) -> list[Turn]:
        # A conversation whose first turn is already an ending has nothing to practise;
        # the validator forbids it, but a saved run must still end cleanly.
        if self.engine.finished:
            self._finish([])
        return said

    def _finish(self, said: list[Turn]) -> None:
        assert self.run_id is not None
        from zavmo_desktop.core.portfolio.outcomes import conversation_outcome

        outcome = self.outcome
        judged, met = conversation_outcome(self.conversation.type, outcome.results)
        self.evidence_id = self._repository.finish(
            self.run_id,
            self.engine.state(),
            _stored(said),
            title=self.conversation.title,
            text=transcript_text(self.engine.transcript),
            details={
                "type": self.conversation.type,
                "outcome": outcome.headline,
                "lines": list(outcome.lines),
                "results": outcome.results,
                "date": date.today().isoformat(),
            },
            criteria=self.conversation.evidences,
            outcome=judged,
            met=met,
        )


@dataclass(frozen=True)
class PracticeStatus:
    state: str  # not_started, in_progress or finished
    turn: int  # the learner's turn number they are on, when in progress
    finished_on: date | None  # when they last finished it, if ever

    def describe(self) -> str:
        finished = f"finished on {_day(self.finished_on)}" if self.finished_on else ""
        if self.state == "in_progress":
            where = f"In progress at turn {self.turn}"
            return f"{where} (last {finished})" if finished else where
        if finished:
            return finished[0].upper() + finished[1:]
        return "Not started"


def practice_status(
    repository: ConversationRepository, module_id: str, conversation_id: str
) -> PracticeStatus:
    active, finished = repository.latest(module_id, conversation_id)
    finished_on = None
    if finished is not None and finished.finished_at:
        finished_on = datetime.fromisoformat(finished.finished_at).date()
    if active is not None:
        return PracticeStatus("in_progress", active.learner_turns + 1, finished_on)
    return PracticeStatus("finished" if finished_on else "not_started", 0, finished_on)


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
