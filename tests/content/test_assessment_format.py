"""A competency's own level descriptors (`levels:`) and scenario questions (`scenarios:`).

Each pack is a copy of the real bundled pack with `executive-communication` given the
new keys; each broken one has one thing wrong, reported as `framework.yaml:line:`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from tests.content.test_validator import assert_reported, line_of
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import LevelDescriptor, Problem, ScenarioAnswer
from zavmo_desktop.core.content.validator import validate_packs

FRAMEWORK = "framework.yaml"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema" / "framework.schema.json"
ANCHOR = "        criteria:\n          - id: EC1\n"  # the first competency's criteria

GOOD = """\
        levels:
          - level: aware
            example: Knows the board wants ML tied to money and risk.
          - level: practising
            description: Presents ML work to executives with a colleague's help.
            example: Co-presents a quarterly ML update with the CTO.
        scenarios:
          - id: cfo-asks-value
            question: >-
              Your CFO asks what the ML platform is worth. What do you do first?
            answers:
              - text: Send the model accuracy figures.
                level: aware
              - text: Ask which business measure matters most to the CFO this year.
                level: expert
          - id: board-pushback
            question: A board member doubts a project. What do you say?
            answers:
              - text: Say what is known, what is not, and when you will know more.
                level: advanced
              - text: Repeat the plan.
                level: aware
"""


def without_assessment_keys(text: str) -> str:
    """The framework with every competency's own `levels:` and `scenarios:` taken out."""
    kept, skipping = [], False
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and indent <= 8:
            skipping = indent == 8 and line.strip() in ("levels:", "scenarios:")
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def framework_pack(tmp_path: Path, bundled: Path, block: str) -> Path:
    """The bundled pack with `block` as executive-communication's (only) new keys."""
    pack = Path(shutil.copytree(bundled, tmp_path / "pack"))
    file = pack / FRAMEWORK
    text = without_assessment_keys(file.read_text(encoding="utf-8"))
    assert text.count(ANCHOR) == 1
    file.write_text(text.replace(ANCHOR, block + ANCHOR), encoding="utf-8")
    return pack


def framework_problems(pack: Path) -> list[Problem]:
    loaded, problems = load_pack(pack)
    assert loaded is None, "a broken framework stops the pack, as every framework error does"
    return problems


def test_levels_and_scenarios_load_and_fall_back_to_the_general_levels(
    tmp_path: Path, bundled_content: Path
) -> None:
    loaded, problems = load_pack(framework_pack(tmp_path, bundled_content, GOOD))
    assert problems == []
    assert loaded is not None
    framework = loaded.framework
    competency = framework.competency("executive-communication")
    assert competency is not None
    assert [d.level for d in competency.level_descriptors] == ["aware", "practising"]
    assert [s.id for s in competency.scenarios] == ["cfo-asks-value", "board-pushback"]
    assert competency.scenarios[0].question == (
        "Your CFO asks what the ML platform is worth. What do you do first?"
    )
    assert competency.scenarios[0].answers[1] == ScenarioAnswer(
        "Ask which business measure matters most to the CFO this year.", "expert"
    )
    general_aware = "Knows what it is and why it matters to the role."
    assert framework.descriptor("executive-communication", "aware") == LevelDescriptor(
        "aware", general_aware, "Knows the board wants ML tied to money and risk."
    )
    assert framework.descriptor("executive-communication", "practising").description == (
        "Presents ML work to executives with a colleague's help."
    )
    expert = framework.descriptor("executive-communication", "expert")  # not given: general
    assert expert == LevelDescriptor(
        "expert", "Sets the direction and standards for it across the organisation.", ""
    )
    other = framework.descriptor("strategic-thinking", "aware")
    assert other == LevelDescriptor("aware", general_aware, "")


def test_the_documented_example_matches_the_json_schema(
    tmp_path: Path, bundled_content: Path
) -> None:
    pack = framework_pack(tmp_path, bundled_content, GOOD)
    data = yaml.safe_load((pack / FRAMEWORK).read_text(encoding="utf-8"))
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(data)) == []
    data["areas"][0]["competencies"][0]["scenarios"][0]["answers"].pop()
    assert any("is too short" in e.message for e in validator.iter_errors(data))


BROKEN = [
    (  # an unknown level in `levels`
        ("          - level: aware\n", "          - level: awake\n"),
        "- level: awake",
        ("'level' is 'awake'", "aware, expert"),
    ),
    (  # an unknown level in an answer
        ("                level: advanced\n", "                level: guru\n"),
        "level: guru",
        ("'level' is 'guru'",),
    ),
    (  # a level given twice
        ("          - level: practising\n", "          - level: aware\n"),
        "- level: aware",
        ("level 'aware' is described twice",),
    ),
    (  # a level descriptor without an example
        ("            example: Co-presents a quarterly ML update with the CTO.\n", ""),
        "- level: practising",
        ("missing 'example'",),
    ),
    (  # one answer only
        ("              - text: Repeat the plan.\n                level: aware\n", ""),
        "question: A board member",
        (),
    ),
    (  # a duplicate scenario id
        ("          - id: board-pushback\n", "          - id: cfo-asks-value\n"),
        "- id: cfo-asks-value",
        ("scenario id 'cfo-asks-value' is used twice",),
    ),
    (  # a field the format does not have
        ("            example: Knows", "            hint: x\n            example: Knows"),
        "hint: x",
        ("unknown field 'hint' in a level descriptor",),
    ),
]  # fmt: skip


