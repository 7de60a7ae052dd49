"""Settings, Who is learning: Rename, Set a PIN, Change PIN and Remove PIN, by keyboard
and found by name, written to the real list of learners on disk; changing or removing a
PIN needs the current one, with the chooser's wait after wrong tries; after renames two
learners still never see each other's work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.accessibility import assert_accessible, find_by_name, settle
from tests.core.own_data_work import REFLECTION_TEXT, do_real_work
from tests.ui.conftest import OpenWindow
from tests.ui.test_switch_learner import (
    A_FULL_NAME,
    build_every_screen,
    choose,
    close_every_window,
    everything_shown,
    flush_deletes,
    press,
    start,
    switch,
    wait_loaded,
)
from zavmo_desktop.core.profiles import DEFAULT_ID, REGISTRY_NAME
from zavmo_desktop.core.profiles.registry import Profiles
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.profile_chooser import ProfileChooser
from zavmo_desktop.ui.widgets.learner_account_dialogs import (
    CHANGE_PIN,
    PINS_DIFFER,
    REMOVE_PIN,
    RENAME,
    SET_PIN,
    AccountDialog,
    PinDialog,
    RenameDialog,
)
from zavmo_desktop.ui.widgets.pin_wait import READY_AGAIN

__all__ = ["close_every_window"]  # its fixture closes every window after each test


def open_dialog(qtbot: QtBot, window: MainWindow, button: str) -> AccountDialog:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Settings
    press(qtbot, find_by_name(window.settings_screen, button))
    dialog = window.settings_screen.who_is_learning.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.fields[0]  # typing can start at once
    return dialog


def type_in(qtbot: QtBot, dialog: AccountDialog, name: str, text: str) -> None:
    field = find_by_name(dialog, name)
    assert isinstance(field, QLineEdit)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def enter(qtbot: QtBot, dialog: AccountDialog) -> None:
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused if focused is not None else dialog, Qt.Key.Key_Return)


def stored_names(data_dir: Path) -> dict[str, str]:
    stored = json.loads((data_dir / REGISTRY_NAME).read_text(encoding="utf-8"))
    return {entry["id"]: entry["name"] for entry in stored["profiles"]}


def test_rename_checks_the_name_and_shows_it_in_the_title(qtbot: QtBot, data_dir: Path) -> None:
    Profiles(data_dir).add("Beatriz")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    window = choose(qtbot, chooser, "First learner")
    dialog = open_dialog(qtbot, window, RENAME)
    assert isinstance(dialog, RenameDialog) and dialog.name.text() == "First learner"
    for typed, problem in (
        ("   ", "Type a name for the learner"),
        ("bEATRIZ", "There is already a learner called bEATRIZ"),
        ("x" * 61, "A name has at most 60 characters; this one has 61."),
    ):
        type_in(qtbot, dialog, "Name", typed)
        enter(qtbot, dialog)
        assert dialog.isVisible() and dialog.problem.text().startswith(problem)
        assert dialog.name.text() == typed  # kept as typed, to be corrected
    assert stored_names(data_dir)[DEFAULT_ID] == "First learner"  # nothing was written
    type_in(qtbot, dialog, "Name", "  Amelia   Q  ")  # tidied, as every name is
    enter(qtbot, dialog)
    assert not dialog.isVisible()
    assert stored_names(data_dir) == {DEFAULT_ID: "Amelia Q", "beatriz": "Beatriz"}
    assert window.windowTitle() == "Zavmo Desktop: Amelia Q"
    panel = window.settings_screen.who_is_learning
    assert panel.words.text().startswith("This is Amelia Q's learning space.")
    assert panel.done.text() == "Your name is changed to Amelia Q."
    rename = find_by_name(window.settings_screen, RENAME)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is rename)  # back where they were
    again = open_dialog(qtbot, window, RENAME)
    type_in(qtbot, again, "Name", "Y" * 60)
    enter(qtbot, again)
    assert stored_names(data_dir)[DEFAULT_ID] == "Y" * 60


def test_a_lone_learner_can_set_a_pin_and_the_chooser_then_asks_for_it(
    open_window: OpenWindow, qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window()
    assert not (data_dir / REGISTRY_NAME).exists()  # one learner, as before profiles
    dialog = open_dialog(qtbot, window, SET_PIN)
    assert isinstance(dialog, PinDialog) and dialog.current is None  # no PIN to ask for yet
    type_in(qtbot, dialog, "New PIN", "2468")
    type_in(qtbot, dialog, "Type the new PIN again", "2469")
    enter(qtbot, dialog)
    assert dialog.problem.text() == PINS_DIFFER and not (data_dir / REGISTRY_NAME).exists()
    type_in(qtbot, dialog, "New PIN", "12")
    type_in(qtbot, dialog, "Type the new PIN again", "12")
    enter(qtbot, dialog)
    assert dialog.problem.text() == "A PIN has 4 to 12 digits; this one has 2."
    type_in(qtbot, dialog, "New PIN", "2468")
    type_in(qtbot, dialog, "Type the new PIN again", "2468")
    enter(qtbot, dialog)
    assert not dialog.isVisible()
    registry = Profiles(data_dir)
    assert registry.get(DEFAULT_ID).protected and registry.needs_chooser()
    assert "2468" not in (data_dir / REGISTRY_NAME).read_text(encoding="utf-8")
    assert window.windowTitle() == "Zavmo Desktop: First learner"
    settings = window.settings_screen
    for name in (CHANGE_PIN, REMOVE_PIN):
        find_by_name(settings, name)
    with pytest.raises(LookupError):
        find_by_name(settings, SET_PIN)  # there is one now
    window.close()
    flush_deletes()
    chooser = start(qtbot, data_dir)  # the next start asks who it is
    assert isinstance(chooser, ProfileChooser)
    press(qtbot, find_by_name(chooser.list_page, "First learner (PIN)"))
    assert chooser.pages.currentWidget() is chooser.pin_page


def test_changing_a_pin_needs_the_current_one_with_the_same_wait(
    qtbot: QtBot, data_dir: Path
) -> None:
    Profiles(data_dir).add("Beatriz", pin="2468")
    chooser = start(qtbot, data_dir, "--profile", "Beatriz")
    assert isinstance(chooser, ProfileChooser)
    qtbot.keyClicks(chooser.pin_page.field, "2468")
    qtbot.keyClick(chooser.pin_page.field, Qt.Key.Key_Return)
    window = chooser.successor
    assert isinstance(window, MainWindow)
    wait_loaded(qtbot, window)
    dialog = open_dialog(qtbot, window, CHANGE_PIN)
    assert isinstance(dialog, PinDialog) and dialog.current is not None
    type_in(qtbot, dialog, "New PIN", "13a7")  # not allowed: no try of the PIN is used
    type_in(qtbot, dialog, "Type the new PIN again", "13a7")
    type_in(qtbot, dialog, "Current PIN", "1111")
    enter(qtbot, dialog)
    assert dialog.problem.text().startswith("A PIN is made of digits only")
    assert Profiles(data_dir).get("beatriz").failed_tries == 0
    type_in(qtbot, dialog, "New PIN", "1357")
    type_in(qtbot, dialog, "Type the new PIN again", "1357")
    for _ in range(4):
        type_in(qtbot, dialog, "Current PIN", "1111")
        enter(qtbot, dialog)
        assert dialog.isVisible() and dialog.current.text() == ""  # never left in the field
    assert dialog.problem.text() == (
        "That PIN did not match. Take your time: you can try again in 2 seconds."
    )
    assert QApplication.focusWidget() is dialog.current
    assert dialog.new is not None and dialog.new.text() == "1357"  # the new one is kept
    assert Profiles(data_dir).get("beatriz").failed_tries == 4  # the chooser's count too
    type_in(qtbot, dialog, "Current PIN", "2468")  # right, but the wait is not over
    enter(qtbot, dialog)
    assert dialog.problem.text().startswith("Please wait: you can try again in")
    assert Profiles(data_dir).try_pin("beatriz", "2468").checked is False  # still waiting
    qtbot.waitUntil(lambda: dialog.problem.text() == READY_AGAIN, timeout=5_000)
    type_in(qtbot, dialog, "Current PIN", "2468")
    enter(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.settings_screen.who_is_learning.done.text() == "Your PIN is changed."
    registry = Profiles(data_dir)
    assert registry.get("beatriz").failed_tries == 0
    assert not registry.try_pin("beatriz", "2468").accepted
    assert registry.try_pin("beatriz", "1357").accepted

    remove = open_dialog(qtbot, window, REMOVE_PIN)
    assert isinstance(remove, PinDialog) and remove.new is None
    type_in(qtbot, remove, "Current PIN", "2468")  # the old one no longer works
    enter(qtbot, remove)
    assert remove.problem.text() == "That PIN did not match. Please try again."
    assert Profiles(data_dir).get("beatriz").protected
    type_in(qtbot, remove, "Current PIN", "1357")
    enter(qtbot, remove)
    assert not remove.isVisible() and not Profiles(data_dir).get("beatriz").protected
    find_by_name(window.settings_screen, SET_PIN)  # and no Change or Remove any more
    with pytest.raises(LookupError):
        find_by_name(window.settings_screen, CHANGE_PIN)
    cancelled = open_dialog(qtbot, window, SET_PIN)
    type_in(qtbot, cancelled, "New PIN", "9999")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # nothing set
    assert not cancelled.isVisible() and not Profiles(data_dir).get("beatriz").protected


def test_after_renames_two_learners_still_never_see_each_others_work(
    qtbot: QtBot, data_dir: Path
) -> None:
    Profiles(data_dir).add("Beatriz")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    amelia = choose(qtbot, chooser, "First learner")
    assert amelia.learner is not None
    amelia.learner.profile.set_display_name(A_FULL_NAME)
    do_real_work(amelia.learner)
    dialog = open_dialog(qtbot, amelia, RENAME)
    type_in(qtbot, dialog, "Name", "Ana")
    enter(qtbot, dialog)
    assert amelia.windowTitle() == "Zavmo Desktop: Ana"
    chooser = switch(qtbot, amelia)
    flush_deletes()
    ana = find_by_name(chooser.list_page, "Ana")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ana)  # the keyboard is on the list
    with pytest.raises(LookupError):
        find_by_name(chooser.list_page, "First learner")
    beatriz = choose(qtbot, chooser, "Beatriz")
    dialog = open_dialog(qtbot, beatriz, RENAME)
    type_in(qtbot, dialog, "Name", "First learner")  # Amelia's old name is free now
    enter(qtbot, dialog)
    assert stored_names(data_dir) == {DEFAULT_ID: "Ana", "beatriz": "First learner"}
    chooser = switch(qtbot, beatriz)
    flush_deletes()

    # Amelia's old name opens Beatriz's folder and nothing of Amelia's.
    second = choose(qtbot, chooser, "First learner")
    assert second.data_dir == data_dir / "profiles" / "beatriz"
    build_every_screen(second)
    shown = everything_shown()
    assert REFLECTION_TEXT not in shown and A_FULL_NAME not in shown
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert titles == ["Zavmo Desktop: First learner"]
    chooser = switch(qtbot, second)
    flush_deletes()
    first = choose(qtbot, chooser, "Ana")  # and Amelia's new name opens her own work
    assert first.data_dir == data_dir and first.windowTitle() == "Zavmo Desktop: Ana"
    build_every_screen(first)
    assert REFLECTION_TEXT in everything_shown()


@pytest.mark.parametrize(
    "look", [{"text_scale": 100}, {"text_scale": 200}, {"theme": "dark"}], ids=str
)
def test_the_section_and_every_dialog_pass_the_screen_checks(
    open_window: OpenWindow, qtbot: QtBot, look: dict[str, object]
) -> None:
    window = open_window()
    assert window.learner is not None
    for key, value in look.items():
        window.learner.settings.set(key, value)
    window.resize(900, 640)
    window.show_screen("Settings")
    panel = window.settings_screen.who_is_learning
    window.settings_screen.scroll.ensureWidgetVisible(panel)
    settle()
    assert_accessible(window)
    account = window.learner_account()
    for dialog in (RenameDialog("Amelia", account.rename, panel),
                   *(PinDialog(kind, account.change_pin, panel)
                     for kind in (SET_PIN, CHANGE_PIN, REMOVE_PIN))):  # fmt: skip
        dialog.open()
        qtbot.waitExposed(dialog)
        dialog.tell("Type your current PIN: the one you type on the list of learners.",
                    dialog.fields[0])  # fmt: skip
        settle()
        assert dialog.problem.isVisible()
        assert_accessible(dialog)
        dialog.reject()
