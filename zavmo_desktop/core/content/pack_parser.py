"""Reading a pack's manifest (pack.yaml) and competency framework (framework.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from zavmo_desktop.core.content.assessment_format import (
    ASSESSMENT_KEYS,
    level_descriptors,
    scenarios,
)
from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.located_yaml import LDict, YamlProblem, parse_located
from zavmo_desktop.core.content.metric_fields import parse_metrics
from zavmo_desktop.core.content.models import (
    Area,
    Competency,
    Criterion,
    Framework,
    Level,
    Manifest,
)
from zavmo_desktop.core.content.programme_format import (
    PROGRAMME_KEYS,
    competency_concepts,
    competency_skills,
    criterion_references,
)
from zavmo_desktop.core.content.role_fields import (
    competency_priority,
    competency_responsibilities,
    parse_responsibilities,
)

VERSION_PATTERN = re.compile(r"^\d+\.\d+\.\d+$")
LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def read_yaml_file(reader: FieldReader, text: str, what: str) -> LDict | None:
    try:
        data = parse_located(text)
    except YamlProblem as problem:
        reader.problem(problem.line, problem.message)
        return None
    return reader.mapping(data, 1, what)


def parse_manifest(reader: FieldReader, text: str) -> Manifest | None:
    data = read_yaml_file(reader, text, "pack.yaml")
    if data is None:
        return None
    reader.unknown_keys(
        data, ("id", "title", "version", "language", "licence", "description"), "pack.yaml"
    )
    manifest = Manifest(
        id=reader.identifier(data, slug=True),
        title=reader.text(data, "title", max_len=120),
        version=reader.text(data, "version"),
        language=reader.text(data, "language"),
        licence=reader.text(data, "licence"),
        description=reader.text(data, "description", required=False),
    )
    if manifest.version and not VERSION_PATTERN.match(manifest.version):
        reader.problem(
            data.line_of("version"), "'version' should look like 1.0.0 (quote it in YAML)"
        )
    if manifest.language and not LANGUAGE_PATTERN.match(manifest.language):
        reader.problem(
            data.line_of("language"), "'language' should be a language tag such as en-GB"
        )
    return None if reader.has_errors else manifest


def parse_framework(reader: FieldReader, text: str) -> Framework | None:
    data = read_yaml_file(reader, text, "framework.yaml")
    if data is None:
        return None
    reader.unknown_keys(data, ("levels", "areas", "responsibilities", "metrics"), "framework.yaml")
    levels = reader.records(data, "levels", lambda d: _level(reader, d), "a level")
    if len(levels) < 2 and "levels" in data:
        reader.problem(data.line_of("levels"), "list at least two levels, lowest first")
    level_ids = {level.id for level in levels}
    responsibilities = parse_responsibilities(reader, data)
    known = Known(level_ids, {r.id for r in responsibilities})
    areas = reader.records(data, "areas", lambda d: _area(reader, d, known), "an area")
    metrics = parse_metrics(reader, data, areas)
    for key in ("levels", "areas"):
        if key not in data:
            reader.problem(data.line, f"missing '{key}': add a list of {key}")
    _check_framework_ids_unique(reader, data)
    if reader.has_errors:
        return None
    return Framework(tuple(levels), tuple(areas), responsibilities, metrics)


def _level(reader: FieldReader, data: LDict) -> Level:
    reader.unknown_keys(data, ("id", "name", "description"), "a level")
    return Level(
        reader.identifier(data),
        reader.text(data, "name"),
        reader.text(data, "description", required=False),
    )


@dataclass(frozen=True)
class Known:
    """The framework's own ids that a competency may refer to."""

    levels: set[str]
    responsibilities: set[str]


def _area(reader: FieldReader, data: LDict, known: Known) -> Area:
    reader.unknown_keys(data, ("id", "title", "foundation", "competencies"), "an area")
    competencies = reader.records(
        data, "competencies", lambda d: _competency(reader, d, known), "a competency"
    )
    if not competencies and "competencies" not in data:
        reader.problem(data.line, "missing 'competencies': list the competencies of this area")
    return Area(
        reader.identifier(data),
        reader.text(data, "title"),
        reader.flag(data, "foundation"),
        tuple(competencies),
    )


def _competency(reader: FieldReader, data: LDict, known: Known) -> Competency:
    allowed = ("id", "title", "target_level", "description", "criteria")
    keys = (*allowed, "priority", "responsibilities", *ASSESSMENT_KEYS, *PROGRAMME_KEYS)
    reader.unknown_keys(data, keys, "a competency")
    target = reader.choice(data, "target_level", sorted(known.levels), required=True) or ""
    criteria = reader.records(data, "criteria", lambda d: _criterion(reader, d), "a criterion")
    if not criteria:
        reader.problem(data.line, "a competency needs at least one performance criterion")
    return Competency(
        reader.identifier(data),
        reader.text(data, "title"),
        target,
        reader.text(data, "description", required=False),
        tuple(criteria),
        priority=competency_priority(reader, data),
        responsibilities=competency_responsibilities(reader, data, known.responsibilities),
        level_descriptors=level_descriptors(reader, data, sorted(known.levels)),
        scenarios=scenarios(reader, data, sorted(known.levels)),
        skills=competency_skills(reader, data),
        concepts=competency_concepts(reader, data),
    )


def _criterion(reader: FieldReader, data: LDict) -> Criterion:
    reader.unknown_keys(data, ("id", "text", "references"), "a criterion")
    return Criterion(
        reader.identifier(data), reader.text(data, "text"), criterion_references(reader, data)
    )


def _check_framework_ids_unique(reader: FieldReader, data: LDict) -> None:
    ids: dict[str, list[tuple[str, int]]] = {
        "level": [],
        "area": [],
        "competency": [],
        "criterion": [],
    }
    for level in _quiet_items(data, "levels"):
        ids["level"].append(_id_and_line(level))
    for area in _quiet_items(data, "areas"):
        ids["area"].append(_id_and_line(area))
        for competency in _quiet_items(area, "competencies"):
            ids["competency"].append(_id_and_line(competency))
            for criterion in _quiet_items(competency, "criteria"):
                ids["criterion"].append(_id_and_line(criterion))
    for what, found in ids.items():
        reader.unique(found, f"{what} id")


def _id_and_line(item: LDict) -> tuple[str, int]:
    return str(item.get("id", "")).strip(), item.line_of("id")


def _quiet_items(data: LDict, key: str) -> list[LDict]:
    """The mappings in a list field, without reporting again what records() reported."""
    value = data.get(key)
    return [item for item in value if isinstance(item, LDict)] if isinstance(value, list) else []
