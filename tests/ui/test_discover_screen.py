"""The Discover screen in the real window, on a fresh data folder and the bundled content:
the assessment by keyboard, pause and resume after a restart, changing an answer, the heat
map's cells and keys, the sortable table, the PNG, and "Why this estimate?"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.core.assessment_packs import LEVELS, scenario_pack
from tests.ui.conftest import OpenWindow
from tests.ui.test_keyboard import focused, press
from zavmo_desktop.core.assessment.heat_map import heat_map
from zavmo_desktop.core.assessment.steps import RATING, Step, steps
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.discover import DiscoverScreen

EXEC = "executive-communication"
EXEC_TITLE = "Executive communication and influence"


def discover(window: MainWindow, qtbot: QtBot) -> object:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle()
    screen = window.stack.currentWidget()
    assert screen.accessibleName() == "Discover screen"
    return screen


def tab_to(qtbot: QtBot, name: str, presses: int = 40) -> None:
    for _ in range(presses):
        if focused().accessibleName() == name:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r}")


def test_the_whole_assessment_by_keyboard_fills_the_heat_map(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = discover(window, qtbot)
    assert focused() is find_by_name(window, "Start assessment")  # Ctrl+2 lands on it
    press(qtbot, Qt.Key.Key_Space)
    framework = screen.pack.framework  # type: ignore[attr-defined]
    every = steps(framework)
    for number, step in enumerate(every):
        assert screen.question.step == step  # type: ignore[attr-defined]
        press(qtbot, Qt.Key.Key_Down)  # from the first choice to the second, chosen: Practising
        tab_to(qtbot, "Finish the assessment" if number == len(every) - 1 else "Next question")
        press(qtbot, Qt.Key.Key_Space)
    assert screen.pages.currentIndex() == 0  # type: ignore[attr-defined]
    repo = window.learner.assessments  # type: ignore[union-attr]
    answers = repo.answers(screen.round.id)  # type: ignore[attr-defined]
    exec_comp = framework.competency(EXEC)
    assert answers[EXEC].self_rating == "practising"
    assert answers[EXEC].scenario_levels == {  # the second answer of each scenario
        s.id: s.answers[1].level for s in exec_comp.scenarios
    }
    for area in heat_map(framework, answers):  # every cell says what the answers add up to
        for cell in area.cells:
            assert find_by_name(window, cell.announcement).isVisible()
    status = screen.status.text()  # type: ignore[attr-defined]
    assert status.startswith("Last assessed on ") and f"{len(every)} of {len(every)}" in status
    assert find_by_name(window, "Start assessment")  # to reassess
    evidence = window.learner.evidence.all()  # type: ignore[union-attr]
    assert {(i.kind, i.activity_id) for i in evidence} == {  # the round's answers, as evidence
        ("assessment", c.id) for a in framework.areas for c in a.competencies
    }


def test_pause_then_restart_comes_back_to_the_exact_question(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    screen = discover(window, qtbot)
    screen.start.click()  # type: ignore[attr-defined]
    for _ in range(3):
        screen.question.choices.buttons[1].click()  # type: ignore[attr-defined]
        screen.next.click()  # type: ignore[attr-defined]
    where = screen.question.step  # type: ignore[attr-defined]
    words = screen.question.progress_text.text()  # type: ignore[attr-defined]
    screen.pause.click()  # type: ignore[attr-defined]
    assert "in progress" in screen.status.text()  # type: ignore[attr-defined]
    window.close()

    again = open_window()
    screen = discover(again, qtbot)
    button = find_by_name(again, "Continue assessment")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.question.step == where  # type: ignore[attr-defined]
    assert screen.question.progress_text.text() == words  # type: ignore[attr-defined]
    assert words.endswith("3 of " + words.split(" of ")[-1])  # three answered
    press(qtbot, Qt.Key.Key_Tab)  # the focus is on the choices: nothing to hunt for
    screen.back.click()  # type: ignore[attr-defined]
    assert screen.question.choices.buttons[1].isChecked()  # type: ignore[attr-defined]  # kept


def test_an_answer_changed_later_from_the_heat_map(window: MainWindow, qtbot: QtBot) -> None:
    screen = discover(window, qtbot)
    screen.start.click()  # type: ignore[attr-defined]
    screen.question.choices.buttons[4].click()  # type: ignore[attr-defined]  # Expert
    screen.question.evidence.setText("Presented the ML plan to the board in March.")  # type: ignore[attr-defined]
    screen.pause.click()  # type: ignore[attr-defined]
    settle()
    cell = find_by_name(window, f"{EXEC_TITLE}: now Expert, target Expert, gap 0")
    cell.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert screen.question.step == Step(EXEC, RATING)  # type: ignore[attr-defined]
    assert screen.question.evidence.text() == "Presented the ML plan to the board in March."  # type: ignore[attr-defined]
    screen.question.choices.buttons[0].click()  # type: ignore[attr-defined]  # Aware
    screen.pause.click()  # type: ignore[attr-defined]
    settle()
    assert find_by_name(window, f"{EXEC_TITLE}: now Aware, target Expert, gap 4")


def test_the_heat_map_is_one_tab_stop_and_the_arrows_move_by_cell_and_area(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = discover(window, qtbot)
    grid = screen.grid  # type: ignore[attr-defined]
    tab_to(qtbot, f"{EXEC_TITLE}: now not assessed yet, target Expert, gap not known")
    press(qtbot, Qt.Key.Key_Right)
    assert focused().accessibleName().startswith("Strategic thinking and vision: now")
    press(qtbot, Qt.Key.Key_Down)  # the next area, the same place in it
    assert grid.current_competency() == screen.pack.framework.areas[1].competencies[1].id  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_End)
    assert grid.current_competency() == screen.pack.framework.areas[-1].competencies[-1].id  # type: ignore[attr-defined]
    press(qtbot, Qt.Key.Key_Tab)  # one Tab leaves the whole map
    assert focused().accessibleName() == "Save the heat map as a picture (PNG)"
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert grid.current_cell() is focused()  # back to the cell it left


def test_the_table_sorts_by_gap_with_not_known_last(window: MainWindow, qtbot: QtBot) -> None:
    screen = discover(window, qtbot)
    repo = window.learner.assessments  # type: ignore[union-attr]
    round_ = repo.start_round(screen.pack.manifest.id)  # type: ignore[attr-defined]
    for competency, level in ((EXEC, "aware"), ("strategic-thinking", "expert"),
                              ("mlops-strategy", "proficient")):  # fmt: skip
        repo.save_rating(round_.id, competency, level)
    screen.refresh()  # type: ignore[attr-defined]
    screen.sort.setCurrentText("Gap")  # type: ignore[attr-defined]
    gaps = screen.table.column_texts(4)  # type: ignore[attr-defined]
    assert gaps[:3] == ["0 (none)", "2 (medium)", "4 (large)"]
    assert set(gaps[3:]) == {"not known"}
    assert screen.table.column_texts(0)[0] == "Strategic thinking and vision"  # type: ignore[attr-defined]


def test_the_heat_map_saves_as_a_png(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    screen = discover(window, qtbot)
    target = tmp_path / "map.png"
    assert screen.save_heat_map(target)  # type: ignore[attr-defined]
    image = QImage(str(target))
    assert target.read_bytes()[:4] == b"\x89PNG" and image.width() > 300
    assert str(target) in screen.saved.text()  # type: ignore[attr-defined]
    assert not screen.save_heat_map(tmp_path / "no-such-folder" / "map.png")  # type: ignore[attr-defined]
    assert "Could not save" in screen.saved.text()  # type: ignore[attr-defined]


def test_why_this_estimate_shows_the_formula(window: MainWindow, qtbot: QtBot) -> None:
    screen = discover(window, qtbot)
    why = find_by_name(window, "Why this estimate?")
    assert not screen.why_text.isVisible()  # type: ignore[attr-defined]
    qtbot.mouseClick(why, Qt.MouseButton.LeftButton)
    assert screen.why_text.isVisible() and "divided by your hours per week" in (  # type: ignore[attr-defined]
        screen.why_text.text()  # type: ignore[attr-defined]
    )
    assert "Set your hours per week" in screen.overall.text()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("scale", "theme"), [(100, "light"), (200, "dark"), (100, "high_contrast")]
)
def test_both_pages_pass_the_accessibility_walk(
    window: MainWindow, qtbot: QtBot, scale: int, theme: str
) -> None:
    window.learner.settings.set("text_scale", scale)  # type: ignore[union-attr]
    window.learner.settings.set("theme", theme)  # type: ignore[union-attr]
    screen = discover(window, qtbot)
    settle()
    assert_accessible(window)
    screen.start.click()  # type: ignore[attr-defined]
    settle()
    assert_accessible(window)


def test_the_screen_follows_text_size_live(window: MainWindow, qtbot: QtBot) -> None:
    screen = discover(window, qtbot)
    cell = screen.grid.current_cell()  # type: ignore[attr-defined]
    before = (cell.font().pointSizeF(), cell.minimumWidth(), screen.table.height())  # type: ignore[attr-defined]
    window.learner.settings.set("text_scale", 200)  # type: ignore[union-attr]
    settle()
    after = (cell.font().pointSizeF(), cell.minimumWidth(), screen.table.height())  # type: ignore[attr-defined]
    assert after[0] == pytest.approx(2 * before[0])
    assert after[1] > 1.5 * before[1] and after[2] > 1.5 * before[2]  # cells and rows grew
    assert_accessible(window)


def test_pack_text_is_shown_as_written_never_as_markup(qtbot: QtBot, tmp_path: Path) -> None:
    LEVELS[0]["example"], original = '<b>bold</b><img src="/etc/passwd">', LEVELS[0]["example"]
    try:
        pack = scenario_pack(tmp_path)
    finally:
        LEVELS[0]["example"] = original
    learner = Learner.open(tmp_path / "learner", [pack])
    try:
        screen = DiscoverScreen(learner)
        qtbot.addWidget(screen)
        screen.start.click()
        labels = screen.question.choices._labels
        practising = next(label for label in labels if label.text().startswith("Practising"))
        assert practising.textFormat() == Qt.TextFormat.PlainText
        assert practising.text().endswith('For example: <b>bold</b><img src="/etc/passwd">')
    finally:
        learner.close()


def test_scenarios_are_asked_and_a_disagreement_shows_on_the_map(
    qtbot: QtBot, tmp_path: Path
) -> None:
    learner = Learner.open(tmp_path / "learner", [scenario_pack(tmp_path)])
    try:
        screen = DiscoverScreen(learner)
        qtbot.addWidget(screen)
        screen.show()
        screen.start.click()
        screen.question.choices.buttons[4].click()  # Expert
        screen.next.click()
        assert screen.question.step == Step(EXEC, "cfo-asks-value")
        assert screen.question.prompt.text() == "Scenario 1 of 2"
        assert screen.question.scenario_text.text() == (
            "Your CFO asks what the ML platform is worth. What do you do first?"
        )
        assert not screen.question.evidence.isVisible()
        screen.question.choices.buttons[0].click()  # points to Aware
        screen.pause.click()
        settle()
        cell = screen.grid.current_cell()
        assert cell is not None and cell.accessibleName() == (
            f"{EXEC_TITLE}: now Aware, target Expert, gap 4; "
            "your rating and your scenario answers differ"
        )
        assert "answers differ" in cell.text()
        saved = learner.assessments.answers(screen.round.id)[EXEC]  # type: ignore[union-attr]
        assert (saved.self_rating, saved.scenario_levels) == ("expert", {"cfo-asks-value": "aware"})
        screen.start.click()  # continue: back at the scenario, its answer still chosen
        assert screen.question.step == Step(EXEC, "cfo-asks-value")
        assert screen.question.choices.buttons[0].isChecked()
    finally:
        learner.close()
