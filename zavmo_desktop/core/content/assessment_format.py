"""A competency's own level descriptors (`levels:`) and scenario questions (`scenarios:`).

Discover shows them when it asks where the learner stands (docs/content-format.md).
"""

from __future__ import annotations

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.limits import MAX_ASSESSMENT_TEXT, MAX_SCENARIOS, SCENARIO_ANSWERS
from zavmo_desktop.core.content.located_yaml import LDict, LList
from zavmo_desktop.core.content.models import LevelDescriptor, Scenario, ScenarioAnswer

ASSESSMENT_KEYS = ("levels", "scenarios")


def level_descriptors(
    reader: FieldReader, data: LDict, level_ids: list[str]
) -> tuple[LevelDescriptor, ...]:
    found = reader.records(
        data, "levels", lambda d: _descriptor(reader, d, level_ids), "a level descriptor"
    )
    seen: set[str] = set()
    for descriptor, line in found:
        if descriptor.level in seen:
            reader.problem(line, f"level '{descriptor.level}' is described twice here: keep one")
        seen.add(descriptor.level)
    return tuple(descriptor for descriptor, _ in found)


def _descriptor(
    reader: FieldReader, data: LDict, level_ids: list[str]
) -> tuple[LevelDescriptor, int] | None:
    reader.unknown_keys(data, ("level", "description", "example"), "a level descriptor")
    level = reader.choice(data, "level", level_ids, required=True)
    description = reader.text(data, "description", required=False, max_len=MAX_ASSESSMENT_TEXT)
    example = reader.text(data, "example", max_len=MAX_ASSESSMENT_TEXT)
    if level is None:
        return None
    return LevelDescriptor(level, description, example), data.line_of("level")


def scenarios(reader: FieldReader, data: LDict, level_ids: list[str]) -> tuple[Scenario, ...]:
    listed = data.get("scenarios")
    if isinstance(listed, LList):
        for index in range(MAX_SCENARIOS, len(listed)):
            reader.problem(
                listed.line_of(index),
                f"a competency has at most {MAX_SCENARIOS} scenario questions: remove this one",
            )
    built = reader.records(
        data, "scenarios", lambda d: _scenario(reader, d, level_ids), "a scenario"
    )
    reader.unique(((s.id, line) for s, line in built), "scenario id")
    return tuple(scenario for scenario, _ in built)


def _scenario(
    reader: FieldReader, data: LDict, level_ids: list[str]
) -> tuple[Scenario, int] | None:
    reader.unknown_keys(data, ("id", "question", "answers"), "a scenario")
    scenario_id = reader.identifier(data, slug=True)
    question = reader.text(data, "question", max_len=MAX_ASSESSMENT_TEXT)
    answers = reader.records(data, "answers", lambda d: _answer(reader, d, level_ids), "an answer")
    fewest, most = SCENARIO_ANSWERS
    listed = data.get("answers")
    if listed is None:
        reader.problem(
            data.line, f"missing 'answers': add {fewest} to {most}, each with a text and a level"
        )
    elif isinstance(listed, LList) and not fewest <= len(listed) <= most:
        reader.problem(
            data.line_of("answers"),
            f"a scenario has {fewest} to {most} answers; this one has {len(listed)}",
        )
    return Scenario(scenario_id, question, tuple(answers)), data.line_of("id")


def _answer(reader: FieldReader, data: LDict, level_ids: list[str]) -> ScenarioAnswer | None:
    reader.unknown_keys(data, ("text", "level"), "an answer")
    text = reader.text(data, "text", max_len=MAX_ASSESSMENT_TEXT)
    level = reader.choice(data, "level", level_ids, required=True)
    return None if level is None else ScenarioAnswer(text, level)
