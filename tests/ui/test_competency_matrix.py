"""The competency matrix on a real learner: the referenced copy of the bundled pack (so EC1
and EC2 map onto outside standards), evidence saved through EvidenceRepository."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, contrast_ratio, find_by_name, settle, tree_of
from tests.portfolio_data import evidence, pack_of
from tests.referenced_pack import referenced_pack
from zavmo_desktop.core.content.models import Framework
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.portfolio.status import Status
from zavmo_desktop.core.settings import OVERLAYS, THEMES
from zavmo_desktop.ui import theme
from zavmo_desktop.ui.palettes import colours
from zavmo_desktop.ui.widgets.competency_matrix import CompetencyMatrix
from zavmo_desktop.ui.widgets.matrix_scale import cell_colours

EC2_TEXT = (
    "You can tie each ML investment to one business measure, such as revenue, cost or risk, "
    "with its current figure and target"
)


@pytest.fixture
def learner(data_dir: Path, tmp_path: Path) -> Iterator[Learner]:
    opened = Learner.open(data_dir, [referenced_pack(tmp_path)])
    yield opened
    opened.close()


@pytest.fixture
def framework(learner: Learner) -> Framework:
    return pack_of(learner).framework


class Shown:
    def __init__(self, learner: Learner, framework: Framework, qtbot: QtBot) -> None:
        self.opened: list[list[int]] = []
        self.matrix = CompetencyMatrix(self.opened.append)
        self.window = QMainWindow()
        self.window.setCentralWidget(self.matrix)
        self.window.resize(1000, 700)
        qtbot.addWidget(self.window)
        self.learner, self.framework = learner, framework
        self.refresh()
        self.window.show()
        qtbot.waitExposed(self.window)
        settle()

    def refresh(self) -> None:
        self.matrix.show_states(self.framework, self.learner.portfolio.states(self.framework))
        settle()


def styled(learner: Learner, **changes: object) -> None:
    for key, value in changes.items():
        learner.settings.set(key, value)
    theme.apply_theme(learner.settings.snapshot())
    settle()


@pytest.fixture
def shown(learner: Learner, framework: Framework, qtbot: QtBot) -> Shown:
    styled(learner, theme="light", text_scale=100)
    return Shown(learner, framework, qtbot)


def cell_names_in_tree(matrix: CompetencyMatrix) -> list[str]:
    """What a screen reader finds: the table cells' names in the accessibility tree."""
    return [
        i.text(QAccessible.Text.Name) for i in tree_of(matrix) if i.role() == QAccessible.Role.Cell
    ]


def test_cells_say_code_text_status_and_count_in_words(
    learner: Learner, framework: Framework, shown: Shown
) -> None:
    first, second = (
        evidence(learner, "board", ("EC2",), met=True),
        evidence(learner, "draft", ("EC2", "EC3"), met=None),
    )
    learner.portfolio.sign_offs.record("EC4", "Grace Hopper", "2026-12-01", "Seen it", "Navy")
    learner.portfolio.sign_offs.record("EC2", "Priya Shah", "2026-12-02", "", "Head of Data")
    shown.refresh()
    names = cell_names_in_tree(shown.matrix)
    assert (
        f"EC2, {EC2_TEXT}: verified: signed off by Priya Shah (Head of Data); shown by 2 items"
    ) in names
    assert any(n.startswith("EC3, ") and n.endswith(": some evidence by 1 item") for n in names)
    assert any(n.startswith("EC1, ") and n.endswith(": no evidence yet") for n in names)
    # no items behind it: no "by 0 items"
    assert any(n.endswith(": verified: signed off by Grace Hopper (Navy)") for n in names)
    assert not any("0 items" in n for n in names)
    count = sum(len(c.criteria) for a in framework.areas for c in a.competencies)
    assert len(shown.matrix.cell_names()) == count
    assert find_by_name(shown.window, "Competency matrix") is shown.matrix
    table = shown.matrix.table
    texts = [
        table.item(r, c).text()
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c)
    ]
    assert "EC2\n✔ verified\nby Priya Shah\n2 items\nTECHIS5002, ITSP" in texts
    assert "EC1\n○ none\nTECHIS5001" in texts
    assert any(t.startswith("EC3\n◐ some\n1 item") for t in texts)
    assert any(t.startswith("EC4\n✔ verified\nby Grace Hopper") for t in texts)
    legend = shown.matrix.legend.text()
    for words in ("○ none", "◐ some", "● evidenced", "✔ verified"):
        assert words in legend
    assert first != second


def test_area_rows_and_competency_row_headers_group_the_cells(shown: Shown) -> None:
    table = shown.matrix.table
    areas = [a.title for a in shown.framework.areas]
    first_area = table.item(0, 0)
    assert first_area.text() == areas[0] and not first_area.flags() & Qt.ItemFlag.ItemIsSelectable
    first_competency = shown.framework.areas[0].competencies[0].title
    header = table.verticalHeaderItem(1)
    assert header.data(Qt.ItemDataRole.AccessibleTextRole) == first_competency
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == [
        "Criterion 1",
        "Criterion 2",
    ]


