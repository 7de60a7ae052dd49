"""Reading a practice conversation and checking that its graph can be played."""

from __future__ import annotations

from collections.abc import Callable

from zavmo_desktop.core.content.fields import FieldReader, check_evidences
from zavmo_desktop.core.content.located_yaml import LDict, LList
from zavmo_desktop.core.content.models import (
    COACHING_STAGES,
    CONVERSATION_TYPES,
    Branch,
    Conversation,
    FreeAnswer,
    Node,
    Reply,
    RubricPoint,
)
from zavmo_desktop.core.conversation.rubric import phrase_keys

NODE_FIELDS = ("id", "speaker", "say", "stage", "replies", "answer", "next")


def parse_conversation(reader: FieldReader, data: LDict, criteria: set[str]) -> Conversation | None:
    allowed = ("id", "type", "title", "summary", "evidences", "start", "nodes")
    reader.unknown_keys(data, allowed, "a conversation")
    errors_before = sum(not p.warning for p in reader.problems)
    kind = reader.choice(data, "type", CONVERSATION_TYPES, required=True) or ""
    nodes = reader.records(data, "nodes", lambda d: _node(reader, d), "a node")
    if not nodes:
        reader.problem(data.line, "a conversation needs 'nodes': a list of turns")
    reader.unique(_node_id_lines(data), "node id")
    node_lines = dict(_node_id_lines(data))
    start = reader.text(data, "start", required=False) or (nodes[0].id if nodes else "")
    conversation = Conversation(
        id=reader.identifier(data),
        type=kind,
        title=reader.text(data, "title", max_len=120),
        summary=reader.text(data, "summary", required=False),
        evidences=check_evidences(reader, data, criteria),
        start=start,
        nodes=tuple(nodes),
    )
    if sum(not p.warning for p in reader.problems) > errors_before:
        return None  # the graph checks below would only repeat what is already wrong
    check_graph(reader, conversation, node_lines, data.line_of("start"))
    check_type_rules(reader, conversation, node_lines, data.line)
    return conversation


def _node(reader: FieldReader, data: LDict) -> Node:
    reader.unknown_keys(data, NODE_FIELDS, "a node")
    turns = [key for key in ("replies", "answer", "next") if key in data]
    if len(turns) > 1:
        reader.problem(
            data.line,
            f"a node has at most one of replies, answer or next (found {', '.join(turns)})",
        )
    answer_data = data.get("answer")
    answer = None
    if answer_data is not None:
        mapping = reader.mapping(answer_data, data.line_of("answer"), "'answer'")
        answer = _free_answer(reader, mapping) if mapping is not None else None
    return Node(
        id=reader.identifier(data),
        say=reader.text(data, "say"),
        speaker=reader.text(data, "speaker", required=False) or "Tutor",
        stage=reader.choice(data, "stage", COACHING_STAGES, required=False),
        replies=tuple(reader.records(data, "replies", lambda d: _reply(reader, d), "a reply")),
        answer=answer,
        next=reader.text(data, "next", required=False) or None,
    )


def _reply(reader: FieldReader, data: LDict) -> Reply:
    reader.unknown_keys(data, ("text", "next", "feedback", "correct", "consequence"), "a reply")
    return Reply(
        text=reader.text(data, "text"),
        next=reader.text(data, "next"),
        feedback=reader.text(data, "feedback", required=False),
        correct=reader.flag(data, "correct"),
        consequence=reader.text(data, "consequence", required=False),
    )


def _free_answer(reader: FieldReader, data: LDict) -> FreeAnswer:
    reader.unknown_keys(data, ("prompt", "rubric", "min_points", "branches", "next"), "'answer'")
    rubric = reader.records(data, "rubric", lambda d: _rubric_point(reader, d), "a rubric point")
    if not rubric:
        reader.problem(data.line, "'answer' needs a 'rubric' with at least one key point")
    min_points = reader.integer(data, "min_points", 1, max(1, len(rubric)), required=False)
    return FreeAnswer(
        prompt=reader.text(data, "prompt", required=False),
        rubric=tuple(rubric),
        min_points=min_points or 1,
        next=reader.text(data, "next"),
        branches=tuple(
            reader.records(data, "branches", lambda d: _branch(reader, d, len(rubric)), "a branch")
        ),
    )


def _branch(reader: FieldReader, data: LDict, points: int) -> Branch | None:
    """`branches`: go to `next` when key point `if_found` (numbered from 1) was found."""
    reader.unknown_keys(data, ("if_found", "next"), "a branch")
    point = reader.integer(data, "if_found", 1, max(1, points), required=True)
    target = reader.text(data, "next")
    return Branch(point, target) if point is not None and target else None


def _rubric_point(reader: FieldReader, data: LDict) -> RubricPoint:
    allowed = ("point", "keywords", "all_of", "negated", "if_missed")
    reader.unknown_keys(data, allowed, "a rubric point")
    keywords = _phrases(reader, reader.strings(data, "keywords"))
    negated = _phrases(reader, reader.strings(data, "negated"))
    all_of = _groups(reader, data)
    if not (keywords or negated or all_of):
        reader.problem(
            data.line,
            "a rubric point needs 'keywords' (or 'all_of' or 'negated'): words that show it",
        )
    if_missed = reader.text(data, "if_missed", required=False)
    return RubricPoint(reader.text(data, "point"), keywords, all_of, negated, if_missed)


def _phrases(reader: FieldReader, found: list[tuple[str, int]]) -> tuple[str, ...]:
    """Lower-case phrases; one with no word the matcher can use is reported."""
    phrases = []
    for value, line in found:
        if not phrase_keys(value):
            reader.problem(line, f"'{value}' has no word or number to look for")
        else:
            phrases.append(value.lower())
    return tuple(phrases)


