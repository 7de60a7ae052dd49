"""The dialogue engine: a pure state machine over one practice conversation.

The tutor's turns that simply carry on (`next`) are played straight away; the engine then
waits for the learner, who picks one of the node's replies or writes a free answer. A free
answer is checked against the node's rubric; when the app did not find every key point,
the learner sees what a strong answer also includes, may say which of those they believe
they covered (kept as their claim, apart from what the app found), and decides whether to
try again or carry on, with no pressure either way.

Everything said is a `Turn` (what the transcript shows and the database keeps). The
engine's position, `state()`, is a small JSON-able dict: with the turns it restores the
exact place, a half-typed answer included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from zavmo_desktop.core.content.models import Conversation, FreeAnswer, Node, Reply
from zavmo_desktop.core.conversation.rubric import RubricResult, check_answer

STATE_VERSION = 1
ROLES = ("tutor", "learner", "feedback")
# Phases: waiting for the learner's reply; reviewing a free answer in which the app did not
# find every key point (try again or carry on); finished at an ending.
REPLY, REVIEW, FINISHED = "reply", "review", "finished"
PHASES = (REPLY, REVIEW, FINISHED)
LEARNER = "You"
FEEDBACK = "Feedback"
CONSEQUENCE = "What happens"
KEY_POINTS = "Key points"


class ConversationError(ValueError):
    """A move that is not possible here, or a saved state that no longer fits the content."""


@dataclass(frozen=True)
class Turn:
    role: str  # tutor, learner or feedback
    speaker: str
    text: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return str(self.details.get("kind", ""))

    @property
    def node(self) -> str:
        return str(self.details.get("node", ""))


class ConversationEngine:
    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self._by_id = {node.id: node for node in conversation.nodes}
        self.transcript: list[Turn] = []
        self.phase = REPLY
        self.node_id = conversation.start
        self.draft = ""
        self.claims: tuple[str, ...] = ()  # while reviewing: what the learner says they covered
        self.started = False

    # --- where the learner is -----------------------------------------------------------

    @property
    def node(self) -> Node:
        return self._by_id[self.node_id]

    @property
    def finished(self) -> bool:
        return self.phase == FINISHED

    @property
    def replies(self) -> tuple[Reply, ...]:
        """The choices on offer now; empty unless the learner is to pick one."""
        return self.node.replies if self.phase == REPLY else ()

    @property
    def free_answer(self) -> FreeAnswer | None:
        """The free-text turn on offer now (also while reviewing one), else None."""
        return self.node.answer if self.phase in (REPLY, REVIEW) else None

    @property
    def last_rubric(self) -> RubricResult | None:
        for turn in reversed(self.transcript):
            if turn.kind == "rubric":
                return RubricResult.from_dict(turn.details)
            if turn.role == "learner":
                break
        return None

    def learner_turns(self) -> int:
        return sum(1 for turn in self.transcript if turn.kind in ("choice", "answer"))

    # --- moves ----------------------------------------------------------------------------

    def start(self) -> list[Turn]:
        if self.started:
            raise ConversationError("the conversation has already started")
        self.started = True
        return self._arrive(self.conversation.start)

    def choose(self, index: int) -> list[Turn]:
        self._expect(REPLY)
        node = self.node
        if not node.replies or not 0 <= index < len(node.replies):
            raise ConversationError(f"node '{node.id}' has no reply number {index}")
        reply = node.replies[index]
        base = {"node": node.id, "reply": index}
        said = [Turn("learner", LEARNER, reply.text, {"kind": "choice", **base})]
        if self.conversation.type == "quiz":
            said[0].details["correct"] = reply.correct
        if reply.feedback:
            said.append(Turn("feedback", FEEDBACK, reply.feedback, {"kind": "feedback", **base}))
        if reply.consequence:
            said.append(
                Turn("feedback", CONSEQUENCE, reply.consequence, {"kind": "consequence", **base})
            )
        self.draft = ""
        self._record(said)
        return said + self._arrive(reply.next)

    def answer(self, text: str) -> list[Turn]:
        self._expect(REPLY)
        answer = self.node.answer
        if answer is None:
            raise ConversationError(f"node '{self.node_id}' does not take a written answer")
        text = text.strip()
        if not text:
            raise ConversationError("an empty answer cannot be sent")
        attempt = 1 + sum(
            1 for t in self.transcript if t.kind == "answer" and t.node == self.node_id
        )
        question = f"{self.node.say}\n{answer.prompt}"
        result = check_answer(text, answer.rubric, answer.min_points, question)
        base = {"node": self.node_id}
        said = [
            Turn("learner", LEARNER, text, {"kind": "answer", "attempt": attempt, **base}),
            Turn(
                "feedback",
                KEY_POINTS,
                result.summary(),
                {"kind": "rubric", "enough": result.enough, **base, **result.to_dict()},
            ),
        ]
        self._record(said)
        self.claims = ()
        if result.complete:
            self.draft = ""
            return said + self._arrive(answer.next_after([p.covered for p in result.points]))
        self.draft = text  # kept, so "Try again" edits it rather than starting blank
        self.phase = REVIEW
        return said

    def claim(self, points: Iterable[str]) -> None:
        """The key points the learner believes they covered though the app did not find
        them. Kept as their claim, never as something the app found."""
        self._expect(REVIEW)
        rubric = self.last_rubric
        missed = [p.point for p in rubric.missed] if rubric else []
        chosen = set(points)
        self.claims = tuple(point for point in missed if point in chosen)

    def try_again(self) -> list[Turn]:
        """Back to writing the same answer, with the last one ready to edit."""
        self._expect(REVIEW)
        said = self._said_claims()
        self.phase = REPLY
        return said

    def carry_on(self) -> list[Turn]:
        """Move on from an answer in which the app did not find every point: that is fine."""
        self._expect(REVIEW)
        target = self._after_missed_points()
        said = self._said_claims()
        self.draft = ""
        return said + self._arrive(target)

    def _after_missed_points(self) -> str:
        """Where carrying on leads: the `if_missed` turn of the first point neither found
        nor claimed by the learner, so the pushback answers what they actually argued;
        else the answer's `branches` on what the app found."""
        answer = self.node.answer
        assert answer is not None
        rubric = self.last_rubric
        missed = {p.point for p in rubric.missed} if rubric else set()
        for point in answer.rubric:
            if point.if_missed and point.point in missed and point.point not in self.claims:
                return point.if_missed
        found = [p.covered for p in rubric.points] if rubric else []
        return answer.next_after(found)  # what the app found picks a branch, never a claim

    def _said_claims(self) -> list[Turn]:
        if not self.claims:
            return []
        text = "I believe I also covered: " + "; ".join(self.claims) + "."
        details = {"kind": "claim", "node": self.node_id, "claimed": list(self.claims)}
        turn = Turn("learner", LEARNER, text, details)
        self.claims = ()
        self._record([turn])
        return [turn]

    def set_draft(self, text: str) -> None:
        self.draft = text

    # --- state ----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "node": self.node_id,
            "phase": self.phase,
            "draft": self.draft,
            "claims": list(self.claims),
        }

    @classmethod
    def restore(
        cls, conversation: Conversation, state: dict[str, Any], transcript: Iterable[Turn]
    ) -> ConversationEngine:
        """The engine at a saved position; ConversationError if the content no longer fits."""
        engine = cls(conversation)
        engine.transcript = list(transcript)
        node_id, phase = state.get("node"), state.get("phase")
        if state.get("version") != STATE_VERSION:
            raise ConversationError("the saved conversation is from another version")
        if node_id not in engine._by_id or phase not in PHASES:
            raise ConversationError("the saved turn is no longer in this conversation")
        engine.node_id, engine.phase = str(node_id), str(phase)
        engine.draft = str(state.get("draft", ""))
        if engine.phase == REVIEW:
            engine.claims = tuple(str(c) for c in state.get("claims", ()))
        engine.started = True
        node = engine.node
        fits = {
            FINISHED: node.is_ending,
            REVIEW: node.answer is not None,
            REPLY: bool(node.replies) or node.answer is not None,
        }
        if not fits[engine.phase]:
            raise ConversationError("the saved turn no longer fits this conversation")
        return engine

    # --- inside ---------------------------------------------------------------------------

    def _expect(self, phase: str) -> None:
        if not self.started:
            raise ConversationError("start the conversation first")
        if self.phase != phase:
            raise ConversationError(f"not possible now: the conversation is at '{self.phase}'")

    def _record(self, turns: list[Turn]) -> None:
        self.transcript.extend(turns)

    def _arrive(self, node_id: str) -> list[Turn]:
        """Say each tutor turn from `node_id` on until the learner's turn or an ending."""
        said: list[Turn] = []
        for _ in range(len(self._by_id) + 1):  # a chain of `next` longer than this loops
            if node_id not in self._by_id:
                raise ConversationError(f"there is no node '{node_id}'")
            node = self._by_id[node_id]
            details: dict[str, Any] = {"kind": "say", "node": node.id}
            if node.stage:
                details["stage"] = node.stage
            if node.is_ending:
                details["ending"] = True
            said.append(Turn("tutor", node.speaker, node.say, details))
            self.node_id = node.id
            if node.next is not None:
                node_id = node.next
                continue
            self.phase = FINISHED if node.is_ending else REPLY
            self._record(said)
            return said
        raise ConversationError(f"the tutor's turns from '{node_id}' go round in a loop")
