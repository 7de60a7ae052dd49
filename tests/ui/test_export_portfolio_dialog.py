"""The Export portfolio dialog, driven by keyboard on the real window and a real export."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QProgressBar, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.core.own_data_work import do_real_work
from tests.core.portfolio_export_work import add_portfolio_extras
from zavmo_desktop.core.storage.files import partial_of
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.widgets.export_portfolio_dialog import ExportPortfolioDialog

EXPORT_WAIT_MS = 60_000


def open_dialog(window: MainWindow, qtbot: QtBot) -> ExportPortfolioDialog:
    assert window.learner is not None
    dialog = ExportPortfolioDialog(window.learner, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(dialog: ExportPortfolioDialog, qtbot: QtBot, name: str) -> None:
    """Focus the control by its accessible name, then use it with the space bar."""
    control = find_by_name(dialog, name)
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(control, Qt.Key.Key_Space)


def type_file(dialog: ExportPortfolioDialog, qtbot: QtBot, path: Path) -> None:
    [field] = dialog.findChildren(QLineEdit)
    assert field.accessibleName() == "File to save"
    field.setFocus(Qt.FocusReason.TabFocusReason)
    field.selectAll()
    qtbot.keyClicks(field, str(path))


def result(dialog: ExportPortfolioDialog) -> str:
    return dialog.status.text()


def test_the_dialog_is_accessible_and_every_control_is_named(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    settle()
    assert_accessible(dialog)
    for name in (
        "PDF",
        "HTML",
        "JSON",
        "Include my name",
        "Include my role",
        "Include my organisation",
        "File to save",
        "Choose file",
        "Export",
        "Cancel",
    ):
        assert find_by_name(dialog, name).isEnabled(), name  # fmt: skip
    assert isinstance(find_by_name(dialog, "PDF"), QRadioButton)
    assert not any(box.isChecked() for box in dialog.findChildren(QCheckBox))  # minimal


def test_json_export_by_keyboard_with_the_chosen_details(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert window.learner is not None
    do_real_work(window.learner)
    window.learner.profile.set_display_name("Grace Hopper")
    dialog = open_dialog(window, qtbot)
    choose(dialog, qtbot, "JSON")
    assert dialog.file.text().endswith(".json")  # the name follows the format
    choose(dialog, qtbot, "Include my name")
    out = tmp_path / "mine.json"
    type_file(dialog, qtbot, out)
    qtbot.keyClick(dialog.file, Qt.Key.Key_Return)  # Export is the default button
    qtbot.waitUntil(lambda: "Saved" in result(dialog), timeout=EXPORT_WAIT_MS)
    assert result(dialog) == f"Saved your portfolio to {out}."
    document = json.loads(out.read_text())
    assert document["learner"] == {"name": "Grace Hopper"} and document["items"]
    assert find_by_name(dialog, "Close").isVisible()


def test_cancel_stops_the_export_and_leaves_no_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert window.learner is not None
    add_portfolio_extras(window.learner, window.learner.data_dir, tmp_path / "files")
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "stopped.pdf"
    type_file(dialog, qtbot, out)
    find_by_name(dialog, "Export").click()
    bar = find_by_name(dialog, "Export progress")
    assert isinstance(bar, QProgressBar)
    qtbot.waitUntil(lambda: bar.value() >= 20, timeout=EXPORT_WAIT_MS)  # making the PDF
    cancel = find_by_name(dialog, "Cancel")
    assert isinstance(cancel, QPushButton) and cancel.hasFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "cancelled" in result(dialog), timeout=5000)
    assert dialog.isVisible()  # it stays to say what happened
    leftovers = [out, partial_of(out), tmp_path / "stopped-attachments.zip"]
    assert [p for p in leftovers if p.exists()] == []
    assert result(dialog) == "The export was cancelled. Nothing was saved."


def test_the_dialog_follows_the_text_size_live(window: MainWindow, qtbot: QtBot) -> None:
    assert window.learner is not None
    dialog = open_dialog(window, qtbot)
    before = (dialog.font().pointSizeF(), dialog.height())
    window.learner.settings.set("text_scale", 200)
    qtbot.waitUntil(lambda: dialog.font().pointSizeF() > before[0] * 1.5, timeout=3000)
    settle()
    assert dialog.height() > before[1]  # refitted to the bigger text
    assert_accessible(dialog)
