"""On a really full disk, Add evidence and Record a sign-off say so in the dialog, keep
what was typed, and save it once there is room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.test_save_failures import FullDisk, disk, window  # noqa: F401
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.add_evidence_dialog import AddEvidenceDialog
from zavmo_desktop.ui.widgets.signoff_dialog import SignOffDialog


def test_both_dialogs_keep_the_words_on_a_full_disk_and_save_them_after(
    window: MainWindow,  # noqa: F811
    disk: FullDisk,  # noqa: F811
    qtbot: QtBot,
) -> None:
    qtbot.waitUntil(lambda: window.content_loaded, timeout=10000)
    assert window.learner is not None
    framework = window.learner.library.packs[0].framework
    criterion = framework.areas[0].competencies[0].criteria[0].id
    add = AddEvidenceDialog(window.learner, framework, window.stack.currentWidget(),
                            criterion_ids=[criterion])  # fmt: skip
    add.open()
    sign = SignOffDialog(window.learner, framework, [criterion], window.stack.currentWidget())
    qtbot.keyClicks(add.title, "Board talk")
    qtbot.keyClicks(add.words, "What I said, and what the board decided.")
    disk.fill()
    qtbot.keyClick(add.title, Qt.Key.Key_Return)
    assert add.problem.text() == (
        "The disk is full, so nothing was saved. Free some space, then choose Add again. "
        "What you typed is still here."
    )
    assert add.isVisible() and add.words.toPlainText().startswith("What I said")
    add.hide()
    sign.open()
    qtbot.keyClicks(sign.name, "Sam Patel")
    qtbot.keyClick(sign.name, Qt.Key.Key_Return)
    assert "disk is full" in sign.problem.text() and sign.name.text() == "Sam Patel"
    assert disk.stored("SELECT count(*) FROM evidence") == [(0,)]
    assert disk.stored("SELECT count(*) FROM sign_offs") == [(0,)]

    disk.free()
    qtbot.keyClick(sign.name, Qt.Key.Key_Return)
    assert sign.problem.text().startswith("Recorded Sam Patel's sign-off")
    add.show()
    qtbot.keyClick(add.title, Qt.Key.Key_Return)
    assert not add.isVisible()
    assert disk.stored("SELECT count(*) FROM evidence") == [(1,)]
    assert disk.stored("SELECT count(*) FROM sign_offs") == [(1,)]