IDS = ["unknown-level", "unknown-answer-level", "level-twice", "no-example", "one-answer",
       "duplicate-scenario", "unknown-key"]  # fmt: skip


@pytest.mark.parametrize(("edit", "where", "words"), BROKEN, ids=IDS)
def test_each_mistake_is_reported_on_its_line(
    tmp_path: Path,
    bundled_content: Path,
    edit: tuple[str, str],
    where: str,
    words: tuple[str, ...],
) -> None:
    old, new = edit
    assert GOOD.count(old) == 1
    pack = framework_pack(tmp_path, bundled_content, GOOD.replace(old, new))
    problems = framework_problems(pack)
    last = (pack / FRAMEWORK).read_text(encoding="utf-8").count(where)  # the repeat, if any
    line = line_of(pack, FRAMEWORK, where, occurrence=last)
    if not words:  # the answers' count is reported on the 'answers:' line after it
        line += 1
        words = ("2 to 5 answers", "this one has 1")
    assert_reported(problems, pack / FRAMEWORK, line, *words)


def test_six_answers_and_three_scenarios_are_too_many(
    tmp_path: Path, bundled_content: Path
) -> None:
    answers = "".join(
        f"              - text: Answer {n}.\n                level: aware\n" for n in range(4)
    )
    third = (
        "          - id: third\n            question: One more?\n            answers:\n"
        "              - text: Yes.\n                level: aware\n"
        "              - text: No.\n                level: expert\n"
    )
    block = GOOD.replace(
        "              - text: Repeat the plan.\n                level: aware\n",
        "              - text: Repeat the plan.\n                level: aware\n" + answers,
    )
    pack = framework_pack(tmp_path, bundled_content, block + third)
    problems = framework_problems(pack)
    answers_line = line_of(pack, FRAMEWORK, "question: A board member") + 1
    assert_reported(problems, pack / FRAMEWORK, answers_line, "this one has 6")
    third_line = line_of(pack, FRAMEWORK, "- id: third")
    assert_reported(problems, pack / FRAMEWORK, third_line, "at most 2 scenario questions")


def test_long_or_empty_texts_are_reported(tmp_path: Path, bundled_content: Path) -> None:
    long_text = "word " * 130  # 650 characters
    block = GOOD.replace("Send the model accuracy figures.", long_text.strip())
    block = block.replace("Co-presents a quarterly ML update with the CTO.", '""')
    pack = framework_pack(tmp_path, bundled_content, block)
    problems = framework_problems(pack)
    long_line = line_of(pack, FRAMEWORK, "- text: word word")
    assert_reported(problems, pack / FRAMEWORK, long_line, "'text' is 649 characters", "600")
    empty_line = line_of(pack, FRAMEWORK, 'example: ""')
    assert_reported(problems, pack / FRAMEWORK, empty_line, "'example' should be some text")


def test_hostile_values_are_reported_not_obeyed(tmp_path: Path, bundled_content: Path) -> None:
    """Markup stays text for the screen to show as text; wrong shapes and aliases are refused."""
    block = GOOD.replace("Send the model accuracy figures.", '"<img src=/etc/passwd> <b>x</b>"')
    say = "\n              - text: Say"
    block = block.replace(f"            answers:{say}", f"            answers: &a{say}")
    pack = framework_pack(tmp_path, bundled_content, block + "        levels2: *a\n")
    problems = validate_packs([pack])
    anchored = line_of(pack, FRAMEWORK, "answers: &a")  # where the shared node starts
    assert_reported(problems, pack / FRAMEWORK, anchored, "anchors and aliases")
    markup = GOOD.replace("Send the model accuracy figures.", '"<img src=/etc/passwd> <b>x</b>"')
    shutil.rmtree(pack)
    loaded, problems = load_pack(framework_pack(tmp_path, bundled_content, markup))
    assert problems == [] and loaded is not None
    competency = loaded.framework.competency("executive-communication")
    assert competency is not None
    assert competency.scenarios[0].answers[0].text == "<img src=/etc/passwd> <b>x</b>"
    shutil.rmtree(tmp_path / "pack")
    shapes = GOOD.replace("        scenarios:\n", "        scenarios: not a list\n        x:\n")
    problems = framework_problems(framework_pack(tmp_path, bundled_content, shapes))
    assert sum("'scenarios' should be a list" in str(p) for p in problems) == 1
