"""The readiness panel on a real learner: figures from the same core code, the "Why this
number?" words, and progress over time with a table row per assessment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.conftest import BUNDLED_CONTENT
from tests.portfolio_data import accept_plan, assess, at_targets, competency_ids, evidence, pack_of
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.progression import progress_of, progression_of
from zavmo_desktop.core.portfolio.status import criterion_ids
from zavmo_desktop.ui import theme
from zavmo_desktop.ui.widgets.readiness_panel import ONE_ASSESSMENT, ReadinessPanel


@pytest.fixture
def learner(data_dir: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [BUNDLED_CONTENT])
    yield opened
    opened.close()


@pytest.fixture
def framework(learner: Learner) -> Framework:
    return pack_of(learner).framework


def styled(learner: Learner, **changes: object) -> None:
    for key, value in changes.items():
        learner.settings.set(key, value)
    theme.apply_theme(learner.settings.snapshot())
    settle()


def shown(
    learner: Learner, framework: Framework, qtbot: QtBot
) -> tuple[QMainWindow, ReadinessPanel]:
    styled(learner, theme="light", text_scale=100)
    panel = ReadinessPanel(learner, framework)
    window = QMainWindow()
    window.setCentralWidget(panel)
    window.resize(1000, 760)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window, panel


def some_history(learner: Learner, framework: Framework) -> None:
    ids = competency_ids(framework)
    lowest = framework.levels[0].id
    assess(learner, {cid: lowest for cid in ids}, date(2026, 9, 1))
    half = {cid: (at_targets(framework)[cid] if n % 2 else lowest) for n, cid in enumerate(ids)}
    assess(learner, half, date(2026, 11, 20))
    criteria = criterion_ids(framework)
    evidence(learner, "board", tuple(criteria[:5]), met=True)
    accept_plan(learner, half, date(2026, 11, 20))


def test_the_figures_are_the_cores_in_words(
    learner: Learner, framework: Framework, qtbot: QtBot
) -> None:
    some_history(learner, framework)
    _, panel = shown(learner, framework, qtbot)
    total = len(criterion_ids(framework))
    share = round(100 * 5 / total, 1)
    assert panel.overall.text() == f"Overall: 5 of {total} criteria evidenced ({share:g}%)."
    rows = panel.per_competency.rows()
    first = framework.areas[0].competencies[0]
    assert rows[0] == [first.title, framework.areas[0].title, "4 of 4 criteria evidenced (100%)"]
    second = len(framework.areas[0].competencies[1].criteria)
    assert rows[1][2] == f"1 of {second} criteria evidenced ({100 / second:.0f}%)"
    assert len(rows) == len(competency_ids(framework))
    score = progression_of(learner, framework).score
    assert 0 < score < 100
    assert panel.score.text() == f"Your career progression score: {score} out of 100."
    assert find_by_name(panel, "Readiness by competency table") is panel.per_competency


def test_why_this_number_shows_each_part_and_the_sum(
    learner: Learner, framework: Framework, qtbot: QtBot
) -> None:
    some_history(learner, framework)
    window, panel = shown(learner, framework, qtbot)
    assert not panel.explanation.isVisible()
    why = find_by_name(window, "Why this number?")
    why.setFocus()
    qtbot.keyClick(why, Qt.Key.Key_Space)
    settle()
    assert panel.explanation.isVisible()
    lines = panel.explanation.text().splitlines()
    expected = progression_of(learner, framework)
    assert lines == expected.explanation()
    assert lines[0].startswith("Levels against targets: weight 40%, value ")
    assert lines[1].startswith("Criteria evidenced: weight 40%, value ")
    assert lines[2].startswith("Pathway modules finished: weight 20%, value 0% ")
    sums = " + ".join(f"{p.points:.1f}".removesuffix(".0") for p in expected.parts)
    assert lines[3] == f"Score: {sums} = {expected.score} out of 100."
    assert find_by_name(window, "Hide the explanation") is why
    qtbot.keyClick(why, Qt.Key.Key_Space)
    assert not panel.explanation.isVisible()


def test_progress_over_time_has_a_table_row_per_assessment_beside_the_chart(
    learner: Learner, framework: Framework, qtbot: QtBot
) -> None:
    some_history(learner, framework)
    _, panel = shown(learner, framework, qtbot)
    points = progress_of(learner, framework)
    rows = panel.over_time.rows()
    assert len(rows) == len(points) == 2
    count = len(competency_ids(framework))
    assert rows[0][0] == "1 Sep 2026" and rows[1][0] == "20 Nov 2026"
    assert rows[0][1] == f"0 of {count} (0%)"
    assert rows[1][1] == f"{count // 2} of {count} ({round(100 * (count // 2) / count, 1):g}%)"
    assert rows[1][3] == f"{count} of {count}"
    assert rows[0][2].endswith(" levels")
    assert panel.chart.isVisible() and panel.over_time.isVisible()
    assert panel.chart.accessibleDescription() == (
        "Competencies at target: 0% on 1 Sep 2026, 50% on 20 Nov 2026, over 2 assessments."
    )


def test_one_assessment_is_not_drawn_as_a_trend(
    learner: Learner, framework: Framework, qtbot: QtBot
) -> None:
    assess(learner, at_targets(framework), date(2026, 11, 20))
    _, panel = shown(learner, framework, qtbot)
    assert panel.trend.text() == ONE_ASSESSMENT
    assert not panel.chart.isVisible()
    assert len(panel.over_time.rows()) == 1 and panel.over_time.isVisible()


def test_with_nothing_yet_it_says_so_and_refresh_picks_up_changes(
    learner: Learner, framework: Framework, qtbot: QtBot
) -> None:
    _, panel = shown(learner, framework, qtbot)
    assert panel.trend.text().startswith("No assessment yet")
    assert not panel.over_time.isVisible() and not panel.chart.isVisible()
    assert panel.score.text() == "Your career progression score: 0 out of 100."
    evidence(learner, "board", ("EC1",), met=True)
    panel.refresh()
    assert panel.overall.text().startswith("Overall: 1 of ")


@pytest.mark.parametrize(("scale", "name"), [(100, "light"), (200, "dark"), (200, "high_contrast")])
def test_it_passes_the_accessibility_checks_at_each_size_and_theme(
    learner: Learner, framework: Framework, qtbot: QtBot, scale: int, name: str
) -> None:
    some_history(learner, framework)
    window, panel = shown(learner, framework, qtbot)
    panel.why.click()
    before = panel.per_competency.rowHeight(0)
    styled(learner, text_scale=scale, theme=name)
    assert_accessible(window)
    if scale == 200:
        assert panel.per_competency.rowHeight(0) > before * 1.5
        assert panel.verticalScrollBar().maximum() > 0
