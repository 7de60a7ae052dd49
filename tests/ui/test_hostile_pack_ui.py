"""The real window with a hostile pack loaded: pack text is shown as text, never as markup.

Every string field of the hostile module starts with `<b>HOSTILE</b><img src="/x.png">`.
Read as rich text, a QLabel would show bold and load the file; read as plain text, it
shows those characters. Every label, tooltip and chat message on every screen is checked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from tests.hostile_packs import MODULE_ID, hostile_pack
from tests.ui.conftest import OpenWindow
from zavmo_desktop.ui.main_window import MainWindow


def labels_showing_pack_text(window: MainWindow) -> list[QLabel]:
    shown = [label for label in window.findChildren(QLabel) if "HOSTILE" in label.text()]
    rich = [label.text() for label in shown if label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == [], "labels that would read pack text as rich text"
    return shown


def tooltips_of(tree: QTreeWidget) -> list[str]:
    tips = []
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        item = iterator.value()
        tips += [item.toolTip(column) for column in range(tree.columnCount())]
        iterator += 1
    return [tip for tip in tips if "HOSTILE" in tip]


def test_every_label_shows_pack_strings_as_plain_text(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    pack = hostile_pack(tmp_path)
    window = open_window("--content", str(pack))
    assert window.learner is not None
    module = window.learner.module(MODULE_ID)
    assert module is not None
    texts: set[str] = set()
    window.show_screen("Library")
    tips = tooltips_of(window.library.modules)
    assert tips and all("<b>" not in tip and "&lt;b&gt;HOSTILE" in tip for tip in tips)
    window.open_module(module)
    # The summary is part of the page, escaped: its markup shows as characters.
    qtbot.waitUntil(lambda: "<b>HOSTILE</b>" in window.reader.text.toPlainText())
    assert " ".join(module.summary.split()) in " ".join(window.reader.text.toPlainText().split())
    for tab in ("Read", "Practise", "Checklists", "Reflections"):
        window.reader.show_tab(tab)
        qtbot.wait(10)
        texts |= {label.text() for label in labels_showing_pack_text(window)}
    screen = window.conversation_screen
    for conversation in module.conversations:
        window.open_conversation(module, conversation)
        texts |= {label.text() for label in labels_showing_pack_text(window)}
        screen.start_button.click()
        for _turn in range(3):
            if screen.choices.isVisible() and screen.choices.buttons:
                screen.choices.buttons[0].setChecked(True)
                screen.send_button.click()
            texts |= {label.text() for label in labels_showing_pack_text(window)}
        chat = [view.plain_text() for view in screen.message_views()]
        assert any("<b>HOSTILE</b>" in text for text in chat)  # the characters, not bold
    joined = "\n".join(texts)
    for field_value in (module.title, module.checklists[0].title,
                        module.reflections[0].prompt,
                        module.conversations[0].title):  # fmt: skip
        assert " ".join(field_value.split()) in joined or field_value in joined, field_value


def test_a_heavily_formatted_module_renders_off_the_gui_thread(
    open_window: OpenWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    pack = hostile_pack(tmp_path)
    module_file = pack / "modules" / "board-storytelling.md"
    text = module_file.read_text(encoding="utf-8")
    heavy = ("![" * 200 + "\n\n") * 3 + ("words " * 600 + "\n\n") * 10  # within the limits
    module_file.write_text(text + "\n" + heavy, encoding="utf-8")
    window = open_window("--content", str(pack))
    assert window.learner is not None
    module = window.learner.module(MODULE_ID)
    assert module is not None
    window.learner.save_position(MODULE_ID, 0.5)
    window.open_module(module)
    assert window.reader.text.toPlainText() == "Preparing this module…"
    window.reader.save_position()  # e.g. the learner leaves at once: the place is kept
    assert window.learner.module_progress(MODULE_ID).position == 0.5  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "What this module is for" in window.reader.text.toPlainText())
    # Back in the middle, not at the top (the exact place shifts as Qt lays out the rest).
    qtbot.waitUntil(lambda: window.reader.position() > 0.3)
