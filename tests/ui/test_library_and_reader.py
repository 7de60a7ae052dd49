"""Library, search, the reader and progress that survives a restart, driven by name."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import (
    find_by_name,
    find_starting,
    names_starting,
    settle,
    unnamed_interactive,
)
from tests.conftest import BUNDLED_CONTENT
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.ui.main_window import MainWindow

SCHEMA_0_2 = Path(__file__).resolve().parents[1] / "data" / "learner-schema-0.2.0.sqlite3"


def module_titles(tree: QTreeWidget) -> list[str]:
    titles = []
    for top in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(top)
        titles += [item.child(i).text(0) for i in range(item.childCount())] or [item.text(0)]
    return titles


def search_for(window: MainWindow, qtbot: QtBot, text: str) -> QTreeWidget:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = find_by_name(window, "Search modules")
    assert isinstance(field, QLineEdit)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    tree = find_by_name(window, "Modules")
    assert isinstance(tree, QTreeWidget)
    return tree


def test_library_groups_modules_by_area(window: MainWindow) -> None:
    window.show_screen("Library")
    tree = find_by_name(window, "Modules")
    assert isinstance(tree, QTreeWidget)
    areas = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert areas[0] == "Foundation skills"
    assert len(module_titles(tree)) == len(window.learner.library.modules)  # type: ignore[union-attr]
    assert tree.topLevelItem(0).child(0).text(1) == "Not started"


def test_search_ranks_matching_module_first_with_snippet(window: MainWindow, qtbot: QtBot) -> None:
    tree = search_for(window, qtbot, "fairness bias")
    first = tree.topLevelItem(0)
    assert first.text(0) == "Leading responsible AI"
    assert "bias" in first.text(1).lower()
    assert names_starting(window, f"{tree.topLevelItemCount()} module")


def test_search_with_no_match_says_so(window: MainWindow, qtbot: QtBot) -> None:
    tree = search_for(window, qtbot, "zebracrossing")
    assert tree.topLevelItemCount() == 0
    assert names_starting(window, "No modules match “zebracrossing”")


def test_open_read_complete_and_find_it_after_restart(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    tree = search_for(window, qtbot, "board story")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    text = find_by_name(window, "Module text")
    assert "board" in text.toPlainText().lower()  # type: ignore[attr-defined]
    complete = find_by_name(window, "Mark as complete")
    assert isinstance(complete, QPushButton) and complete.isCheckable()
    qtbot.mouseClick(complete, Qt.MouseButton.LeftButton)
    assert complete.isChecked()
    window.close()

    again = open_window()
    again.show_screen("Library")
    tree = find_by_name(again, "Modules")
    assert isinstance(tree, QTreeWidget)
    statuses = {
        tree.topLevelItem(area).child(row).text(0): tree.topLevelItem(area).child(row).text(1)
        for area in range(tree.topLevelItemCount())
        for row in range(tree.topLevelItem(area).childCount())
    }
    assert statuses["Telling the board the ML story"] == "Complete"
    assert sorted(statuses.values()).count("Complete") == 1
    again.show_screen("Home")
    total = len(again.learner.library.modules)  # type: ignore[union-attr]
    assert names_starting(again, f"You have completed 1 of {total} modules")


def test_home_offers_to_continue_the_unfinished_module(open_window: OpenWindow) -> None:
    window = open_window()
    module = window.learner.module("responsible-ai-leadership")  # type: ignore[union-attr]
    window.open_module(module)
    settle()  # the learner scrolls the text they see, laid out
    bar = window.reader.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    window.close()

    again = open_window()
    again.show_screen("Home")
    button = find_by_name(again, "Continue where you left off: Leading responsible AI")
    button.click()  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert again.reader.module is not None and again.reader.module.id == module.id
    bar = again.reader.text.verticalScrollBar()
    assert abs(bar.value() - bar.maximum() // 2) <= max(2, bar.maximum() // 20)


def test_home_shows_the_modules_title_and_summary_as_two_things(window: MainWindow) -> None:
    window.show_screen("Home")
    point = window.learner.continue_point()  # type: ignore[union-attr]
    assert point is not None
    title = find_by_name(window, point.module.title)
    assert isinstance(title, QLabel) and title.text() == point.module.title
    summary = find_starting(window, point.module.summary)
    assert summary is not title and point.module.title not in summary.text()  # type: ignore[attr-defined]


def test_home_mentions_an_unfinished_practice_and_opens_it(open_window: OpenWindow) -> None:
    window = open_window()
    assert window.learner is not None
    board = window.learner.module("board-storytelling")
    assert board is not None
    cfo = board.conversations[0]
    window.open_conversation(board, cfo)
    window.conversation_screen.start_button.click()
    window.conversation_screen.choices.buttons[0].click()
    window.conversation_screen.send_button.click()  # one turn in, then the app closes
    window.close()

    again = open_window()
    again.show_screen("Home")
    said = find_starting(again, "You have a practice conversation to finish")
    assert cfo.title in said.text() and board.title in said.text()  # type: ignore[attr-defined]
    assert "turn 2" in said.text()  # type: ignore[attr-defined]
    find_by_name(again, f"Continue the practice: {cfo.title}").click()  # type: ignore[attr-defined]
    assert again.stack.currentWidget() is again.conversation_screen
    session = again.conversation_screen.session
    assert session is not None and session.started and session.conversation.id == cfo.id


def test_broken_module_is_listed_and_the_rest_still_load(
    open_window: OpenWindow, tmp_path: Path
) -> None:
    pack = tmp_path / "extra-pack"
    shutil.copytree(BUNDLED_CONTENT, pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("director-ml-engineering", "extra-pack"))
    for path in (pack / "modules").glob("*.md"):
        path.unlink()
    source = (BUNDLED_CONTENT / "modules" / "board-storytelling.md").read_text()
    (pack / "modules" / "good.md").write_text(
        source.replace("id: board-storytelling", "id: extra-good", 1)
    )
    (pack / "modules" / "broken.md").write_text("---\nid: broken\ntitle: [unclosed\n---\nBody\n")

    window = open_window("--content", str(pack))
    window.show_screen("Library")
    problems = find_by_name(window, "Content problems")
    assert isinstance(problems, QListWidget) and problems.isVisible()
    lines = [problems.item(i).text() for i in range(problems.count())]
    assert any(line.startswith(f"{pack / 'modules' / 'broken.md'}:") for line in lines)
    tree = find_by_name(window, "Modules")
    bundled = len(list((BUNDLED_CONTENT / "modules").glob("*.md")))
    assert len(module_titles(tree)) == bundled + 1  # type: ignore[arg-type]


def test_the_search_clear_icon_has_a_name(window: MainWindow, qtbot: QtBot) -> None:
    search_for(window, qtbot, "board")
    clear = find_by_name(window, "Clear search")
    assert clear.accessibleDescription()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert find_by_name(window, "Search modules").text() == ""  # type: ignore[attr-defined]
    # The cleared search lists every module again after its delay: wait for it, or it runs
    # after the window closed the learner's data (an error at teardown, 5 runs in 8).
    qtbot.waitUntil(lambda: not window.library._search_timer.isActive())
    assert unnamed_interactive(window) == []


def first_visible_line(window: MainWindow) -> tuple[int, int, str]:
    """(start, end, text) of the first line showing at the top of the module text."""
    view = window.reader.text
    cursor = view.cursorForPosition(QPoint(view.viewport().width() // 2, 2))
    cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
    start = cursor.position()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfLine, QTextCursor.MoveMode.KeepAnchor)
    return start, cursor.position(), cursor.selectedText()


def continue_from_home(window: MainWindow) -> str:
    """Press Home's Continue button; what Home said about how far through the learner is."""
    window.show_screen("Home")
    button = names_starting(window, "Continue where you left off")
    where = [n for n in names_starting(window, "") if "of the way through" in n]
    find_by_name(window, button[0]).click()  # type: ignore[attr-defined]
    settle()
    return where[0]


