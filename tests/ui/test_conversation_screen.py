"""Practice conversations in the real window, driven by accessible name like a learner would."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import (
    assert_accessible,
    clipped_labels,
    contrast_ratio,
    find_by_name,
    settle,
)
from tests.core.conversation_paths import full_answer
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.content.models import Conversation, Module
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.palettes import OVERLAY_TINTS, THEMES, colours
from zavmo_desktop.ui.screens.conversation import ConversationScreen
from zavmo_desktop.ui.widgets.conversation_styles import bubble_colours
from zavmo_desktop.ui.widgets.fit_scroll import FitScroll
from zavmo_desktop.ui.widgets.practice_panel import PracticePanel


def find(window: MainWindow, conversation_id: str) -> tuple[Module, Conversation]:
    assert window.learner is not None
    for module in window.learner.library.modules:
        for conversation in module.conversations:
            if conversation.id == conversation_id:
                return module, conversation
    raise LookupError(conversation_id)


def open_practice(window: MainWindow, conversation_id: str) -> ConversationScreen:
    window.open_conversation(*find(window, conversation_id))
    settle()
    return window.conversation_screen


def click(window: QWidget, qtbot: QtBot, name: str) -> None:
    button = find_by_name(window, name)
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def choose(window: MainWindow, qtbot: QtBot, index: int) -> None:
    group = find_by_name(window, "Your reply")
    assert isinstance(group, QGroupBox)
    buttons = group.findChildren(QRadioButton)
    buttons = [b for b in buttons if b.isVisible()]
    buttons[index].setFocus()
    qtbot.keyClick(buttons[index], Qt.Key.Key_Space)
    assert buttons[index].isChecked()
    before = len(window.conversation_screen.message_views())
    qtbot.keyClick(buttons[index], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    assert len(window.conversation_screen.message_views()) > before  # Ctrl+Return sent it


def write(window: MainWindow, qtbot: QtBot, text: str) -> QPlainTextEdit:
    editor = find_by_name(window, "Your reply")
    assert isinstance(editor, QPlainTextEdit)
    assert editor.hasFocus()  # focus moved to the reply after the tutor's turn
    qtbot.keyClicks(editor, text)
    return editor


def send(window: MainWindow, qtbot: QtBot) -> None:
    click(window, qtbot, "Send reply")


def visible_text(root: QWidget) -> str:
    return " ".join(label.text() for label in root.findChildren(QLabel) if label.isVisible())


def texts(screen: ConversationScreen) -> list[str]:
    return [view.plain_text() for view in screen.message_views()]


def test_before_starting_it_says_what_it_is_and_what_it_evidences(window: MainWindow) -> None:
    screen = open_practice(window, "responsible-ai-grow")
    assert window.stack.currentWidget() is screen
    shown = visible_text(screen)
    assert "coaching conversation in four steps" in shown
    assert "RA4" in shown and "AG1" in shown
    assert find_by_name(window, "Start practice").isVisible()
    assert screen.message_views() == []
    assert_accessible(window)
    window.learner.settings.set("text_scale", 200)  # type: ignore[union-attr]
    settle(8)
    assert_accessible(window)


def test_a_quiz_played_by_keyboard_to_the_end_is_saved_as_evidence(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_practice(window, "board-metrics-quiz")
    click(window, qtbot, "Start practice")
    assert find_by_name(window, "Conversation transcript").isVisible()
    assert texts(screen)[0].startswith("Tutor\nThe board asks")
    assert isinstance(window.focusWidget(), QRadioButton)
    assert_accessible(window)
    for index in (0, 1, 0, 0):
        choose(window, qtbot, index)
    finished = find_by_name(window, "Practice finished")
    assert "saved in your evidence portfolio" in finished.text()  # type: ignore[attr-defined]
    assert "3 of 4 right first time" in finished.text()  # type: ignore[attr-defined]
    assert find_by_name(window, "Practise again").isVisible()
    module, conversation = find(window, "board-metrics-quiz")
    [item] = window.learner.evidence.for_module(module.id)  # type: ignore[union-attr]
    assert item.kind == "conversation" and item.title == conversation.title
    assert item.criteria == conversation.evidences
    assert "Feedback: Not quite. 14 is the number of models" in item.text
    assert_accessible(window)


def test_free_text_feedback_try_again_and_carry_on(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_practice(window, "cfo-platform-value")
    click(window, qtbot, "Start practice")
    choose(window, qtbot, 0)
    editor = write(window, qtbot, "We will show the revenue.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle()
    feedback = texts(screen)[-1]
    assert feedback.startswith("Key points\nThe app found 1 of 4 key points in your answer:")
    assert "• Links the spend to business value (you wrote “revenue”)" in feedback
    assert "A strong answer also includes:\n• Names a measure of cloud cost" in feedback
    assert_accessible(window)
    click(window, qtbot, "Try again")
    editor = find_by_name(window, "Your reply")
    assert editor.toPlainText() == "We will show the revenue."  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, " And GPU spend and platform usage, every three months.")
    send(window, qtbot)
    assert texts(screen)[-2].startswith("Key points\nThe app found all 4 key points")
    assert isinstance(window.focusWidget(), QRadioButton)  # the CFO's next question
    choose(window, qtbot, 1)  # "I am confident": the CFO asks again
    choose(window, qtbot, 0)
    result = find_by_name(window, "Practice finished").text()  # type: ignore[attr-defined]
    assert "Result: 3 choices made; key points found: 4 of 4." in result
    assert window.learner.evidence.all()  # type: ignore[union-attr]


def test_a_good_answer_in_other_words_meets_calm_feedback_and_one_total(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_practice(window, "cfo-platform-value")
    click(window, qtbot, "Start practice")
    choose(window, qtbot, 0)
    write(window, qtbot, "You will see money in against money out, on one page, as we go.")
    send(window, qtbot)
    feedback = texts(screen)[-1]
    shown = visible_text(screen) + " " + feedback
    assert "✗" not in shown and "Missed" not in shown and "✓" not in shown
    assert "A strong answer includes:" in feedback and "other words" in feedback
    assert re.findall(r"\d+ of (?:the )?\d+", shown) == []  # nothing found: no total at all
    assert "try again" in shown and "carry on" in shown.lower()
    assert find_by_name(window, "Try again").hasFocus()


def test_the_learner_says_which_points_they_covered_and_it_stays_their_claim(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    screen = open_practice(window, "cfo-platform-value")
    click(window, qtbot, "Start practice")
    choose(window, qtbot, 0)
    write(window, qtbot, "ROI, shown to you each quarter.")
    send(window, qtbot)
    shown = visible_text(screen) + " " + texts(screen)[-1]
    assert re.findall(r"\d+ of (?:the )?\d+", shown) == ["2 of 4"]  # one total, once
    name = "I believe I covered this: Names a measure of cloud cost"
    box = find_by_name(window, name)
    assert isinstance(box, QCheckBox) and not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    assert_accessible(window)
    window.close()  # the tick is kept while the learner is still deciding

    window = open_window()
    screen = open_practice(window, "cfo-platform-value")
    box = find_by_name(window, name)
    assert isinstance(box, QCheckBox) and box.isChecked()
    click(window, qtbot, "Carry on")
    claim = screen.message_views()[-2]
    assert claim.accessibleName() == "You said"
    assert claim.plain_text() == "You\nI believe I also covered: Names a measure of cloud cost."
    choose(window, qtbot, 0)
    summary = find_by_name(window, "Practice finished")
    result = summary.text()  # type: ignore[attr-defined]
    assert "key points found: 2 of 4 (you said you covered 1 more)" in result
    assert "✓" not in result
    [item] = window.learner.evidence.all()  # type: ignore[union-attr]
    [answer] = item.details["results"]["answers"]
    assert [p["point"] for p in answer["found_by_app"]] == [
        "Links the spend to business value",
        "Says how often you will report",
    ]
    assert answer["learner_says_covered"] == ["Names a measure of cloud cost"]
    assert "Names a measure of cloud cost" in answer["not_found_by_app"]


def test_the_finished_summary_is_short_in_parts_and_fits_at_double_size(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.learner.settings.set("text_scale", 200)  # type: ignore[union-attr]
    screen = open_practice(window, "drift-teach-back")
    click(window, qtbot, "Start practice")
    engine = screen.session.engine  # type: ignore[union-attr]
    while not engine.finished:
        if engine.replies:
            choose(window, qtbot, 0)
        elif engine.phase == "review":
            click(window, qtbot, window.conversation_screen.labels.carry_on)
        else:
            write(window, qtbot, "We would look into it.")
            send(window, qtbot)
    settle(8)
    summary = find_by_name(window, "Practice finished")
    parts = [label for label in summary.findChildren(QLabel) if label.isVisible()]
    assert 3 <= len(parts) <= 6
    assert all(len(label.text()) <= 120 for label in parts)
    assert parts[0].text() == "You finished this practice."
    assert not clipped_labels(summary)
    scroll = screen.findChild(FitScroll)
    assert scroll is not None and scroll.horizontalScrollBar().maximum() == 0
    assert_accessible(window)


def test_carry_on_moves_on_without_pressure(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_practice(window, "past-incident-reflection")
    click(window, qtbot, "Start practice")
    write(window, qtbot, "Hmm, not sure.")
    send(window, qtbot)
    assert find_by_name(window, "Try again").isVisible()
    click(window, qtbot, "Carry on")
    assert texts(screen)[-1].startswith("Tutor\nHow was the problem first noticed?")
    assert isinstance(window.focusWidget(), QRadioButton)


def test_a_coaching_conversation_through_the_ui(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_practice(window, "responsible-ai-grow")
    click(window, qtbot, "Start practice")
    engine = screen.session.engine  # type: ignore[union-attr]
    while not engine.finished:
        if engine.replies:
            choose(window, qtbot, 0)
        else:
            write(window, qtbot, full_answer(engine.node))
            send(window, qtbot)
    finished = find_by_name(window, "Practice finished").text()  # type: ignore[attr-defined]
    assert "GROW stages covered: Goal, Reality, Options, Way forward" in finished


def test_it_resumes_at_the_exact_turn_with_the_draft_after_reopening(
    open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window()
    screen = open_practice(window, "cfo-platform-value")
    click(window, qtbot, "Start practice")
    choose(window, qtbot, 0)
    write(window, qtbot, "We will report the reve")
    shown = texts(screen)
    window.close()  # at once, before the 300 ms draft timer fires

    again = open_window()
    screen = open_practice(again, "cfo-platform-value")
    assert texts(screen) == shown
    editor = find_by_name(again, "Your reply")
    assert editor.toPlainText() == "We will report the reve"  # type: ignore[attr-defined]
    assert editor.hasFocus()
    assert_accessible(again)


def test_the_draft_is_saved_while_typing(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_practice(window, "drift-teach-back")
    click(window, qtbot, "Start practice")
    write(window, qtbot, "The model learned")
    session = screen.session
    assert session is not None
    qtbot.waitUntil(lambda: session.engine.draft == "The model learned", timeout=2000)
    run = window.learner.conversations.active(session.module.id, session.conversation.id)  # type: ignore[union-attr]
    assert run is not None and run.state["draft"] == "The model learned"


def test_restart_asks_first_and_keeps_going_if_not_wanted(window: MainWindow, qtbot: QtBot) -> None:
    screen = open_practice(window, "build-or-buy-scenario")
    click(window, qtbot, "Start practice")
    choose(window, qtbot, 0)
    count = len(screen.message_views())
    click(window, qtbot, "Restart conversation")
    assert find_by_name(window, "No, keep going").hasFocus()
    assert_accessible(window)
    click(window, qtbot, "No, keep going")
    assert len(screen.message_views()) == count
    click(window, qtbot, "Restart conversation")
    click(window, qtbot, "Yes, start again")
    assert len(screen.message_views()) == 1
    assert isinstance(window.focusWidget(), QRadioButton)


def test_back_to_module_returns_to_the_reader(window: MainWindow, qtbot: QtBot) -> None:
    open_practice(window, "loan-model-bias-case")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.reader, timeout=2000)
    assert window.reader.module is not None
    assert window.reader.module.id == "responsible-ai-leadership"


def test_messages_are_as_tall_as_their_text_and_follow_the_theme(
    window: MainWindow, qtbot: QtBot
) -> None:
    screen = open_practice(window, "team-structure-debate")
    click(window, qtbot, "Start practice")
    settle(8)
    views = screen.message_views()
    assert len(views) == 2
    for view in views:
        assert view.verticalScrollBar().maximum() == 0
        assert view.height() >= view.document().size().height()
    before = views[0].height()
    window.learner.settings.set("text_scale", 200)  # type: ignore[union-attr]
    settle(8)
    assert views[0].height() > before
    assert views[0].verticalScrollBar().maximum() == 0
    assert_accessible(window)


def test_every_bubble_keeps_seven_to_one_text_contrast() -> None:
    for theme in THEMES:
        for overlay in ("none", *OVERLAY_TINTS):
            c = colours(theme, overlay)
            for role in ("tutor", "learner", "feedback"):
                background = bubble_colours(c, role).background
                assert contrast_ratio(c.text, background) >= 7.0, (theme, overlay, role)


def test_new_messages_are_announced(window: MainWindow, qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    said: list[str] = []
    monkeypatch.setattr(
        "zavmo_desktop.ui.screens.conversation.announce", lambda _w, text, *a: said.append(text)
    )
    open_practice(window, "cfo-platform-value")
    click(window, qtbot, "Start practice")
    assert said and said[-1].startswith("CFO: You are asking")
    choose(window, qtbot, 0)
    assert said[-1].startswith("Feedback: Good.") and "CFO: Those are good numbers" in said[-1]


def test_practice_panel_lists_status_and_opens(window: MainWindow, qtbot: QtBot) -> None:
    assert window.learner is not None
    module, _ = find(window, "cfo-platform-value")
    opened: list[str] = []
    panel = PracticePanel(window.learner, lambda m, c: opened.append(c.id))
    qtbot.addWidget(panel)
    panel.show_module(module)
    panel.show()
    settle()
    assert_accessible(panel)
    click(panel, qtbot, "Practise: Explaining the platform budget to the CFO")
    assert opened == ["cfo-platform-value"]
    assert "Role play. Not started." in visible_text(panel)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen = open_practice(window, "cfo-platform-value")
    click(window, qtbot, "Start practice")
    choose(window, qtbot, 0)
    panel.refresh()
    settle()
    button = find_by_name(panel, "Continue: Explaining the platform budget to the CFO")
    assert button.accessibleDescription() == "In progress at turn 2"
    assert screen.session is not None