def _groups(reader: FieldReader, data: LDict) -> tuple[tuple[str, ...], ...]:
    """`all_of`: a list of groups, each a list of words or phrases (one of them is enough)."""
    groups = []
    for item, line in reader.items(data, "all_of"):
        if not isinstance(item, LList) or not item:
            reader.problem(line, "each entry of 'all_of' should be a list such as [notice, sooner]")
            continue
        words = []
        for number, word in enumerate(item):
            if isinstance(word, str | int) and not isinstance(word, bool) and str(word).strip():
                words.append((str(word).strip(), item.line_of(number)))
            else:  # YAML reads a bare on, off, yes or no as true or false
                reader.problem(
                    item.line_of(number), 'each word in \'all_of\' should be text: quote "on", "no"'
                )
        groups.append(_phrases(reader, words))
    if len(groups) == 1:
        reader.problem(data.line_of("all_of"), "'all_of' needs two or more groups")
    return tuple(g for g in groups if g)


def _node_id_lines(data: LDict) -> list[tuple[str, int]]:
    value = data.get("nodes")
    if not isinstance(value, list):
        return []
    return [(str(n.get("id", "")).strip(), n.line_of("id")) for n in value if isinstance(n, LDict)]


def successors(node: Node) -> list[str]:
    targets = [reply.next for reply in node.replies]
    if node.answer is not None:
        targets.extend(branch.next for branch in node.answer.branches)
        targets.append(node.answer.next)
        targets.extend(p.if_missed for p in node.answer.rubric if p.if_missed)
    if node.next is not None:
        targets.append(node.next)
    return targets


def check_graph(
    reader: FieldReader, conversation: Conversation, lines: dict[str, int], start_line: int
) -> None:
    """Every `next` exists, every node is reachable, and an ending is reachable from each."""
    ids = {node.id for node in conversation.nodes}
    if conversation.start not in ids:
        reader.problem(start_line, f"start node '{conversation.start}' does not exist")
        return
    for node in conversation.nodes:
        for target in successors(node):
            if target not in ids:
                reader.problem(
                    lines[node.id], f"node '{node.id}' goes to '{target}', which does not exist"
                )
    by_id = {node.id: node for node in conversation.nodes}
    reachable = _walk(conversation.start, lambda n: [t for t in successors(by_id[n]) if t in by_id])
    for node in conversation.nodes:
        if node.id not in reachable:
            reader.problem(
                lines[node.id], f"node '{node.id}' can never be reached from '{conversation.start}'"
            )
    _check_no_traps(reader, conversation, lines, reachable, ids)


def _check_no_traps(
    reader: FieldReader,
    conversation: Conversation,
    lines: dict[str, int],
    reachable: set[str],
    ids: set[str],
) -> None:
    endings = {node.id for node in conversation.nodes if node.is_ending}
    if not endings:
        reader.problem(
            lines[conversation.start],
            "the conversation has no ending: leave one node without replies, answer or next",
        )
        return
    predecessors: dict[str, list[str]] = {node_id: [] for node_id in ids}
    for node in conversation.nodes:
        for target in successors(node):
            if target in predecessors:
                predecessors[target].append(node.id)
    can_finish: set[str] = set()
    for ending in endings:
        can_finish |= _walk(ending, lambda n: predecessors[n])
    for node in conversation.nodes:
        if node.id in reachable and node.id not in can_finish:
            reader.problem(
                lines[node.id], f"from node '{node.id}' the learner can never reach an ending"
            )


def _walk(first: str, neighbours: Callable[[str], list[str]]) -> set[str]:
    seen = {first}
    stack = [first]
    while stack:
        for nxt in neighbours(stack.pop()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def check_type_rules(
    reader: FieldReader, conversation: Conversation, lines: dict[str, int], line: int
) -> None:
    nodes = conversation.nodes
    if not any(node.replies or node.answer for node in nodes):
        reader.problem(line, "the learner never gets a turn: add replies or an answer to a node")
    kind = conversation.type
    if kind in ("socratic", "reflection", "teach_back", "debate", "action_planning"):
        if not any(node.answer for node in nodes):
            reader.problem(
                line,
                f"a {kind} conversation needs an 'answer' turn in the learner's own words",
            )
    elif kind == "role_play" and all(node.speaker == "Tutor" for node in nodes):
        reader.problem(line, "a role_play needs a character: set 'speaker' on the nodes they say")
    elif kind == "coaching":
        missing = [stage for stage in COACHING_STAGES if all(node.stage != stage for node in nodes)]
        if missing:
            reader.problem(
                line, f"a coaching (GROW) conversation needs nodes with stage: {', '.join(missing)}"
            )
    elif kind == "scenario":
        _require_on_replies(
            reader, conversation, lines, "consequence", lambda r: bool(r.consequence)
        )
    elif kind == "quiz":
        _check_quiz(reader, conversation, lines)


def _require_on_replies(
    reader: FieldReader,
    conversation: Conversation,
    lines: dict[str, int],
    field: str,
    ok: Callable[[Reply], bool],
) -> None:
    for node in conversation.nodes:
        if any(not ok(reply) for reply in node.replies):
            reader.problem(
                lines[node.id],
                f"in a {conversation.type}, every reply of node '{node.id}' needs '{field}'",
            )


def _check_quiz(reader: FieldReader, conversation: Conversation, lines: dict[str, int]) -> None:
    _require_on_replies(reader, conversation, lines, "feedback", lambda r: bool(r.feedback))
    for node in conversation.nodes:
        if node.replies and not any(reply.correct for reply in node.replies):
            reader.problem(
                lines[node.id],
                f"quiz node '{node.id}' needs at least one reply with 'correct: true'",
            )
