"""The rubric point format: keywords, all_of groups and negated forms, checked by the
validator (path:line: message) and by the JSON Schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Problem

BOARD = "modules/board-storytelling.md"
ADOPTION = "keywords: [adoption, adopt,"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema" / "module.schema.json"


@pytest.fixture
def pack(tmp_path: Path, bundled_content: Path) -> Path:
    return Path(shutil.copytree(bundled_content, tmp_path / "pack"))


def replace_point(pack: Path, new_lines: str) -> Path:
    """Swap the adoption point's keywords and all_of lines for `new_lines`."""
    file = pack / BOARD
    lines = file.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if ADOPTION in line)
    end = next(i for i in range(start + 1, len(lines)) if "- point:" in lines[i])
    lines[start:end] = [f"              {line}" for line in new_lines.splitlines()]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def problems_for(pack: Path) -> list[str]:
    _, problems = load_pack(pack)
    return [str(p) for p in problems if isinstance(p, Problem) and not p.warning]


def line_with(file: Path, text: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_all_of_negated_and_placeholders_load(pack: Path) -> None:
    replace_point(pack, 'negated: [adopt]\nall_of:\n  - [team, model]\n  - ["{period}"]')
    assert problems_for(pack) == []


def test_a_bare_on_in_all_of_is_reported_on_its_line(pack: Path) -> None:
    file = replace_point(pack, "all_of:\n  - [team]\n  - [on, live]")
    line = line_with(file, "- [on, live]")
    assert any(p.startswith(f"{file}:{line}: ") and "quote" in p for p in problems_for(pack))


def test_all_of_with_one_group_is_reported(pack: Path) -> None:
    file = replace_point(pack, "all_of:\n  - [team, model]")
    line = line_with(file, "all_of:")
    assert any(p.startswith(f"{file}:{line}: ") and "two or more" in p for p in problems_for(pack))


def test_a_point_with_nothing_to_look_for_is_reported(pack: Path) -> None:
    file = replace_point(pack, "")
    found = problems_for(pack)
    assert any(f"{file}:" in p and "needs 'keywords'" in p for p in found), found


def test_a_phrase_with_no_word_is_reported(pack: Path) -> None:
    file = replace_point(pack, 'keywords: ["...", adoption]')
    line = line_with(file, '"...", adoption')
    assert any(p.startswith(f"{file}:{line}: ") and "no word" in p for p in problems_for(pack))


def test_the_schema_accepts_the_new_fields_and_rejects_a_point_without_any() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    point = Draft202012Validator(schema["$defs"]["rubric_point"] | {"$defs": schema["$defs"]})
    assert point.is_valid({"point": "P", "negated": ["promise"]})
    assert point.is_valid({"point": "P", "all_of": [["notice"], ["sooner"]]})
    assert not point.is_valid({"point": "P"})
    assert not point.is_valid({"point": "P", "all_of": [["notice"]]})
    assert not point.is_valid({"point": "P", "keywords": ["x"], "typo": []})


def test_if_missed_naming_no_node_is_reported_on_the_node(pack: Path) -> None:
    file = pack / "modules" / "ml-platform-strategy.md"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("if_missed: press-exit", "if_missed: nowhere"), encoding="utf-8")
    line = line_with(file, "- id: make-the-case")
    assert any(
        p.startswith(f"{file}:{line}: ") and "goes to 'nowhere'" in p for p in problems_for(pack)
    )


def test_if_missed_is_in_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    point = Draft202012Validator(schema["$defs"]["rubric_point"] | {"$defs": schema["$defs"]})
    assert point.is_valid({"point": "P", "keywords": ["a"], "if_missed": "press-exit"})
    assert not point.is_valid({"point": "P", "keywords": ["a"], "if_missed": 3})
