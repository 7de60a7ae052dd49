"""Imported content packs load at start beside the bundled content."""

from __future__ import annotations

import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.distribution_pack import MODULE_ID, org_pack
from zavmo_desktop.app import build_window, installed_packs
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.install import import_pack
from zavmo_desktop.ui.main_window import MainWindow


def test_an_imported_pack_loads_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    build_pack(org_pack(tmp_path), tmp_path / "org.zpack")
    import_pack(tmp_path / "org.zpack", data_dir)
    window = build_window(["--data-dir", str(data_dir)])
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.learner is not None
    assert window.learner.module(MODULE_ID) is not None
    assert window.learner.module("board-storytelling") is not None  # the bundled one too
    window.close()


def test_no_installed_packs_means_no_packs_code_at_start(tmp_path: Path) -> None:
    sys.modules.pop("zavmo_desktop.core.packs.registry", None)
    assert installed_packs(tmp_path) == []
    assert "zavmo_desktop.core.packs.registry" not in sys.modules
