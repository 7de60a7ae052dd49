"""The skills-gap heat map's data over the real bundled framework, and its colour scale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CONTENT
from tests.core.assessment_packs import EXEC, scenario_pack
from zavmo_desktop.core.assessment.heat_map import HeatCell, heat_map
from zavmo_desktop.core.assessment.model import NOT_SURE, CompetencyAnswer
from zavmo_desktop.core.assessment.scale import GAP_STEPS, NOT_KNOWN, gap_step
from zavmo_desktop.core.content.loader import load_pack
from zavmo_desktop.core.content.models import Framework

AREAS = ["foundation", "technical", "tools", "industry", "regulation", "emerging", "advancing"]


def loaded(path: Path) -> Framework:
    pack, problems = load_pack(path)
    assert problems == [] and pack is not None
    return pack.framework


@pytest.fixture(scope="module")
def framework() -> Framework:
    return loaded(BUNDLED_CONTENT)


def cell(framework: Framework, answers: dict[str, CompetencyAnswer], cid: str) -> HeatCell:
    return next(c for a in heat_map(framework, answers) for c in a.cells if c.competency_id == cid)


def test_every_competency_once_grouped_by_area_in_the_framework_order(
    framework: Framework,
) -> None:
    areas = heat_map(framework, {})
    assert [a.area_id for a in areas] == AREAS
    assert [a.title for a in areas][:2] == ["Foundation skills", framework.areas[1].title]
    ids = [c.competency_id for a in areas for c in a.cells]
    assert ids == [c.id for a in framework.areas for c in a.competencies]
    assert len(ids) == len(set(ids)) == 30


def test_the_announcement_gives_current_target_and_gap(framework: Framework) -> None:
    answers = {"executive-communication": CompetencyAnswer("executive-communication", "practising")}
    shown = cell(framework, answers, "executive-communication")
    assert shown.announcement == (
        "Executive communication and influence: now Practising, target Expert, gap 3"
    )
    assert (shown.current, shown.target, shown.gap, shown.gap_words) == (2, 5, 3, "large")


def test_not_sure_and_not_assessed_are_said_never_guessed(framework: Framework) -> None:
    unsure = {"executive-communication": CompetencyAnswer("executive-communication", NOT_SURE)}
    shown = cell(framework, unsure, "executive-communication")
    assert (shown.current, shown.gap, shown.gap_words) == (None, None, "not known")
    assert shown.announcement == (
        "Executive communication and influence: now not known yet, target Expert, gap not known"
    )
    untouched = cell(framework, {}, "strategic-thinking")
    assert untouched.announcement.startswith("Strategic thinking and vision: now not assessed yet")


def test_at_and_above_target_is_gap_0(framework: Framework) -> None:
    target = framework.competency("mlops-strategy")
    assert target is not None
    above = {"mlops-strategy": CompetencyAnswer("mlops-strategy", "expert")}
    shown = cell(framework, above, "mlops-strategy")
    assert shown.gap == 0
    assert shown.gap_words == ("none" if target.target_level == "expert" else "none, above target")


def test_a_disagreement_is_announced(tmp_path: Path) -> None:
    framework = loaded(scenario_pack(tmp_path))
    chosen = {"cfo-asks-value": "aware"}
    answers = {EXEC: CompetencyAnswer(EXEC, "expert", chosen)}
    shown = cell(framework, answers, EXEC)
    assert shown.disagreement and shown.current == 1 and shown.gap == 4
    assert shown.announcement == (
        "Executive communication and influence: now Aware, target Expert, gap 4; "
        "your rating and your scenario answers differ"
    )


def test_the_scale_steps_by_gap_with_readable_text() -> None:
    assert [gap_step(g) for g in (None, 0, 1, 2, 3, 4, 9, -1)] == [None, 0, 1, 2, 3, 4, 4, 0]
    for background, text in (*GAP_STEPS, NOT_KNOWN):
        assert contrast(background, text) >= 4.5, (background, text)
    lightness = [luminance(background) for background, _ in GAP_STEPS]
    assert lightness == sorted(lightness, reverse=True)  # one ramp: a bigger gap is darker


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #RRGGBB."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
