"""The Portfolio screen's Evidence tab, driven as a learner would: evidence made through the
app's own code paths (a practice conversation, a reflection, a checklist item, the learner's
own writing), widgets found by their accessible names, on a real data folder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.conversation.engine import REVIEW
from zavmo_desktop.core.conversation.session import PracticeSession
from zavmo_desktop.core.deliver.evidence import DeliverEvidence
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.org.features import Features
from zavmo_desktop.core.portfolio.learner_evidence import add_text
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.read_aloud import IDLE
from zavmo_desktop.ui.screens import portfolio as portfolio_screen
from zavmo_desktop.ui.screens.portfolio import EMPTY, NONE_MATCH, PortfolioScreen
from zavmo_desktop.ui.shortcuts import SHORTCUTS
from zavmo_desktop.ui.widgets.evidence_view import DRAFT_NOTE

CLAIM = "Watches the answers and their accuracy"
REFLECTION = "The CFO asked about cost first, so I led with payback and it landed well."


def make_evidence(learner: Learner) -> dict[str, int]:
    """One item of four kinds, each through the code path the app itself uses."""
    modules = learner.library.modules
    module, talk = next((m, c) for m in modules for c in m.conversations
                        if c.id == "drift-teach-back")  # fmt: skip
    session = PracticeSession(learner.conversations, module, talk)
    session.start()
    session.answer("Imagine the model learned from last year's customers; customers changed.")
    session.answer("We watch the incoming data and alert the owner.")
    session.claim([CLAIM])
    session.carry_on()
    session.choose(0)
    session.answer("I cannot promise it, but we will notice sooner.")
    while not session.finished and session.engine.phase == REVIEW:
        session.carry_on()
    assert session.evidence_id is not None
    deliver = DeliverEvidence(learner.checklists, learner.reflections, learner.evidence)
    with_reflection = next(m for m in modules if m.reflections)
    reflection = with_reflection.reflections[0]
    deliver.save_reflection(with_reflection.id, reflection, REFLECTION, reflection.evidences)
    with_checklist = next(m for m in modules if m.checklists)
    checklist = with_checklist.checklists[0]
    deliver.tick(with_checklist.id, checklist, checklist.items[0], True)
    ticked = deliver.add_item_to_evidence(with_checklist.id, checklist, checklist.items[0])
    own = add_text(learner.evidence, "Board paper on model costs", "I wrote the paper.", ["EC1"])
    by_kind = {item.kind: item.id for item in learner.evidence.all()}
    assert by_kind["checklist_item"] == ticked and by_kind["learner_text"] == own
    return by_kind


def portfolio(window: MainWindow, qtbot: QtBot) -> PortfolioScreen:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    settle()
    screen = window.stack.currentWidget()
    assert isinstance(screen, PortfolioScreen)
    return screen


def combo(window: MainWindow, name: str) -> QComboBox:
    found = find_by_name(window, name)
    assert isinstance(found, QComboBox)
    return found


def choose(window: MainWindow, name: str, text: str) -> None:
    box = combo(window, name)
    index = box.findText(text)
    assert index >= 0, f"{text!r} is not in {name}: {[box.itemText(i) for i in range(box.count())]}"
    box.setCurrentIndex(index)
    settle()


def count_text(window: MainWindow) -> str:
    screen = window.screen("Portfolio")
    assert screen.count.isVisible()
    return str(screen.count.text())


def rows(window: MainWindow) -> list[str]:
    view = find_by_name(window, "Evidence items")
    assert isinstance(view, QListWidget)
    return [view.item(i).text() for i in range(view.count())]


def open_kind(window: MainWindow, qtbot: QtBot, kind_words: str) -> PortfolioScreen:
    screen = portfolio(window, qtbot)
    view = find_by_name(window, "Evidence items")
    assert isinstance(view, QListWidget)
    row = next(i for i in range(view.count()) if f"— {kind_words}," in view.item(i).text())
    view.setFocus()
    view.setCurrentRow(row)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter opens it
    settle()
    assert screen.pages.currentIndex() == 1
    return screen


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_with_no_evidence_it_says_so_calmly(window: MainWindow, qtbot: QtBot) -> None:
    screen = portfolio(window, qtbot)
    assert window.nav_buttons["Portfolio"].isChecked()
    tabs = find_by_name(window, "Parts of your portfolio")
    assert isinstance(tabs, QTabWidget) and tabs.tabText(0) == "Evidence"
    assert screen.empty.isVisible() and screen.empty.text() == EMPTY
    assert not screen.list.isVisible() and not screen.filters.isVisible()
    assert find_by_name(window, "Add evidence").isVisible()  # where a learner starts
    assert_accessible(window)


def test_every_item_is_listed_in_words_and_the_filters_narrow_the_list(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.learner is not None
    make_evidence(window.learner)
    said: list[str] = []
    real = portfolio_screen.announce
    monkeypatch.setattr(
        portfolio_screen, "announce", lambda w, text, *a: (said.append(text), real(w, text))
    )
    portfolio(window, qtbot)
    assert count_text(window) == "Showing 4 of 4 items"
    listed = rows(window)
    assert listed[0].startswith("Board paper on model costs — Your own writing, ")  # newest first
    assert "Not judged. Criteria: EC1." in listed[0]
    assert any("— Checklist item," in r and "Met the threshold." in r for r in listed)
    assert any("— Practice conversation," in r and "Not yet met." in r for r in listed)
    choose(window, "Filter by type", "Reflection")
    assert count_text(window) == "Showing 1 of 4 items"
    assert said == ["Showing 1 of 4 items"]  # the change is heard, not only shown
    assert "— Reflection," in rows(window)[0]
    choose(window, "Filter by type", "All types")
    choose(window, "Filter by outcome", "Met the threshold")
    assert [r.split(" — ")[1].split(",")[0] for r in rows(window)] == ["Checklist item"]
    choose(window, "Filter by outcome", "Any outcome")
    choose(window, "Filter by competency", "Executive communication and influence")
    # EC1 (own writing) and EC3 (the talk); the competency named whole under the filters
    assert count_text(window) == "Showing 2 of 4 items for Executive communication and influence"
    criteria = combo(window, "Filter by criterion")
    assert [criteria.itemText(i) for i in range(criteria.count())] == [
        "All criteria", "EC1", "EC2", "EC3", "EC4",
    ]  # fmt: skip
    choose(window, "Filter by criterion", "EC1")
    assert [r.split(" — ")[0] for r in rows(window)] == ["Board paper on model costs"]
    choose(window, "Filter by criterion", "EC2")
    assert count_text(window).endswith(f"influence. {NONE_MATCH}")
    assert not window.screen("Portfolio").list.isVisible()
    choose(window, "Filter by competency", "All competencies")
    assert count_text(window).startswith("Showing 0 of 4 items")  # EC2 is still chosen
    choose(window, "Filter by criterion", "All criteria")
    assert count_text(window) == "Showing 4 of 4 items"
    choose(window, "Filter by date", "Last 7 days")
    assert count_text(window) == "Showing 4 of 4 items"
    screen = window.screen("Portfolio")
    screen.clock = lambda: date.today() + timedelta(days=40)
    choose(window, "Filter by date", "Last 30 days")
    assert count_text(window).startswith("Showing 0 of 4 items")


def test_an_opened_conversation_shows_its_transcript_and_keeps_the_claim_apart(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.learner is not None
    ids = make_evidence(window.learner)
    screen = open_kind(window, qtbot, "Practice conversation")
    assert focused().accessibleName() == "Back to the list"
    assert isinstance(find_by_name(window, "The transcript"), QLabel)  # its heading
    transcript = find_by_name(window, "Transcript")
    assert isinstance(transcript, QTextEdit)
    stored = window.learner.evidence.by_id(ids["conversation"])
    assert stored is not None
    first_turn = stored.text.split("\n\n")[0].split(": ", 1)[1]
    assert first_turn[:40] in transcript.toPlainText()
    assert "We watch the incoming data and alert the owner." in transcript.toPlainText()
    result = find_by_name(window, "The app's result")
    claim = find_by_name(window, "What you said you covered")
    assert isinstance(result, QGroupBox) and isinstance(claim, QGroupBox)
    result_words = " ".join(label.text() for label in result.findChildren(QLabel))
    claim_words = " ".join(label.text() for label in claim.findChildren(QLabel))
    assert "Not yet met" in result_words and "Key points the app did not find" in result_words
    assert "Watches the data going in" in result_words
    assert CLAIM in claim_words and "The app did not check it" in claim_words
    assert "You said" not in result_words  # the claim never sits with the app's result
    assert isinstance(find_by_name(window, "Read aloud"), QPushButton)
    with pytest.raises(LookupError):
        find_by_name(window, "Edit reflection")  # a conversation's words are not edited
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Back to the list
    settle()
    assert screen.pages.currentIndex() == 0
    assert focused() is screen.list and screen.list.chosen_id() == ids["conversation"]


def test_editing_a_reflection_keeps_a_draft_saves_on_save_and_shows_in_the_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    ids = make_evidence(learner)
    open_kind(window, qtbot, "Reflection")
    find_by_name(window, "Edit reflection").click()
    box = find_by_name(window, "Your words")
    assert isinstance(box, QPlainTextEdit) and box.toPlainText() == REFLECTION
    assert focused() is box
    box.selectAll()
    qtbot.keyClicks(box, "Payback first, then risk.")
    window.show_screen("Home")  # leaving the screen does not lose the words
    settle()
    screen = portfolio(window, qtbot)
    assert screen.pages.currentIndex() == 1  # back where the learner left it
    assert box.isVisible() and box.toPlainText() == "Payback first, then risk."
    find_by_name(window, "Back to the list").click()  # nor does going back to the list
    settle()
    open_kind(window, qtbot, "Reflection")
    assert not box.isVisible()
    assert find_by_name(window, DRAFT_NOTE).isVisible()  # said, so it is not forgotten
    find_by_name(window, "Edit reflection").click()
    assert box.toPlainText() == "Payback first, then risk."
    stored = learner.evidence.by_id(ids["reflection"])
    assert stored is not None and stored.text == REFLECTION  # nothing saved before Save
    find_by_name(window, "Save").click()
    settle()
    stored = learner.evidence.by_id(ids["reflection"])
    assert stored is not None and stored.text == "Payback first, then risk."
    saved = learner.reflections.get(stored.module_id, stored.activity_id)
    assert saved is not None and saved.text == "Payback first, then risk."  # the module's too
    assert "Payback first, then risk." in screen.view.text.toPlainText()
    find_by_name(window, "History").click()
    settle()
    lines = screen.view.history.lines()
    assert lines[0].endswith("Created by the app")
    assert lines[-1].endswith("Reflection edited by you")
    assert f"{date.today().day} " in lines[-1] and " at " in lines[-1]


def test_cancel_drops_the_draft_and_empty_words_are_refused_in_plain_words(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    ids = make_evidence(learner)
    screen = open_kind(window, qtbot, "Your own writing")
    find_by_name(window, "Edit text").click()
    box = find_by_name(window, "Your words")
    assert isinstance(box, QPlainTextEdit)
    box.clear()
    find_by_name(window, "Save").click()
    assert "Write something before you save" in screen.view.editor.status.text()
    assert box.isVisible()
    find_by_name(window, "Cancel").click()
    assert not box.isVisible() and not screen.view.editor.drafts
    stored = learner.evidence.by_id(ids["learner_text"])
    assert stored is not None and stored.text == "I wrote the paper."


def test_mapping_and_unmapping_criteria_changes_the_item_and_its_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    ids = make_evidence(learner)
    screen = open_kind(window, qtbot, "Your own writing")
    find_by_name(window, "Map criteria").click()
    settle()
    criteria = find_by_name(window, "Criteria this item shows")
    assert isinstance(criteria, QListWidget) and focused() is criteria
    # It opens on the competency of what the item maps to: one competency at a time.
    assert combo(window, "Competency to map to").currentText() == (
        "Executive communication and influence"
    )
    texts = [criteria.item(i).text() for i in range(criteria.count())]
    ec2 = next(i for i, t in enumerate(texts) if t.startswith("EC2: "))
    assert criteria.item(ec2).checkState() == Qt.CheckState.Unchecked
    criteria.setCurrentRow(ec2)
    qtbot.keyClick(criteria, Qt.Key.Key_Space)
    settle()
    stored = learner.evidence.by_id(ids["learner_text"])
    assert stored is not None and stored.criteria == ("EC1", "EC2")
    assert "EC2: " in screen.view.criteria.text()
    qtbot.keyClick(criteria, Qt.Key.Key_Space)
    settle()
    stored = learner.evidence.by_id(ids["learner_text"])
    assert stored is not None and stored.criteria == ("EC1",)
    actions = [e.action for e in learner.evidence.history(ids["learner_text"])]
    assert actions == ["added", "mapped", "unmapped"]
    find_by_name(window, "History").click()
    settle()
    lines = screen.view.history.lines()
    assert [line.split(": ", 1)[1] for line in lines] == [
        "Created by you", "Mapped to EC2 by you", "No longer mapped to EC2 by you",
    ]  # fmt: skip
    screen.view.back.emit()
    settle()
    assert any(r.startswith("Board paper") and "Criteria: EC1." in r for r in rows(window))


@pytest.mark.parametrize("theme", ["dark", "high_contrast"])
def test_at_200_percent_the_list_and_an_item_with_every_panel_clip_nothing(
    window: MainWindow, qtbot: QtBot, theme: str
) -> None:
    learner = window.learner
    assert learner is not None
    make_evidence(learner)
    window.resize(1100, 760)
    learner.settings.apply({"text_scale": 200, "theme": theme})
    settle()
    screen = portfolio(window, qtbot)
    assert_accessible(window)
    filters = [combo(window, f"Filter by {n}") for n in ("competency", "type", "outcome")]
    # At this size they wrap onto more rows, and more than one fits on a row after the first.
    tops = [box.mapTo(window, QPoint(0, 0)).y() for box in filters]
    assert len(set(tops)) > 1
    assert (
        combo(window, "Filter by type").mapTo(window, QPoint(0, 0)).y()
        == combo(window, "Filter by criterion").mapTo(window, QPoint(0, 0)).y()
    )
    open_kind(window, qtbot, "Reflection")
    for name in ("Edit reflection", "Map criteria", "History"):
        find_by_name(window, name).click()
        settle()
    assert screen.view.editor.isVisible() and screen.view.history.isVisible()
    assert_accessible(window)
    find_by_name(window, "Back to the list").click()
    settle()
    open_kind(window, qtbot, "Practice conversation")
    assert_accessible(window)


def test_the_keyboard_alone_reaches_every_filter_the_list_and_an_item(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.learner is not None
    make_evidence(window.learner)
    assert any(s.keys == "Ctrl+7" and s.action == "Go to Portfolio" for s in SHORTCUTS)
    screen = portfolio(window, qtbot)
    # Ctrl+7 lands on the screen's first control, beside its heading; then the tabs
    assert focused().accessibleName() == "Export portfolio"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is screen.tabs.tabBar()
    names = []
    for _ in range(7):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        names.append(focused().accessibleName())
    assert names == [
        "Filter by competency", "Filter by criterion", "Filter by type", "Filter by date",
        "Filter by outcome", "Evidence items", "Open",
    ]  # fmt: skip
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Open
    settle()
    assert screen.pages.currentIndex() == 1 and focused().accessibleName() == "Back to the list"
    seen = []
    for _ in range(4):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused().accessibleName())
    assert seen[0] in ("Full text", "Transcript") and "Read aloud" in seen
    screen.view.focus_first()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    settle()
    assert screen.pages.currentIndex() == 0 and focused() is screen.list


def test_add_evidence_opens_its_dialog_and_the_new_item_is_listed(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = portfolio(window, qtbot)
    tabs = [screen.tabs.tabText(n) for n in range(screen.tabs.count())]
    assert tabs == ["Evidence", "Competency matrix", "Readiness"]
    button = find_by_name(screen, "Add evidence")
    assert isinstance(button, QPushButton) and button.isVisible()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    settle()
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.accessibleName() == "Add evidence"
    qtbot.keyClicks(find_by_name(dialog, "Title"), "Chaired the quarterly review")
    qtbot.keyClicks(find_by_name(dialog, "Your words"), "I ran it and agreed three actions.")
    qtbot.keyClick(find_by_name(dialog, "Add"), Qt.Key.Key_Space)
    settle()
    assert screen.count.text() == "Showing 1 of 1 item"
    assert "Chaired the quarterly review" in screen.list.item(0).text()


def test_a_matrix_cell_with_several_items_narrows_the_list_to_its_criterion(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    for title in ("First paper", "Second paper"):
        add_text(learner.evidence, title, "I wrote it.", ["EC1"])
    screen = portfolio(window, qtbot)
    screen.tabs.setCurrentIndex(1)
    settle()
    matrix = find_by_name(screen, "Competency matrix")
    cell = next(n for n in matrix.cell_names() if n.startswith("EC1,"))
    assert cell.endswith("by 2 items")
    matrix.table.setFocus()
    row, column = next(key for key, (c, _s) in matrix._criteria.items() if c.id == "EC1")
    matrix.table.setCurrentCell(row, column)
    qtbot.keyClick(matrix.table, Qt.Key.Key_Return)
    settle()
    assert screen.tabs.currentIndex() == 0 and screen.pages.currentIndex() == 0
    assert screen.filters.criterion.value() == "EC1" and screen.shown_count == 2
    assert QApplication.focusWidget() is screen.list


def test_a_sign_off_from_the_matrix_makes_the_criterion_verified(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    add_text(learner.evidence, "Board paper", "I wrote it.", ["EC1"])
    screen = portfolio(window, qtbot)
    screen.tabs.setCurrentIndex(1)
    settle()
    matrix = find_by_name(screen, "Competency matrix")
    row, column = next(key for key, (c, _s) in matrix._criteria.items() if c.id == "EC1")
    matrix.table.setCurrentCell(row, column)
    find_by_name(screen, "Record a sign-off for this criterion").click()
    settle()
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and "not a certificate" in " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    qtbot.keyClicks(find_by_name(dialog, "Name of the person signing off"), "Priya Shah")
    find_by_name(dialog, "Record sign-off").click()
    settle()
    assert any(n.startswith("EC1,") and "verified" in n for n in matrix.cell_names())


def test_a_draft_left_in_the_editor_is_saved_when_the_window_closes(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    ids = make_evidence(learner)
    open_kind(window, qtbot, "Your own writing")
    find_by_name(window, "Edit text").click()
    box = find_by_name(window, "Your words")
    assert isinstance(box, QPlainTextEdit)
    box.setPlainText("I wrote the paper and presented it.")
    data_dir = learner.data_dir
    window.close()
    again = Learner.open(data_dir, [])
    try:
        stored = again.evidence.by_id(ids["learner_text"])
        assert stored is not None and stored.text == "I wrote the paper and presented it."
    finally:
        again.close()


def test_read_aloud_reads_the_transcript_and_stops_when_the_list_comes_back(
    open_window: OpenWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZAVMO_SPEECH", "qt:mock")  # Qt's engine that speaks to no one
    window = open_window()
    assert window.learner is not None
    make_evidence(window.learner)
    open_kind(window, qtbot, "Practice conversation")
    find_by_name(window, "Read aloud").setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    read_aloud = window.read_aloud
    qtbot.waitUntil(lambda: read_aloud.state != IDLE)
    assert read_aloud.view is find_by_name(window, "Transcript")
    find_by_name(window, "Back to the list").click()
    assert read_aloud.state == IDLE  # the voice belonged to the item


def test_export_portfolio_opens_its_dialog_unless_the_organisation_hid_export(
    window: MainWindow, qtbot: QtBot
) -> None:
    learner = window.learner
    assert learner is not None
    screen = portfolio(window, qtbot)
    button = find_by_name(screen, "Export portfolio")
    qtbot.keyClick(button, Qt.Key.Key_Space)
    settle()
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.accessibleName() == "Export portfolio"
    dialog.close()
    learner.features = Features(frozenset({"export"}))
    hidden = PortfolioScreen(learner, window.read_aloud)
    qtbot.addWidget(hidden)
    with pytest.raises(LookupError):
        find_by_name(hidden, "Export portfolio")
