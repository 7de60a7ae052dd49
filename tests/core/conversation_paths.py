"""Drive a conversation through the engine by its graph: to a node, along a branch, to an end."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

from zavmo_desktop.core.content.conversation_parser import successors
from zavmo_desktop.core.content.loader import load_library
from zavmo_desktop.core.content.models import Conversation, Module, Node, RubricPoint
from zavmo_desktop.core.conversation.engine import REPLY, REVIEW, ConversationEngine

BUNDLED_CONTENT = Path(__file__).resolve().parents[2] / "content"


def bundled_conversations() -> list[tuple[Module, Conversation]]:
    library = load_library([BUNDLED_CONTENT])
    assert not [p for p in library.problems if not p.warning]
    return [(m, c) for m in library.modules for c in m.conversations]


def distances_to(conversation: Conversation, targets: set[str]) -> dict[str, int]:
    """How many steps each node is from the nearest target, over the graph's edges."""
    before: dict[str, list[str]] = {n.id: [] for n in conversation.nodes}
    for node in conversation.nodes:
        for target in successors(node):
            before[target].append(node.id)
    distance = dict.fromkeys(targets, 0)
    queue = deque(targets)
    while queue:
        current = queue.popleft()
        for previous in before[current]:
            if previous not in distance:
                distance[previous] = distance[current] + 1
                queue.append(previous)
    return distance


def full_answer(node: Node) -> str:
    """An answer that covers every key point of the node's rubric."""
    assert node.answer is not None
    return "I would say " + ", ".join(example(point) for point in node.answer.rubric) + "."


def example(point: RubricPoint) -> str:
    """Words that show the point: a plain keyword, one of each group, or the negated form."""
    plain = [keyword for keyword in point.keywords if "{" not in keyword]
    if plain:
        return plain[0]
    if point.all_of:
        return " ".join(group[0] for group in point.all_of)
    return f"we do not {point.negated[0]}"


def answer_towards(node: Node, distance: dict[str, int]) -> str:
    """A written answer that leads nearest the target: one branch's point alone, or none."""
    answer = node.answer
    assert answer is not None
    if not answer.branches:
        return full_answer(node)
    far = 10**6
    options = [
        (distance.get(b.next, far), example(answer.rubric[b.point - 1])) for b in answer.branches
    ]
    options.append((distance.get(answer.next, far), "I am not sure yet."))
    return min(options, key=lambda option: option[0])[1]


def step_towards(engine: ConversationEngine, distance: dict[str, int]) -> None:
    """Take the learner's move that leads nearest to the target."""
    if engine.phase == REVIEW:
        engine.carry_on()
        return
    assert engine.phase == REPLY
    node = engine.node
    if node.answer is not None:
        if node.answer.branches:
            engine.answer(answer_towards(node, distance))
        else:
            answer_leaving_out_towards(engine, distance)
        return
    best = min(range(len(node.replies)), key=lambda i: distance.get(node.replies[i].next, 10**6))
    engine.choose(best)


def answer_leaving_out_towards(engine: ConversationEngine, distance: dict[str, int]) -> None:
    """A full answer, or one that leaves out the point whose `if_missed` leads nearer."""
    answer = engine.node.answer
    assert answer is not None
    far = 10**6
    missable = [p for p in answer.rubric if p.if_missed]
    best = min(missable, key=lambda p: distance.get(p.if_missed, far), default=None)
    if best is None or distance.get(best.if_missed, far) >= distance.get(answer.next, far):
        engine.answer(full_answer(engine.node))
        return
    said = [example(p) for p in answer.rubric if p is not best]
    engine.answer("I would say " + ", ".join(said) + "." if said else "I am not sure yet.")
    if engine.phase == REVIEW:
        engine.carry_on()


def drive(engine: ConversationEngine, until: Callable[[], bool], distance: dict[str, int]) -> None:
    for _ in range(200):
        if until():
            return
        step_towards(engine, distance)
    raise AssertionError(f"stuck at {engine.node_id} ({engine.phase})")


def finish(engine: ConversationEngine) -> None:
    conversation = engine.conversation
    endings = {n.id for n in conversation.nodes if n.is_ending}
    drive(engine, lambda: engine.finished, distances_to(conversation, endings))


def reach(engine: ConversationEngine, node_id: str) -> None:
    distance = distances_to(engine.conversation, {node_id})
    drive(engine, lambda: engine.node_id == node_id and engine.phase == REPLY, distance)


def branches(conversation: Conversation) -> Iterator[tuple[str, int | str]]:
    """Every learner move: (node, reply index) or (node, 'enough' / 'too little')."""
    for node in conversation.nodes:
        for index in range(len(node.replies)):
            yield node.id, index
        if node.answer is not None:
            yield node.id, "enough"
            yield node.id, "too little"
