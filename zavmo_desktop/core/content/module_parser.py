"""Reading one module file: YAML front matter, then the Markdown body."""

from __future__ import annotations

import hashlib
import re

from zavmo_desktop.core.content.conversation_parser import parse_conversation
from zavmo_desktop.core.content.fields import FieldReader, check_evidences, decode_utf8
from zavmo_desktop.core.content.limits import MAX_MODULE_BYTES
from zavmo_desktop.core.content.located_yaml import LDict, YamlProblem, parse_located
from zavmo_desktop.core.content.models import (
    CHECKLIST_WHEN,
    Checklist,
    ChecklistItem,
    Framework,
    Module,
    Reflection,
)
from zavmo_desktop.core.content.module_review import reviewed_date
from zavmo_desktop.core.content.render import ALLOWED_TAGS
from zavmo_desktop.core.content.retrieval_format import (
    RETRIEVAL_KEYS,
    module_concept,
    retrieval_questions,
)
from zavmo_desktop.core.content.text_limits import within_text_limits

MODULE_FIELDS = (
    "id",
    "title",
    "competency",
    "summary",
    "minutes",
    "level",
    "order",
    "prerequisites",
    "checklists",
    "reflections",
    "conversations",
    "reviewed",
    *RETRIEVAL_KEYS,
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`]*`")
# No pattern here may scan past a '<' or '[' it did not start at: each stays linear.
_RAW_HTML = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)[^<>]*>?")
_EVENT_ATTRIBUTE = re.compile(r"\b(on[a-z]+)\s*=", re.IGNORECASE)
_REMOTE_IMAGE = re.compile(r"!\[[^\[\]]*\]\(\s*<?([a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def decode_module(reader: FieldReader, raw: bytes) -> str | None:
    if len(raw) > MAX_MODULE_BYTES:
        kib = MAX_MODULE_BYTES // 1024
        reader.problem(1, f"file is larger than {kib} KiB: split it into modules under {kib} KiB")
        return None
    text = decode_utf8(reader, raw)
    return text if text is not None and within_text_limits(reader, text) else None


def split_front_matter(reader: FieldReader, text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line the body starts on), or None with a problem."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        reader.problem(1, "a module starts with a '---' line, then its YAML front matter")
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    reader.problem(1, "the front matter is not closed: add a '---' line after it")
    return None


def parse_module(
    reader: FieldReader, raw: bytes, framework: Framework, pack_id: str
) -> Module | None:
    text = decode_module(reader, raw)
    parts = split_front_matter(reader, text) if text is not None else None
    if parts is None:
        return None
    front, body, body_line = parts
    try:
        data = parse_located(front, first_line=2)
    except YamlProblem as problem:
        reader.problem(problem.line, problem.message)
        return None
    meta = reader.mapping(data, 2, "the front matter")
    if meta is None:
        return None
    module = _build_module(reader, meta, framework, pack_id, body, body_line)
    _check_body(reader, body, body_line)
    if not body.strip():
        reader.problem(body_line - 1, "the module has no text after its front matter")
    if reader.has_errors or module is None:
        return None
    return module


def _build_module(
    reader: FieldReader, meta: LDict, framework: Framework, pack_id: str, body: str, line: int
) -> Module:
    reader.unknown_keys(meta, MODULE_FIELDS, "a module")
    criteria = framework.criterion_ids()
    competency = reader.text(meta, "competency")
    known_competency = framework.competency(competency) if competency else None
    if competency and known_competency is None:
        reader.problem(
            meta.line_of("competency"),
            f"competency '{competency}' is not in framework.yaml: use one of its competency ids",
        )
    level = reader.choice(meta, "level", [lv.id for lv in framework.levels], required=False)
    checklists = reader.records(
        meta, "checklists", lambda d: _checklist(reader, d, criteria), "a checklist"
    )
    reader.unique(_ids_with_lines(meta, "checklists"), "checklist id")
    reflections = reader.records(
        meta, "reflections", lambda d: _reflection(reader, d, criteria), "a reflection"
    )
    reader.unique(_ids_with_lines(meta, "reflections"), "reflection id")
    conversations = reader.records(
        meta, "conversations", lambda d: parse_conversation(reader, d, criteria), "a conversation"
    )
    reader.unique(_ids_with_lines(meta, "conversations"), "conversation id")
    prerequisites = reader.strings(meta, "prerequisites")
    return Module(
        id=reader.identifier(meta, slug=True),
        pack_id=pack_id,
        title=reader.text(meta, "title", max_len=120),
        competency=competency,
        summary=reader.text(meta, "summary", max_len=400),
        minutes=reader.integer(meta, "minutes", 1, 600, required=True) or 0,
        body=body,
        path=reader.path,
        content_hash=hashlib.sha256(
            body.encode() + repr(sorted(meta.items())).encode()
        ).hexdigest(),
        level=level,
        order=reader.integer(meta, "order", -10_000, 10_000, required=False) or 0,
        prerequisites=tuple(value for value, _ in prerequisites),
        prerequisite_lines=tuple(line for _, line in prerequisites),
        id_line=meta.line_of("id"),
        body_line=line,
        checklists=tuple(checklists),
        reflections=tuple(reflections),
        conversations=tuple(conversations),
        reviewed=reviewed_date(reader, meta),
        concept=module_concept(reader, meta, known_competency),
        retrieval=retrieval_questions(reader, meta),
    )


def _checklist(reader: FieldReader, data: LDict, criteria: set[str]) -> Checklist:
    reader.unknown_keys(data, ("id", "title", "items"), "a checklist")
    items = reader.records(data, "items", lambda d: _checklist_item(reader, d, criteria), "an item")
    if not items:
        reader.problem(data.line, "a checklist needs at least one item under 'items'")
    reader.unique(_ids_with_lines(data, "items"), "item id")
    return Checklist(reader.identifier(data), reader.text(data, "title"), tuple(items))


def _checklist_item(reader: FieldReader, data: LDict, criteria: set[str]) -> ChecklistItem:
    reader.unknown_keys(data, ("id", "text", "when", "evidences"), "a checklist item")
    return ChecklistItem(
        reader.identifier(data),
        reader.text(data, "text"),
        reader.choice(data, "when", CHECKLIST_WHEN, required=False),
        check_evidences(reader, data, criteria),
    )


def _reflection(reader: FieldReader, data: LDict, criteria: set[str]) -> Reflection:
    reader.unknown_keys(data, ("id", "prompt", "evidences"), "a reflection")
    return Reflection(
        reader.identifier(data),
        reader.text(data, "prompt"),
        check_evidences(reader, data, criteria),
    )


def _ids_with_lines(data: LDict, key: str) -> list[tuple[str, int]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [
        (str(item.get("id", "")).strip(), item.line_of("id"))
        for item in value
        if isinstance(item, LDict)
    ]


def _check_body(reader: FieldReader, body: str, first_line: int) -> None:
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        outside_code = _INLINE_CODE.sub("", line)
        for removed in _unsafe_html(outside_code):
            reader.problem(
                number, f"{removed} will be removed for safety: use Markdown instead", warning=True
            )
        remote = _REMOTE_IMAGE.search(outside_code)
        if remote:
            reader.problem(
                number,
                f"images given as a URL ('{remote.group(1)}') are not shown: put the image "
                "file in the pack and give its path",
                warning=True,
            )


def _unsafe_html(line: str) -> list[str]:
    """Raw HTML in a line that the sanitiser will take out (safe tags such as <b> stay)."""
    found: list[str] = []
    for tag in _RAW_HTML.finditer(line):
        name, text = tag.group(1).lower(), tag.group(0)
        if name not in ALLOWED_TAGS:
            found.append(f"raw HTML <{name}>")
            continue
        found += [f"the {a.group(1)} attribute" for a in _EVENT_ATTRIBUTE.finditer(text)]
        if "javascript:" in text.lower():
            found.append("a javascript: link")
    return list(dict.fromkeys(found))  # <script> and </script> are one problem
