"""A short, plain-language result of a finished conversation, for the summary and evidence.

Honest and simple: what the learner chose and wrote, which key points the app found in
their answers, and, kept apart, which further points the learner says they covered. No
scores beyond what is plainly true ("3 of 4 right first time").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from zavmo_desktop.core.content.models import COACHING_STAGES, Conversation
from zavmo_desktop.core.conversation.engine import Turn
from zavmo_desktop.core.conversation.kinds import STAGE_NAMES
from zavmo_desktop.core.conversation.rubric import RubricResult

ANSWER_TYPES = ("action_planning", "teach_back", "reflection", "socratic", "debate")


@dataclass(frozen=True)
class Outcome:
    headline: str  # one line, e.g. "3 of 4 right first time"
    lines: tuple[str, ...]  # what the learner chose and wrote, one short line each
    results: dict[str, Any]  # the same as data, JSON-able, for the evidence's details
    parts: tuple[str, ...] = ()  # the short summary the screen shows, one part per line


@dataclass
class _Step:
    kind: str  # choice or answer
    node: str
    text: str
    correct: bool | None = None
    consequence: str = ""
    rubric: RubricResult | None = None
    claimed: list[str] = field(default_factory=list)  # what the learner says they covered


def _steps(transcript: Sequence[Turn]) -> list[_Step]:
    steps: list[_Step] = []
    for number, turn in enumerate(transcript):
        if turn.kind == "claim":
            if steps and steps[-1].node == turn.node:
                steps[-1].claimed.extend(str(c) for c in turn.details.get("claimed", ()))
            continue
        if turn.role != "learner":
            continue
        after = list(transcript[number + 1 : number + 3])
        consequence = next((t.text for t in after if t.kind == "consequence"), "")
        rubric = next((t for t in after if t.kind == "rubric"), None)
        correct = turn.details.get("correct")
        steps.append(
            _Step(
                turn.kind,
                turn.node,
                turn.text,
                bool(correct) if correct is not None else None,
                consequence,
                RubricResult.from_dict(rubric.details) if rubric is not None else None,
            )
        )
    return steps


def _final_answers(steps: list[_Step]) -> list[_Step]:
    """The last answer written at each node (a "Try again" replaces the earlier one)."""
    last: dict[str, _Step] = {}
    for step in steps:
        if step.kind == "answer":
            last.pop(step.node, None)
            last[step.node] = step
    return list(last.values())


def _answer_lines(step: _Step, prompt: str) -> list[str]:
    lines = [f"You wrote ({prompt}): {step.text}" if prompt else f"You wrote: {step.text}"]
    if step.rubric is not None:
        found = [p.point for p in step.rubric.covered]
        claimed = _claimed(step)
        others = [p.point for p in step.rubric.missed if p.point not in claimed]
        lines.append(f"Key points the app found: {'; '.join(found) if found else 'none'}.")
        if claimed:
            lines.append(f"You said you also covered: {'; '.join(claimed)}.")
        if others:
            lines.append(f"A strong answer also includes: {'; '.join(others)}.")
    return lines


def _claimed(step: _Step) -> list[str]:
    missed = {p.point for p in step.rubric.missed} if step.rubric else set()
    return [point for point in dict.fromkeys(step.claimed) if point in missed]


def _answer_data(step: _Step, prompt: str) -> dict[str, Any]:
    """What the app found and what the learner claimed, apart, as the evidence keeps them."""
    rubric = step.rubric
    return {
        "node": step.node,
        "prompt": prompt,
        "answer": step.text,
        "found_by_app": [{"point": p.point, "words": list(p.words)} for p in rubric.covered]
        if rubric
        else [],
        "not_found_by_app": [p.point for p in rubric.missed] if rubric else [],
        "learner_says_covered": _claimed(step),
    }


def _answer_part(data: dict[str, Any], number: int) -> str:
    found = len(data["found_by_app"])
    total = found + len(data["not_found_by_app"])
    part = f"Answer {number}: the app found {found} of {total} key points"
    claimed = len(data["learner_says_covered"])
    if claimed:
        part += f"; you said you covered {claimed} more"
    return part + "."


def summarise(conversation: Conversation, transcript: Sequence[Turn]) -> Outcome:
    steps = _steps(transcript)
    if conversation.type == "quiz":
        return _quiz(conversation, steps)
    if conversation.type == "scenario":
        return _scenario(steps)
    return _mixed(conversation, steps)


def _quiz(conversation: Conversation, steps: list[_Step]) -> Outcome:
    first: dict[str, _Step] = {}
    for step in steps:
        if step.kind == "choice":
            first.setdefault(step.node, step)
    right = sum(1 for step in first.values() if step.correct)
    lines = []
    for number, step in enumerate(first.values(), start=1):
        if step.correct:
            lines.append(f"Question {number}: right first time.")
        else:
            lines.append(f"Question {number}: not right first time (you chose “{step.text}”).")
    results = {
        "right_first_time": right,
        "questions": len(first),
        "answers": [
            {"node": s.node, "chose": s.text, "correct": s.correct} for s in first.values()
        ],
    }
    return Outcome(f"{right} of {len(first)} right first time", tuple(lines), results, tuple(lines))


def _scenario(steps: list[_Step]) -> Outcome:
    decisions = [s for s in steps if s.kind == "choice"]
    lines = []
    for step in decisions:
        lines.append(f"You decided: {step.text}")
        if step.consequence:
            lines.append(f"What happened: {step.consequence}")
    results = {
        "decisions": [
            {"node": s.node, "decided": s.text, "consequence": s.consequence} for s in decisions
        ]
    }
    count = len(decisions)
    headline = f"{count} decision{'s' if count != 1 else ''} made"
    parts = tuple(f"You decided: {step.text}" for step in decisions)
    return Outcome(headline, tuple(lines), results, parts)


def _mixed(conversation: Conversation, steps: list[_Step]) -> Outcome:
    """Choices made and written answers with their key points: every other type."""
    nodes = {node.id: node for node in conversation.nodes}
    answers = _final_answers(steps)
    answered = {id(step) for step in answers}
    lines: list[str] = []
    choices: list[dict[str, Any]] = []
    written: list[dict[str, Any]] = []
    for step in steps:
        node = nodes.get(step.node)
        stage = STAGE_NAMES.get(node.stage or "", "") if node is not None else ""
        prefix = f"{stage}: " if conversation.type == "coaching" and stage else ""
        if step.kind == "choice":
            lines.append(f"{prefix}You chose: {step.text}")
            choices.append({"node": step.node, "chose": step.text})
        elif id(step) in answered:
            prompt = node.answer.prompt if node is not None and node.answer is not None else ""
            extra = _answer_lines(step, prompt)
            lines += [prefix + extra[0], *extra[1:]]
            written.append(_answer_data(step, prompt))
    found = sum(len(a["found_by_app"]) for a in written)
    total = found + sum(len(a["not_found_by_app"]) for a in written)
    results: dict[str, Any] = {"choices": choices, "answers": written}
    claimed = sum(len(a["learner_says_covered"]) for a in written)
    points = f"key points found: {found} of {total}"
    if claimed:
        points += f" (you said you covered {claimed} more)"
    if conversation.type == "coaching":
        stages = _stages(conversation, steps)
        results["stages"] = stages
        names = ", ".join(STAGE_NAMES[s] for s in stages) or "none"
        missing = [STAGE_NAMES[s] for s in COACHING_STAGES if s not in stages]
        headline = f"GROW stages covered: {names}"
        if missing:
            headline += f" (not yet: {', '.join(missing)})"
    elif conversation.type in ANSWER_TYPES or not choices:
        count = len(written)
        headline = f"{count} answer{'s' if count != 1 else ''} in your own words; {points}"
    else:
        count = len(choices)
        headline = f"{count} choice{'s' if count != 1 else ''} made"
        if written:
            headline += f"; {points}"
    parts = tuple(_answer_part(a, n) for n, a in enumerate(written, start=1))
    return Outcome(headline, tuple(lines), results, parts)


def _stages(conversation: Conversation, steps: list[_Step]) -> list[str]:
    """The GROW stages the learner took a turn in, in GROW order."""
    nodes = {node.id: node for node in conversation.nodes}
    seen = {nodes[s.node].stage for s in steps if s.node in nodes}
    return [stage for stage in COACHING_STAGES if stage in seen]


def transcript_text(turns: Sequence[Turn]) -> str:
    """The conversation as plain text, one paragraph per turn, as the evidence keeps it."""
    return "\n\n".join(f"{turn.speaker}: {turn.text}" for turn in turns)
