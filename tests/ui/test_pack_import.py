"""Import content pack in the Library: preview, install, refusal, cancel, by accessible name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTreeWidget
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, names_starting
from tests.distribution_pack import MODULE_FILE, MODULE_ID, org_pack
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.registry import read_registry
from zavmo_desktop.core.packs.signing import generate_key_pair, load_public_key_file
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.screens.library import LibraryScreen
from zavmo_desktop.ui.widgets.pack_import_dialog import PackImportDialog


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("zpacks")
    good = root / "org.zpack"
    build_pack(org_pack(root), good)
    tampered = root / "tampered.zpack"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(
                info.filename, data + b"\nEdited." if info.filename == MODULE_FILE else data
            )
    generate_key_pair(root / "org.pem", root / "org.pub.pem")
    build_pack(org_pack(root, "1.0.1"), root / "signed.zpack", root / "org.pem")
    return {"good": good, "tampered": tampered, "signed": root / "signed.zpack",
            "public": root / "org.pub.pem"}  # fmt: skip


def start_import(window: MainWindow, qtbot: QtBot, pack: Path) -> PackImportDialog:
    window.show_screen("Library")
    screen = window.findChild(LibraryScreen)
    assert screen is not None
    screen.choose_pack_file = lambda: pack  # stands in for the system file dialog only
    button = find_by_name(window, "Import content pack")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = screen.import_dialog  # the newest: a closed one may not be deleted yet
    assert isinstance(dialog, PackImportDialog) and dialog.isVisible()
    qtbot.waitUntil(dialog.progress.isHidden, timeout=10000)  # the checks are done
    return dialog


def details(dialog: PackImportDialog) -> str:
    """The details as a screen reader reads them: the label's name is its text."""
    text = dialog.details.text()
    assert names_starting(dialog, text.split("\n")[0])
    return text


def test_the_preview_then_install_puts_the_modules_in_the_library(
    window: MainWindow, qtbot: QtBot, packs: dict[str, Path]
) -> None:
    before = len(window.learner.library.modules)  # type: ignore[union-attr]
    dialog = start_import(window, qtbot, packs["good"])
    tree = find_by_name(window, "Modules")
    assert isinstance(tree, QTreeWidget)
    text = details(dialog)
    for part in ("Organisation pack", "Version 1.0.0", "Modules: 1", "KB unpacked", "Not signed"):
        assert part in text
    assert read_registry(window.learner.data_dir) == {}  # type: ignore[union-attr]
    assert_accessible(dialog)
    install = find_by_name(dialog, "Install pack")
    assert install.hasFocus()
    qtbot.keyClick(install, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "is installed" in details(dialog), timeout=10000)
    assert window.learner.module(MODULE_ID) is not None  # type: ignore[union-attr]
    assert len(window.learner.library.modules) == before + 1  # type: ignore[union-attr]
    titles = [tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)
              for i in range(tree.topLevelItemCount())
              for j in range(tree.topLevelItem(i).childCount())]  # fmt: skip
    assert MODULE_ID in titles


def test_a_tampered_pack_is_refused_in_the_dialog(
    window: MainWindow, qtbot: QtBot, packs: dict[str, Path]
) -> None:
    dialog = start_import(window, qtbot, packs["tampered"])
    assert "does not match its SHA-256" in details(dialog)
    assert "Nothing was changed" in details(dialog)
    assert dialog.install_button.isHidden()
    close = find_by_name(dialog, "Close")
    assert isinstance(close, QPushButton) and close.hasFocus()
    data_dir = window.learner.data_dir  # type: ignore[union-attr]
    assert read_registry(data_dir) == {}
    assert not list((data_dir / "packs").glob(".staging-*"))


def test_cancel_after_the_preview_installs_nothing(
    window: MainWindow, qtbot: QtBot, packs: dict[str, Path]
) -> None:
    dialog = start_import(window, qtbot, packs["good"])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    data_dir = window.learner.data_dir  # type: ignore[union-attr]
    assert read_registry(data_dir) == {}
    assert not list((data_dir / "packs").glob(".staging-*"))
    assert window.learner.module(MODULE_ID) is None  # type: ignore[union-attr]


def test_with_an_organisation_key_only_signed_packs_get_to_the_preview(
    window: MainWindow, qtbot: QtBot, packs: dict[str, Path]
) -> None:
    window.show_screen("Library")
    screen = window.findChild(LibraryScreen)
    assert screen is not None
    screen.trusted_keys = [load_public_key_file(packs["public"])]
    refused = start_import(window, qtbot, packs["good"])
    assert "not signed" in details(refused) and refused.install_button.isHidden()
    refused.reject()
    signed = start_import(window, qtbot, packs["signed"])
    assert "Signed by your organisation's key" in details(signed)
    assert signed.install_button.isEnabled()
    signed.reject()
