"""The role's responsibilities and each competency's priority in framework.yaml (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.content.test_schemas import errors
from zavmo_desktop.cli import run
from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.content.pack_parser import parse_framework

FRAMEWORK = """\
responsibilities:
  - id: platform-roadmap
    title: Set the multi-year ML platform roadmap
  - id: board-reporting
    title: Report ML value and risk to the board
levels:
  - id: aware
    name: Aware
  - id: expert
    name: Expert
areas:
  - id: foundation
    title: Foundation skills
    foundation: true
    competencies:
      - id: executive-communication
        title: Executive communication
        target_level: expert
        priority: high
        responsibilities: [board-reporting, platform-roadmap]
        criteria:
          - id: EC1
            text: Presents ML strategy to the board.
      - id: strategic-thinking
        title: Strategic thinking
        target_level: expert
        criteria:
          - id: ST1
            text: Writes a roadmap.
"""


def parse(text: str) -> tuple[Framework | None, list[str]]:
    reader = FieldReader(Path("framework.yaml"))
    framework = parse_framework(reader, text)
    return framework, [str(p) for p in reader.problems]


def line_of(text: str, part: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if part in line]
    return hits[occurrence - 1]


def test_responsibilities_and_priority_are_read() -> None:
    framework, problems = parse(FRAMEWORK)
    assert problems == []
    assert framework is not None
    assert [(r.id, r.title) for r in framework.responsibilities] == [
        ("platform-roadmap", "Set the multi-year ML platform roadmap"),
        ("board-reporting", "Report ML value and risk to the board"),
    ]
    communication = framework.competency("executive-communication")
    assert communication is not None
    assert communication.priority == "high"
    assert communication.responsibilities == ("board-reporting", "platform-roadmap")
    responsibility = framework.responsibility("board-reporting")
    assert responsibility is not None and responsibility.title.startswith("Report")


def test_both_keys_are_optional_and_priority_defaults_to_medium() -> None:
    text = FRAMEWORK.split("levels:", 1)[1]
    text = "levels:" + text.replace("        priority: high\n", "").replace(
        "        responsibilities: [board-reporting, platform-roadmap]\n", ""
    )
    framework, problems = parse(text)
    assert problems == [] and framework is not None
    assert framework.responsibilities == ()
    thinking = framework.competency("strategic-thinking")
    assert thinking is not None and thinking.priority == "medium"
    assert thinking.responsibilities == ()


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        (
            "[board-reporting, platform-roadmap]",
            "[board-reporting, hire-team]",
            "responsibilities: [board",
            "responsibility 'hire-team' is not in the top-level 'responsibilities:'",
        ),
        (
            "[board-reporting, platform-roadmap]",
            "[board-reporting, board-reporting]",
            "responsibilities: [board",
            "responsibility 'board-reporting' is listed twice",
        ),
        (
            "  - id: board-reporting\n",
            "  - id: platform-roadmap\n",
            "- id: platform-roadmap",
            "responsibility id 'platform-roadmap' is used twice",
        ),
        ("priority: high", "priority: urgent", "priority:", "'priority' is 'urgent'"),
        ("priority: high", "priority: High", "priority:", "use one of high, medium, low"),
        (
            "    title: Set the multi-year ML platform roadmap\n",
            "    title: Set the roadmap\n    owner: CTO\n",
            "owner: CTO",
            "unknown field 'owner' in a responsibility",
        ),
        ("  - id: platform-roadmap\n", "  - id: Platform Roadmap\n", "Platform", "may use only"),
        (
            "    title: Set the multi-year ML platform roadmap\n",
            "    title: " + "x" * 601 + "\n",
            "xxxx",
            "shorten it to 600",
        ),
    ],
    ids=[
        "unknown-id",
        "linked-twice",
        "duplicate-id",
        "bad-priority",
        "priority-case",
        "unknown-key",
        "not-kebab",
        "too-long",
    ],
)
def test_mistakes_are_reported_on_their_line(old: str, new: str, where: str, words: str) -> None:
    assert FRAMEWORK.count(old) == 1
    broken = FRAMEWORK.replace(old, new)
    framework, problems = parse(broken)
    line = line_of(broken, where, 2 if "used twice" in words else 1)
    assert framework is None
    assert any(p.startswith(f"framework.yaml:{line}: ") and words in p for p in problems), problems


def test_validate_reports_them_in_the_bundled_pack(
    tmp_path: Path, bundled_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = Path(shutil.copytree(bundled_content, tmp_path / "pack"))
    framework = pack / "framework.yaml"
    text = framework.read_text(encoding="utf-8")
    extra = (
        "      - id: zz-extra\n"
        "        title: An extra competency\n"
        "        target_level: expert\n"
        "        priority: urgent\n"
        "        responsibilities: [no-such-duty]\n"
        "        criteria:\n"
        "          - id: ZZ1\n"
        "            text: Does it.\n"
    )
    text = text.replace("    competencies:\n", "    competencies:\n" + extra, 1)
    framework.write_text(text, encoding="utf-8")
    assert load_pack(pack)[0] is None  # a broken framework stops the pack, as before
    assert run(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{framework}:{line_of(text, 'priority: urgent')}: 'priority' is 'urgent'" in out
    assert f"{framework}:{line_of(text, '[no-such-duty]')}: responsibility 'no-such-duty'" in out


def test_the_json_schema_takes_the_new_keys_and_rejects_a_bad_priority() -> None:
    good = yaml.safe_load(FRAMEWORK)
    assert errors("framework", good) == []
    good["areas"][0]["competencies"][0]["priority"] = "urgent"
    assert any("'urgent' is not one of" in e for e in errors("framework", good))
