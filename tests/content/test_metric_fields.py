"""The role's performance metrics in framework.yaml, linked to the competencies that move them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.test_role_fields import FRAMEWORK, line_of, parse
from zavmo_desktop.core.content.loader import load_pack

METRICS = """\
metrics:
  - id: cloud-cost
    title: Cost of ML in the cloud
    kind: quantitative
    target: Cut by more than 15% a year
    competencies: [executive-communication, strategic-thinking]
  - id: influence
    title: Influence on strategy
    kind: qualitative
    competencies: [strategic-thinking]
"""
TEXT = METRICS + FRAMEWORK


def test_metrics_are_read_and_found_by_competency() -> None:
    framework, problems = parse(TEXT)
    assert problems == [] and framework is not None
    assert [(m.id, m.kind) for m in framework.metrics] == [
        ("cloud-cost", "quantitative"),
        ("influence", "qualitative"),
    ]
    assert framework.metrics[0].target == "Cut by more than 15% a year"
    assert [m.id for m in framework.metrics_of("strategic-thinking")] == ["cloud-cost", "influence"]
    assert framework.metrics_of("gdpr") == ()


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        ("kind: qualitative", "kind: soft", "kind: soft", "'kind' is 'soft'"),
        (
            "competencies: [strategic-thinking]",
            "competencies: [strategic-thinkng]",
            "strategic-thinkng",
            "competency 'strategic-thinkng' is not in framework.yaml",
        ),
        ("  - id: influence\n", "  - id: cloud-cost\n", "- id: cloud-cost", "metric id"),
        ("    kind: qualitative\n", "    kind: qualitative\n    owner: CFO\n", "owner", "owner"),
    ],
    ids=["bad-kind", "unknown-competency", "same-id", "unknown-key"],
)
def test_mistakes_are_reported_on_their_line(old: str, new: str, where: str, words: str) -> None:
    assert TEXT.count(old) == 1
    text = TEXT.replace(old, new)
    framework, problems = parse(text)
    assert framework is None
    occurrence = 2 if words == "metric id" else 1
    assert len(problems) == 1 and words in problems[0]
    assert problems[0].startswith(f"framework.yaml:{line_of(text, where, occurrence)}:")


def test_every_bundled_competency_moves_at_least_one_metric(bundled_content: Path) -> None:
    pack, problems = load_pack(bundled_content)
    assert pack is not None and problems == []
    unmeasured = [
        c.id
        for area in pack.framework.areas
        for c in area.competencies
        if not pack.framework.metrics_of(c.id)
    ]
    assert unmeasured == []
    assert {m.kind for m in pack.framework.metrics} == {"quantitative", "qualitative"}
