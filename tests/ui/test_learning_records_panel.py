"""Settings, Learning records, in the real window: where records go, who they name, what
waits, "Send now" (the sender's own thread sends to a loopback LRS), what was sent and when,
the error in words, and a plain sentence when nothing leaves the laptop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, settle, unnamed_interactive
from tests.lrs_stub import stub_lrs
from tests.ralph_lrs import free_port
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.xapi.wording import NOTHING_LEAVES
from zavmo_desktop.ui.main_window import MainWindow


def panel_texts(window: MainWindow) -> list[str]:
    panel = window.settings_screen.learning_records
    return [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]


def open_settings(window: MainWindow) -> None:
    window.show_screen("Settings")
    settle()


def config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "org.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_without_an_lrs_the_panel_says_nothing_leaves(open_window: OpenWindow) -> None:
    window = open_window()
    open_settings(window)
    assert panel_texts(window) == [NOTHING_LEAVES]
    assert window.learner is not None and window.learner.records_sender is None
    assert not window.settings_screen.learning_records.findChildren(QPushButton)
    window.show_privacy()
    privacy = " ".join(label.text() for label in window.screen("Privacy").paragraphs)
    assert "Nothing leaves this computer" in privacy


def test_send_now_sends_what_waits_and_lists_it_in_words(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    with stub_lrs() as lrs:
        window = open_window("--org-config", config(tmp_path, lrs.config_toml()))
        learner = window.learner
        assert learner is not None and learner.records_sender is not None
        module = learner.library.modules[0]
        learner.mark_opened(module)
        learner.set_complete(module.id, True)
        open_settings(window)
        texts = panel_texts(window)
        assert "sent to its records server at 127.0.0.1, and nowhere else" in texts[0]
        assert texts[1] == (
            "The records name you by account E1234 at https://org.example/staff, "
            "not by your name or email."
        )
        assert "2 records are waiting to be sent." in texts
        assert "Nothing has been sent yet." in texts

        panel = window.settings_screen.learning_records
        assert unnamed_interactive(panel) == []
        send = find_by_name(window.settings_screen, "Send now")
        assert isinstance(send, QPushButton) and send.focusPolicy() & Qt.FocusPolicy.TabFocus
        before = panel.summary.font().pointSizeF()
        learner.settings.set("text_scale", 200)
        qtbot.waitUntil(lambda: panel.summary.font().pointSizeF() > 1.5 * before)
        send.setFocus()
        qtbot.keyClick(send, Qt.Key.Key_Space)  # by keyboard, as a learner without a mouse
        qtbot.waitUntil(lambda: len(lrs.stored) == 2, timeout=15_000)
        completed = f"Completed module '{module.title}' — sent "

        def listed() -> bool:
            texts = panel_texts(window)  # the new lines show on the next turn of the loop
            return "Nothing is waiting to be sent." in texts and any(
                t.startswith(completed) for t in texts
            )

        qtbot.waitUntil(listed, timeout=5000)
        texts = panel_texts(window)
        assert any(t.startswith("Last sent at ") and t.endswith("today: 2 records.") for t in texts)
        assert any(t.startswith(f"Opened module '{module.title}' — sent ") for t in texts)
        window.show_privacy()
        settle()
        paragraphs = window.screen("Privacy").paragraphs
        assert "its own records server, 127.0.0.1" in " ".join(p.text() for p in paragraphs)
        squashed = [p.text() for p in paragraphs if p.height() < p.heightForWidth(p.width())]
        assert squashed == []  # the longer page scrolls rather than cutting lines off


def test_an_unreachable_server_is_said_in_words_with_the_next_try(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    closed = f"http://127.0.0.1:{free_port()}/xAPI/"
    text = (
        f"[lrs]\nendpoint = '{closed}'\nusername = 'u'\npassword = 'p'\n"
        "account_homepage = 'https://org.example/staff'\n"
    )
    window = open_window("--org-config", config(tmp_path, text))
    assert window.learner is not None
    window.learner.mark_opened(window.learner.library.modules[0])
    open_settings(window)
    qtbot.mouseClick(find_by_name(window.settings_screen, "Send now"), Qt.MouseButton.LeftButton)

    def told() -> bool:
        return any(
            t.startswith("The records server could not be reached; trying again in ")
            for t in panel_texts(window)
        )

    qtbot.waitUntil(told, timeout=15_000)
    assert "1 record is waiting to be sent." in panel_texts(window)


def test_a_record_the_server_refuses_for_good_is_said_plainly_and_holds_nothing_up(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    with stub_lrs() as lrs:
        lrs.refuse_marker = "/verbs/experienced"  # it refuses every "opened" record
        window = open_window("--org-config", config(tmp_path, lrs.config_toml()))
        learner = window.learner
        assert learner is not None
        module = learner.library.modules[0]
        learner.mark_opened(module)
        learner.set_complete(module.id, True)
        open_settings(window)
        send = find_by_name(window.settings_screen, "Send now")
        qtbot.mouseClick(send, Qt.MouseButton.LeftButton)
        refused = (
            "1 record was refused by the records server and will not be sent again: "
            "the server said it is not in a form it accepts (400)."
        )
        completed = f"Completed module '{module.title}' — sent "

        def told() -> bool:
            texts = panel_texts(window)  # the new lines show on the next turn of the loop
            return refused in texts and any(t.startswith(completed) for t in texts)

        qtbot.waitUntil(told, timeout=15_000)
        assert "Nothing is waiting to be sent." in panel_texts(window)
        assert len(lrs.stored) == 1
