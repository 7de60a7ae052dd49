"""Remove <title> in the Library: asks first, removes the pack, keeps the evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, names_starting
from tests.distribution_pack import MODULE_ID, PACK_ID, org_pack
from tests.ui.conftest import OpenWindow
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.install import import_pack
from zavmo_desktop.core.packs.registry import read_registry
from zavmo_desktop.core.storage.evidence import NewEvidence
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.library import LibraryScreen
from zavmo_desktop.ui.theme import current_stylesheet
from zavmo_desktop.ui.widgets.installed_packs import InstalledPacks
from zavmo_desktop.ui.widgets.pack_remove_dialog import PackRemoveDialog

TITLE = "Organisation pack"
SOURCE = f"reflection:{MODULE_ID}/shared-goal"


@pytest.fixture
def with_pack(open_window: OpenWindow, data_dir: Path, tmp_path: Path) -> MainWindow:
    build_pack(org_pack(tmp_path), tmp_path / "org.zpack")
    import_pack(tmp_path / "org.zpack", data_dir)
    window = open_window()
    assert window.learner is not None
    window.learner.evidence.save(NewEvidence(
        "reflection", SOURCE, MODULE_ID, "shared-goal", "My board story", "What I learnt", ()
    ))  # fmt: skip
    window.show_screen("Library")
    return window


def module_ids(window: MainWindow) -> list[str]:
    tree = find_by_name(window, "Modules")
    assert isinstance(tree, QTreeWidget)
    return [tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())]  # fmt: skip


def next_tab_stop(widget: QWidget) -> QWidget:
    after = widget.nextInFocusChain()
    while not (after.isVisible() and after.focusPolicy() & Qt.FocusPolicy.TabFocus):
        after = after.nextInFocusChain()
    return after


def open_confirmation(window: MainWindow, qtbot: QtBot) -> PackRemoveDialog:
    button = find_by_name(window, f"Remove {TITLE}")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    screen = window.findChild(LibraryScreen)
    assert screen is not None
    dialog = screen.installed_packs.remove_dialog
    assert isinstance(dialog, PackRemoveDialog) and dialog.isVisible()
    return dialog


def test_remove_asks_then_removes_the_pack_and_keeps_the_evidence(
    with_pack: MainWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = with_pack
    assert MODULE_ID in module_ids(window)
    folder = data_dir / "packs" / read_registry(data_dir)[PACK_ID].folder
    dialog = open_confirmation(window, qtbot)
    assert_accessible(dialog)
    text = dialog.details.text()
    assert names_starting(dialog, text.split("\n")[0])  # a screen reader reads it
    assert "evidence, reflections and progress" in text and "stay in your portfolio" in text
    keep = find_by_name(dialog, "Keep it")
    qtbot.waitUntil(keep.hasFocus)  # a stray Enter removes nothing
    remove = find_by_name(dialog, "Remove pack")
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)
    assert dialog.details.text().startswith(f"{TITLE} is removed")
    assert "when you next start Zavmo" in dialog.details.text()
    assert not folder.exists() and read_registry(data_dir) == {}
    assert MODULE_ID not in module_ids(window)
    assert names_starting(window, f"Remove {TITLE}") == []
    learner = window.learner
    assert learner is not None and learner.module(MODULE_ID) is None
    assert [item.source for item in learner.portfolio.items()] == [SOURCE]
    close = find_by_name(dialog, "Close")
    assert close.hasFocus()
    qtbot.keyClick(close, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: find_by_name(window, "Import content pack").hasFocus())


def test_keep_it_changes_nothing(with_pack: MainWindow, qtbot: QtBot, data_dir: Path) -> None:
    assert_accessible(with_pack)  # the Library with its installed pack, Tab order included
    assert next_tab_stop(find_by_name(with_pack, "Import content pack")) is find_by_name(
        with_pack, f"Remove {TITLE}"
    )
    screen = with_pack.findChild(LibraryScreen)
    assert screen is not None
    screen.installed_packs.refresh()  # as after an import: new rows, still next after Import
    QApplication.processEvents()
    assert next_tab_stop(find_by_name(with_pack, "Import content pack")) is find_by_name(
        with_pack, f"Remove {TITLE}"
    )
    dialog = open_confirmation(with_pack, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert PACK_ID in read_registry(data_dir)
    assert MODULE_ID in module_ids(with_pack)
    assert find_by_name(with_pack, f"Remove {TITLE}").isVisible()


def test_the_bundled_pack_has_no_remove_button(window: MainWindow) -> None:
    window.show_screen("Library")
    QApplication.processEvents()
    assert names_starting(window, "Remove ") == []
    assert names_starting(window, "Installed content packs") == []


def test_the_confirmation_follows_a_new_look_while_open(
    with_pack: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_confirmation(with_pack, qtbot)
    width = dialog.width()
    assert with_pack.learner is not None
    with_pack.learner.settings.set("theme", "dark")
    with_pack.learner.settings.set("text_scale", 200)
    qtbot.waitUntil(lambda: dialog.styleSheet() == current_stylesheet())
    qtbot.waitUntil(lambda: dialog.width() > width * 5 // 4)  # refitted to the larger text
    dialog.reject()


def test_a_module_of_a_removed_pack_opened_from_an_older_screen_is_explained(
    with_pack: MainWindow, qtbot: QtBot
) -> None:
    window = with_pack
    assert window.learner is not None
    module = window.learner.module(MODULE_ID)
    assert module is not None
    window.open_module(module)  # read it, as the learner did before removing the pack
    window.show_screen("Library")
    dialog = open_confirmation(window, qtbot)
    qtbot.keyClick(find_by_name(dialog, "Remove pack"), Qt.Key.Key_Space)
    dialog.accept()
    window.open_module(module)  # as Home's Continue, built before, would
    screen = window.findChild(LibraryScreen)
    assert screen is not None and window.stack.currentWidget() is screen
    notice = find_by_name(window, screen.notice.text())
    assert "its content pack was removed" in screen.notice.text() and notice.isVisible()


def test_a_remove_button_too_wide_for_the_room_shows_remove_and_keeps_its_name(
    open_window: OpenWindow, data_dir: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    pack = org_pack(tmp_path)
    manifest = pack / "pack.yaml"
    long_title = "Organisation pack for directors of machine learning engineering, second edition"
    text = manifest.read_text("utf-8").replace(f"title: {TITLE}", f"title: {long_title}")
    manifest.write_text(text, "utf-8")
    build_pack(pack, tmp_path / "long.zpack")
    import_pack(tmp_path / "long.zpack", data_dir)
    window = open_window()
    window.show_screen("Library")
    button = find_by_name(window, f"Remove {long_title}")
    room = window.findChild(InstalledPacks)
    assert room is not None
    assert button.text() == f"Remove {long_title}"  # type: ignore[attr-defined]
    window.resize(640, 700)
    qtbot.waitUntil(lambda: button.text() == "Remove")  # type: ignore[attr-defined]
    assert button.sizeHint().width() <= room.width()
    assert button.accessibleName() == f"Remove {long_title}"
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: button.text() == f"Remove {long_title}")  # type: ignore[attr-defined]
