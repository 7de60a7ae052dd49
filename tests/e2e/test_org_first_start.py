"""An organisation's first start, end to end: a config with a locked theme, a signed pack to
preload, its signing key and a hidden feature, read by the real app start on an empty data
folder; then the same with one byte of the pack changed."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QTreeWidget, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, find_starting, focus_chain, names_starting
from tests.distribution_pack import MODULE_ID, org_pack
from zavmo_desktop.app import listen_for_second_starts, prepare_window
from zavmo_desktop.core.packs.build import build_pack
from zavmo_desktop.core.packs.signing import generate_key_pair
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.navigation import NavigationBar
from zavmo_desktop.ui.palettes import THEMES
from zavmo_desktop.ui.screens.library import MODULE_ID as MODULE_ROLE

ORG = "Northfield Care Trust"
REASON = "Our shared ward screens are set up for high contrast."
HIGH_CONTRAST = THEMES["high_contrast"].window


@pytest.fixture(scope="module")
def org_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What an organisation's IT team hands out: org.toml, a signed pack, its public key."""
    root = tmp_path_factory.mktemp("org")
    public = generate_key_pair(root / "signing.pem", root / "signing.pub.pem")
    build_pack(org_pack(root), root / "induction.zpack", root / "signing.pem")
    (root / "org.toml").write_text(
        f'name = "{ORG}"\n'
        'hide_features = ["review"]\n'
        'preload_packs = ["induction.zpack"]\n'
        f'signing_keys = ["{base64.b64encode(public).decode()}"]\n'
        f'[locked.theme]\nvalue = "high_contrast"\nreason = "{REASON}"\n',
        encoding="utf-8",
    )
    return root


@pytest.fixture
def start(qtbot: QtBot) -> Iterator[object]:
    opened: list[MainWindow] = []

    def start_(data_dir: Path, config: Path) -> MainWindow:
        """The app's own start: the window built (not yet shown), then shown and loaded."""
        window = prepare_window(["--data-dir", str(data_dir), "--org-config", str(config)])
        qtbot.addWidget(window)
        opened.append(window)
        return window

    yield start_
    for window in opened:
        window.close()


def show_and_load(window: MainWindow, qtbot: QtBot) -> None:
    listen_for_second_starts(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.start_loading()
    if window.onboarding:
        window.onboarding_screen.skip_all.click()


def module_ids(tree: QTreeWidget) -> set[str]:
    found, items = set(), QTreeWidgetItemIterator(tree)
    while items.value() is not None:
        found.add(items.value().data(0, MODULE_ROLE))
        items += 1
    return found


def test_the_organisation_takes_full_effect_on_first_start(
    org_folder: Path, tmp_path: Path, qtbot: QtBot, start: object
) -> None:
    window = start(tmp_path / "data", org_folder / "org.toml")  # type: ignore[operator]
    # The first frame, before the window is shown or the data opened: already high contrast.
    assert window.palette().color(QPalette.ColorRole.Window).name() == HIGH_CONTRAST
    first = window.grab().toImage()
    assert first.pixelColor(first.width() - 20, first.height() - 20).name() == HIGH_CONTRAST
    assert window.windowTitle() == f"Zavmo Desktop — {ORG}"
    show_and_load(window, qtbot)

    window.show_screen("Settings")
    theme = find_by_name(window.settings_screen, "Theme")
    assert isinstance(theme, QComboBox) and not theme.isEnabled()
    assert theme.currentData() == "high_contrast"
    assert theme.accessibleDescription() == f"Set by {ORG}: {REASON}"
    note = find_starting(window.settings_screen, f"Set by {ORG}: {REASON}")
    assert isinstance(note, QLabel) and note.isVisible()

    window.show_screen("Library")
    assert window.learner is not None and window.learner.module(MODULE_ID) is not None
    assert MODULE_ID in module_ids(window.library.modules)
    assert window.library.trusted_keys  # the Library's own imports need the same key

    assert "Review" not in window.nav_buttons
    assert names_starting(window, "Review") == []
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.built("Review") is None  # Ctrl+6 does nothing at all
    window.show_screen("Keyboard shortcuts")
    table = window.shortcuts_screen.table
    actions = [table.item(row, 1).text() for row in range(table.rowCount()) if table.item(row, 1)]
    assert "Go to Library" in actions and "Go to Review" not in actions
    assert getattr(window, "org_notice", None) is None  # nothing went wrong: nothing to tell


def test_a_tampered_pack_is_refused_calmly_and_the_app_starts(
    org_folder: Path, tmp_path: Path, qtbot: QtBot, start: object
) -> None:
    given = tmp_path / "given"
    given.mkdir()
    for name in ("org.toml", "induction.zpack"):
        (given / name).write_bytes((org_folder / name).read_bytes())
    pack = given / "induction.zpack"
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0x01
    pack.write_bytes(bytes(data))

    window = start(tmp_path / "data", given / "org.toml")  # type: ignore[operator]
    show_and_load(window, qtbot)
    assert window.learner is not None and window.learner.module(MODULE_ID) is None
    assert window.learner.module("board-storytelling") is not None  # the rest is there
    notice = window.org_notice
    assert notice.isVisible()
    assert "induction.zpack" in notice.message and "was not installed" in notice.message
    assert "Everything else works as usual" in notice.message
    # Tab: from the navigation's last control straight into the message, then its button.
    tab = Qt.FocusPolicy.TabFocus
    chain = [w for w in focus_chain(window) if w.isVisible() and w.focusPolicy() & tab]
    at = chain.index(notice.details)
    assert chain[at + 1] is notice.close_button
    assert window.findChild(NavigationBar).isAncestorOf(chain[at - 1])
    find_by_name(window, "Close this message").click()  # type: ignore[attr-defined]
    assert not notice.isVisible()
    window.close()

    again = start(tmp_path / "data", given / "org.toml")  # type: ignore[operator]
    show_and_load(again, qtbot)
    assert getattr(again, "org_notice", None) is None  # told once, not at every start