def test_arrow_keys_move_between_cells_and_enter_opens_the_evidence(
    learner: Learner, shown: Shown, qtbot: QtBot
) -> None:
    ec2 = evidence(learner, "board", ("EC2",), met=True)
    older = evidence(learner, "draft", ("EC2", "EC3"), met=None)
    shown.refresh()
    table = shown.matrix.table
    table.setFocus()
    settle()
    assert shown.matrix.current_name().startswith("EC1, ")
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert shown.matrix.current_name() == f"EC2, {EC2_TEXT}: evidenced by 2 items"
    assert EC2_TEXT in shown.matrix.about.text()
    assert "TECHIS5002" in shown.matrix.about.text()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert shown.opened == [[ec2, older]]
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert shown.opened[-1] == [older]
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert shown.matrix.current_name().startswith("EC4, ")
    qtbot.keyClick(table, Qt.Key.Key_Right)  # the row's last cell: stays
    assert shown.matrix.current_name().startswith("EC4, ")
    qtbot.keyClick(table, Qt.Key.Key_Up)  # nothing above the first competency
    assert shown.matrix.current_name().startswith("EC4, ")
    competencies = shown.framework.areas[0].competencies
    below = competencies[1].criteria[min(3, len(competencies[1].criteria) - 1)].id
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert shown.matrix.current_name().startswith(f"{below}, ")
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # no evidence: nothing to open, said so
    assert len(shown.opened) == 2
    assert "no evidence yet, so there is nothing to open" in shown.matrix.about.text()


def test_the_line_under_the_matrix_names_the_sign_off_of_the_current_cell(
    learner: Learner, shown: Shown, qtbot: QtBot
) -> None:
    evidence(learner, "board", ("EC2",), met=True)
    learner.portfolio.sign_offs.record(
        "EC2", "Priya Shah", "2026-12-02", "Seen  it\nin the board meeting", "Head of Data, Acme"
    )
    shown.refresh()
    table = shown.matrix.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    about = shown.matrix.about.text()
    assert about.startswith(
        f"EC2, {EC2_TEXT}: verified: signed off by Priya Shah (Head of Data, Acme); shown by "
        "1 item. Signed off on 2 December 2026: Seen it in the board meeting."
    )
    legend = shown.matrix.legend.text()
    assert (
        "verified: an assessor's sign-off is recorded (a record of a person's sign-off, not "
        "a certificate)" in legend
    )
    assert "TECHIS5002" in about
    qtbot.keyClick(table, Qt.Key.Key_Left)  # a cell with no sign-off names none
    assert "Signed off" not in shown.matrix.about.text()
    (sign_off,) = learner.portfolio.active_sign_offs()
    learner.portfolio.sign_offs.withdraw(sign_off.id, reason="Wrong criterion")
    shown.refresh()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert shown.matrix.current_name() == f"EC2, {EC2_TEXT}: evidenced by 1 item"
    assert "Signed off" not in shown.matrix.about.text()


def test_an_area_row_is_passed_over_by_the_arrow_keys(shown: Shown, qtbot: QtBot) -> None:
    table = shown.matrix.table
    last_of_first = len(shown.framework.areas[0].competencies)  # its row; row 0 is the area
    table.setCurrentCell(last_of_first, 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentRow() == last_of_first + 2  # past the second area's title row
    first = shown.framework.areas[1].competencies[0].criteria[0].id
    assert shown.matrix.current_name().startswith(f"{first}, ")


def test_a_click_opens_the_evidence(learner: Learner, shown: Shown, qtbot: QtBot) -> None:
    item = evidence(learner, "talk", ("EC3",), met=True)
    shown.refresh()
    table = shown.matrix.table
    rect = table.visualItemRect(table.item(1, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.opened == [[item]]


@pytest.mark.parametrize(("name", "overlay"), list(itertools.product(THEMES, OVERLAYS)))
def test_every_step_keeps_4_5_to_1_text_contrast(name: str, overlay: str) -> None:
    palette = colours(name, overlay)
    for status in Status:
        back, text = cell_colours(status, palette)
        assert contrast_ratio(back, text) >= 4.5, (status, back, text)


def commonest_and_ink(image: QImage) -> tuple[str, str]:
    inside = [
        QColor(image.pixel(x, y)).name()
        for x in range(6, image.width() - 6)
        for y in range(6, image.height() - 6)
    ]
    back = Counter(inside).most_common(1)[0][0]
    return back, max(set(inside), key=lambda colour: contrast_ratio(colour, back))


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast", "cream", "low_stimulation"])
def test_drawn_cells_keep_their_contrast_and_differ_by_step(
    learner: Learner, framework: Framework, qtbot: QtBot, name: str
) -> None:
    evidence(learner, "a", ("EC2",), met=True)
    evidence(learner, "b", ("EC3",), met=None)
    learner.portfolio.sign_offs.record("EC4", "Grace Hopper", "2026-12-01", "")
    styled(learner, theme="cream")
    shown = Shown(learner, framework, qtbot)
    styled(learner, theme=name)  # live: the matrix was drawn in another theme first
    table = shown.matrix.table
    table.clearFocus()
    settle()
    drawn = table.viewport().grab().toImage()
    backs = []
    for column in range(4):  # EC1 none, EC2 evidenced, EC3 some, EC4 verified
        rect = table.visualItemRect(table.item(1, column))
        back, ink = commonest_and_ink(drawn.copy(rect))
        assert contrast_ratio(back, ink) >= 4.5, (column, back, ink)
        backs.append(back)
    assert len(set(backs)) == 4
    assert backs[0] == colours(name).base


@pytest.mark.parametrize("scale", [100, 200])
def test_it_passes_the_accessibility_checks_and_follows_the_text_size_live(
    learner: Learner, shown: Shown, scale: int
) -> None:
    table = shown.matrix.table
    height_before = table.rowHeight(1)
    width_before = table.columnWidth(0)
    styled(learner, text_scale=scale, theme="dark")
    assert_accessible(shown.window)
    if scale == 200:
        assert table.rowHeight(1) > height_before * 1.5
        assert table.columnWidth(0) > width_before * 1.5
        assert table.verticalScrollBar().maximum() > 0  # it scrolls rather than clips