def test_reopening_and_restarting_return_to_the_same_first_visible_line(
    open_window: OpenWindow,
) -> None:
    window = open_window()
    module = window.learner.module("responsible-ai-leadership")  # type: ignore[union-attr]
    window.open_module(module)  # type: ignore[arg-type]
    settle()
    bar = window.reader.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle()
    line = first_visible_line(window)[2]
    percent = window.reader.progress.format()
    for _ in range(6):  # it used to creep forward a little on every reopen
        where = continue_from_home(window)
        assert first_visible_line(window)[2] == line
        assert window.reader.progress.format() == percent
        assert where.endswith(f"You are {percent.removesuffix(' read')} of the way through.")
    window.close()

    again = open_window()
    continue_from_home(again)
    assert first_visible_line(again)[2] == line


def test_text_size_font_spacing_and_theme_keep_the_caret_and_the_first_line(
    window: MainWindow, qtbot: QtBot
) -> None:
    settings = window.learner.settings  # type: ignore[union-attr]
    settings.set("line_focus", 3)
    window.resize(1100, 1000)
    window.open_module(window.learner.module("model-incidents"))  # type: ignore[union-attr,arg-type]
    settle()
    view = window.reader.text
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    settle()
    start, _end, _text = first_visible_line(window)
    on_text = view.cursorRect(view.cursorForPosition(QPoint(40, 60))).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_text)
    caret = view.textCursor().position()
    assert caret > start
    for change in ({"text_scale": 200}, {"font": "lexend"}, {"letter_spacing": 12},
                   {"line_spacing": 200}, {"theme": "dark"}, {"text_scale": 100}):  # fmt: skip
        settings.apply(change)
        settle()
        first, last, _ = first_visible_line(window)
        assert first <= start <= last, f"after {change} the text shows from {first}"
        assert view.textCursor().position() == caret, f"after {change}"
        band, caret_y = window.reader.aids.current_band(), view.cursorRect().center().y()
        assert caret_y < view.viewport().height(), "the caret went out of sight"
        assert band is not None and band.contains(4, caret_y), "line focus left the caret"


