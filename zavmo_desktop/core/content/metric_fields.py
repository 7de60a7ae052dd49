"""The role's performance metrics in framework.yaml (`metrics:`), each naming the competencies
that move it. Kept apart from pack_parser so each framework addition has a file of its own."""

from __future__ import annotations

from zavmo_desktop.core.content.fields import FieldReader
from zavmo_desktop.core.content.located_yaml import LDict
from zavmo_desktop.core.content.models import METRIC_KINDS, Area, PerformanceMetric

MAX_TEXT = 600


def parse_metrics(
    reader: FieldReader, data: LDict, areas: list[Area]
) -> tuple[PerformanceMetric, ...]:
    """The top-level `metrics:` list; read after the areas, so links can be checked."""
    known = {c.id for area in areas for c in area.competencies}
    found = reader.records(data, "metrics", lambda d: _metric(reader, d, known), "a metric")
    value = data.get("metrics")
    items = [item for item in value if isinstance(item, LDict)] if isinstance(value, list) else []
    reader.unique(
        ((str(item.get("id", "")).strip(), item.line_of("id")) for item in items), "metric id"
    )
    return tuple(found)


def _metric(reader: FieldReader, data: LDict, known: set[str]) -> PerformanceMetric:
    reader.unknown_keys(
        data, ("id", "title", "kind", "target", "frequency", "competencies"), "a metric"
    )
    linked = reader.strings(data, "competencies")
    for competency, line in linked:
        if competency not in known:
            reader.problem(
                line,
                f"competency '{competency}' is not in framework.yaml: use one of its "
                "competency ids",
            )
    return PerformanceMetric(
        reader.identifier(data, slug=True),
        reader.text(data, "title", max_len=MAX_TEXT),
        reader.choice(data, "kind", METRIC_KINDS, required=True) or "",
        reader.text(data, "target", required=False, max_len=MAX_TEXT),
        reader.text(data, "frequency", required=False, max_len=MAX_TEXT),
        tuple(dict.fromkeys(c for c, _ in linked if c in known)),
    )