def test_one_section_at_a_time_keeps_the_line_within_the_section(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    window.learner.settings.set("one_section", True)  # type: ignore[union-attr]
    module = window.learner.module("responsible-ai-leadership")  # type: ignore[union-attr]
    window.open_module(module)  # type: ignore[arg-type]
    settle()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader.text, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    bar = window.reader.text.verticalScrollBar()
    bar.setValue(bar.maximum() * 2 // 3)
    settle()
    line, section = first_visible_line(window)[2], window.reader.section_label.text()
    window.close()
    for _ in range(2):
        again = open_window()
        again.open_module(module)  # type: ignore[arg-type]
        settle()
        assert again.reader.section_label.text() == section
        assert first_visible_line(again)[2] == line
        again.close()
    again = open_window()
    again.learner.settings.set("one_section", False)  # type: ignore[union-attr]
    again.open_module(module)  # type: ignore[arg-type]
    settle()
    assert first_visible_line(again)[2] == line  # the same words in whole-module reading


def test_a_place_saved_as_a_fraction_by_an_older_release_opens_there(
    open_window: OpenWindow, data_dir: Path
) -> None:
    shutil.copyfile(SCHEMA_0_2, data_dir / DATABASE_NAME)  # mlops saved at 0.4
    window = open_window()
    window.open_module(window.learner.module("mlops-platform-strategy"))  # type: ignore[union-attr,arg-type]
    settle()
    assert 0.38 <= window.reader.position() <= 0.42
    start = first_visible_line(window)[0]
    text = window.reader.text.document().characterCount()
    assert 0.3 <= start / text <= 0.5


def test_reader_says_when_a_module_was_last_reviewed(window: MainWindow) -> None:
    assert window.learner is not None
    window.open_module(window.learner.module("eu-ai-act-readiness"))  # type: ignore[arg-type]
    text = find_by_name(window, "Module text").toPlainText()  # type: ignore[attr-defined]
    assert "Last reviewed: 1 December 2026." in text[:700]  # in the summary, at the top
    window.open_module(window.learner.module("board-storytelling"))  # type: ignore[arg-type]
    text = find_by_name(window, "Module text").toPlainText()  # type: ignore[attr-defined]
    assert "Last reviewed: 2 December 2026." in text[:700]
    assert text.count("Last reviewed") == 1


def test_a_search_typed_just_before_closing_never_runs_on_the_closed_database(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(find_by_name(window, "Search modules"), "board")
    window.close()  # the learner's database closes with the window
    qtbot.wait(400)  # longer than the search delay: pytest-qt fails on an error in a slot


def test_a_search_typed_just_before_leaving_runs_when_the_library_is_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(find_by_name(window, "Search modules"), "fairness bias")
    window.show_screen("Home")
    qtbot.wait(400)
    window.show_screen("Library")
    tree = find_by_name(window, "Modules")
    assert isinstance(tree, QTreeWidget)
    assert tree.topLevelItem(0).text(0) == "Leading responsible AI"
