"""Two learners on one data root, driven by keyboard and found by name: what one learner
did never shows in the other's window, Switch learner saves what was typed and leaves
no widget of the first learner behind, a PIN is asked for (with a wait after wrong
tries), and erasing or removing one learner leaves the other's files byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.accessibility import find_by_name, unnamed_interactive
from tests.conftest import BUNDLED_CONTENT
from tests.core.own_data_work import REFLECTION_TEXT, do_real_work, folder_with_real_work
from tests.core.test_profiles import fingerprint, root_learners_files
from tests.ui.conftest import skip_onboarding
from zavmo_desktop.app import build_window
from zavmo_desktop.core.learner import Learner
from zavmo_desktop.core.profiles import DEFAULT_ID, REGISTRY_NAME
from zavmo_desktop.core.profiles.registry import Profiles
from zavmo_desktop.core.storage import DATABASE_NAME
from zavmo_desktop.core.storage.instance_lock import LOCK_NAME, AlreadyRunning, InstanceLock
from zavmo_desktop.ui.main_window import MainWindow
from zavmo_desktop.ui.profile_chooser import ProfileChooser
from zavmo_desktop.ui.screen_table import READER, SCREENS
from zavmo_desktop.ui.single_instance import ask_running_instance_to_activate
from zavmo_desktop.ui.widgets.pin_prompt import READY_AGAIN

SWITCH = "Switch learner"
A_FULL_NAME = "Amelia Quinterro"  # in A's own profile (Settings, Your profile)
DRAFT = " Typed just before switching: zebra lantern."


@pytest.fixture(autouse=True)
def close_every_window(qtbot: QtBot) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if not shiboken6.isValid(widget):  # deleted while an earlier one was waited for
            continue
        if isinstance(widget, MainWindow):  # its data opening on a worker has to finish
            qtbot.waitUntil(lambda w=widget: not w._loading, timeout=20_000)
        widget.close()
        widget.deleteLater()  # a later test asks that no learner's window is left
    flush_deletes()


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def press(qtbot: QtBot, button: QWidget) -> None:
    assert isinstance(button, QAbstractButton) and button.isEnabled()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def words_of(widget: QWidget) -> list[str]:
    """What a sighted or screen-reader user could read from one widget."""
    words = [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip(),
             widget.windowTitle()]  # fmt: skip
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        words.append(widget.text())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        words.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        words += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        words += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        top = QModelIndex()
        try:
            columns = model.columnCount(top)
        except TypeError:  # a list's model keeps it private: one column
            columns = 1
        for row in range(model.rowCount(top)):
            for column in range(columns):
                words.append(str(model.data(model.index(row, column, top)) or ""))
    return words


def everything_shown() -> str:
    """The words of every widget that exists in the app now, shown or not."""
    return "\n".join(w for widget in QApplication.allWidgets() for w in words_of(widget))


def wait_loaded(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: window.learner is not None and window.content_loaded, timeout=30_000)
    skip_onboarding(window)
    return window


def start(qtbot: QtBot, data_dir: Path, *extra: str) -> QWidget:
    first = build_window(["--data-dir", str(data_dir), *extra])
    first.show()
    qtbot.waitExposed(first)
    first.activateWindow()  # keys go only to the active window
    qtbot.waitUntil(first.isActiveWindow)
    if isinstance(first, MainWindow):
        wait_loaded(qtbot, first)
    return first


def choose(qtbot: QtBot, chooser: ProfileChooser, label: str) -> MainWindow:
    press(qtbot, find_by_name(chooser.list_page, label))
    window = chooser.successor
    assert isinstance(window, MainWindow)
    return wait_loaded(qtbot, window)


def switch(qtbot: QtBot, window: MainWindow) -> ProfileChooser:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Settings
    assert window.stack.currentWidget() is window.settings_screen
    press(qtbot, find_by_name(window.settings_screen, SWITCH))
    chooser = window.chooser_after
    assert isinstance(chooser, ProfileChooser) and chooser.isVisible()
    qtbot.waitExposed(chooser)
    qtbot.waitUntil(chooser.isActiveWindow)  # the chooser is given the keyboard
    return chooser


def build_every_screen(window: MainWindow) -> None:
    """Every screen of the registry, and the reader on the module A reflected in."""
    for name in SCREENS:
        window.screen(name)
    assert window.learner is not None
    module = next(m for m in window.learner.library.modules if m.reflections)
    window.open_module(module)
    window.screen(READER).show_tab("Reflections")
    for name in ("Home", "Discover", "Pathway", "Library", "Settings", "Review"):
        window.show_screen(name)
        QApplication.processEvents()


def heat_map_words(window: MainWindow) -> list[str]:
    from zavmo_desktop.ui.widgets.heat_map import HeatMapGrid

    grid = window.screen("Discover").findChild(HeatMapGrid)
    return [b.accessibleName() for b in grid.findChildren(QPushButton) if b.accessibleName()]


def test_the_second_learner_sees_nothing_of_the_first(qtbot: QtBot, data_dir: Path) -> None:
    Profiles(data_dir).add("Beatriz")  # the root's learner is the default, in place
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    assert unnamed_interactive(chooser) == []
    amelia = choose(qtbot, chooser, "First learner")
    assert amelia.data_dir == data_dir
    assert amelia.learner is not None
    amelia.learner.profile.set_display_name(A_FULL_NAME)
    do_real_work(amelia.learner)  # a reflection, an assessment, a plan, practice ...
    build_every_screen(amelia)
    editor = amelia.reader.reflections.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, DRAFT)  # not saved yet: switching must save it
    heat = heat_map_words(amelia)
    seen = everything_shown()
    # The walk finds A's work while A is in: the check below can fail.
    assert REFLECTION_TEXT in seen and DRAFT.strip() in seen and A_FULL_NAME in seen
    assert heat and all(words in seen for words in heat)

    chooser = switch(qtbot, amelia)
    flush_deletes()
    assert not shiboken6.isValid(amelia)  # the window and every screen it built are gone
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)] == []
    for secret in (REFLECTION_TEXT, DRAFT.strip(), A_FULL_NAME, *heat):
        assert secret not in everything_shown()
    with pytest.raises(AlreadyRunning):  # the chooser holds the root's lock
        InstanceLock(data_dir).acquire()
    assert ask_running_instance_to_activate(data_dir)

    beatriz = choose(qtbot, chooser, "Beatriz")
    assert beatriz.data_dir == data_dir / "profiles" / "beatriz"
    assert beatriz.windowTitle() == "Zavmo Desktop: Beatriz"
    build_every_screen(beatriz)
    flush_deletes()
    shown = everything_shown()
    for secret in (REFLECTION_TEXT, DRAFT.strip(), A_FULL_NAME, *heat):
        assert secret not in shown
    assert beatriz.reader.reflections.editor.toPlainText() == ""
    with pytest.raises(AlreadyRunning):
        InstanceLock(data_dir).acquire()
    beatriz.close()
    flush_deletes()

    again = Learner.open(data_dir, [BUNDLED_CONTENT])  # A's typed words were saved
    try:
        module = next(m for m in again.library.modules if m.reflections)
        [saved] = again.reflections.for_module(module.id).values()
        assert saved.text == REFLECTION_TEXT + DRAFT
    finally:
        again.close()


def test_a_wrong_pin_is_refused_with_a_wait_and_the_right_one_opens(
    qtbot: QtBot, data_dir: Path
) -> None:
    Profiles(data_dir).add("Beatriz", pin="2468")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    button = find_by_name(chooser.list_page, "Beatriz (PIN)")
    assert button.accessibleDescription() == "Asks for a PIN"
    press(qtbot, button)
    page = chooser.pin_page
    assert chooser.pages.currentWidget() is page
    assert QApplication.focusWidget() is find_by_name(page, "PIN")
    for _ in range(4):
        qtbot.keyClicks(page.field, "1111")
        qtbot.keyClick(page.field, Qt.Key.Key_Return)
        assert chooser.successor is None
    assert page.message.text() == (
        "That PIN did not match. Take your time: you can try again in 2 seconds."
    )
    assert page.field.text() == ""  # never left for the next person
    qtbot.keyClicks(page.field, "2468")  # right, but the wait is not over
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    assert chooser.successor is None
    assert page.message.text().startswith("Please wait: you can try again in")
    qtbot.waitUntil(lambda: page.message.text() == READY_AGAIN, timeout=5_000)
    qtbot.keyClicks(page.field, "2468")
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    window = chooser.successor
    assert isinstance(window, MainWindow)
    wait_loaded(qtbot, window)
    assert window.data_dir == data_dir / "profiles" / "beatriz"
    assert Profiles(data_dir).get("beatriz").failed_tries == 0


def test_erasing_or_removing_one_learner_leaves_the_others_files_identical(
    qtbot: QtBot, data_dir: Path
) -> None:
    folder_with_real_work(data_dir, BUNDLED_CONTENT)  # Amelia, the root's learner
    beatriz_folder = Profiles(data_dir).add("Beatriz").id
    amelias = root_learners_files(data_dir)
    window = start(qtbot, data_dir, "--profile", "beatriz")  # straight in: no PIN
    assert isinstance(window, MainWindow) and window.learner is not None
    do_real_work(window.learner)
    window.learner.back_up()

    window.show_screen("Settings")
    press(qtbot, find_by_name(window.settings_screen, "Erase all my data"))
    dialog = window.settings_screen.your_data.erase_dialog
    qtbot.keyClicks(dialog.word, "ERASE")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)
    successor = window.successor
    assert successor is not None
    wait_loaded(qtbot, successor)  # Beatriz again, as on a first run
    assert successor.data_dir == data_dir / "profiles" / beatriz_folder
    assert root_learners_files(data_dir) == amelias
    assert [p.id for p in Profiles(data_dir).learners()] == [DEFAULT_ID, "beatriz"]

    chooser = switch(qtbot, successor)
    press(qtbot, find_by_name(chooser.list_page, "Remove Beatriz"))
    remove = chooser.remove_dialog
    assert remove is not None and remove.accessibleName() == "Remove Beatriz: confirm"
    qtbot.keyClicks(remove.word, "erase")  # any case, as in the erase dialog
    qtbot.keyClick(remove.word, Qt.Key.Key_Return)
    assert not (data_dir / "profiles" / "beatriz").exists()
    assert "Beatriz has been removed" in chooser.list_page.status.text()
    assert [p.id for p in Profiles(data_dir).learners()] == [DEFAULT_ID]
    assert root_learners_files(data_dir) == amelias
    assert sorted(fingerprint(data_dir)) == sorted([*amelias, REGISTRY_NAME, LOCK_NAME])
    assert (data_dir / DATABASE_NAME).exists()
    assert list(chooser.list_page.learner_buttons) == [DEFAULT_ID]  # no Remove for the last


def test_removing_a_learner_with_a_pin_asks_for_it_first(qtbot: QtBot, data_dir: Path) -> None:
    Profiles(data_dir).add("Beatriz", pin="2468")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    press(qtbot, find_by_name(chooser.list_page, "Remove Beatriz"))
    assert chooser.pages.currentWidget() is chooser.pin_page and chooser.remove_dialog is None
    qtbot.keyClicks(chooser.pin_page.field, "2468")
    qtbot.keyClick(chooser.pin_page.field, Qt.Key.Key_Return)
    dialog = chooser.remove_dialog
    assert dialog is not None
    qtbot.keyClick(dialog.word, Qt.Key.Key_Escape)  # changed their mind: nothing erased
    assert (data_dir / "profiles" / "beatriz").is_dir()
    assert len(Profiles(data_dir).learners()) == 2


def test_adding_a_learner_opens_their_first_run(qtbot: QtBot, data_dir: Path) -> None:
    window = start(qtbot, data_dir)
    assert isinstance(window, MainWindow)  # one learner, no PIN: no chooser, as before
    chooser = switch(qtbot, window)
    press(qtbot, find_by_name(chooser.list_page, "Add a learner"))
    form = chooser.add_page
    assert QApplication.focusWidget() is find_by_name(form, "Name")
    qtbot.keyClicks(form.name, "Chen")
    qtbot.keyClicks(form.pin, "1357")
    qtbot.keyClicks(form.pin_again, "1358")
    qtbot.keyClick(form.pin_again, Qt.Key.Key_Return)
    assert form.problem.text().startswith("The two PINs are not the same")
    assert form.name.text() == "Chen"  # kept as typed
    form.pin_again.clear()
    qtbot.keyClicks(form.pin_again, "1357")
    qtbot.keyClick(form.pin_again, Qt.Key.Key_Return)
    chen = chooser.successor
    assert isinstance(chen, MainWindow)
    qtbot.waitUntil(lambda: chen.learner is not None, timeout=30_000)
    assert chen.onboarding and chen.data_dir == data_dir / "profiles" / "chen"
    assert Profiles(data_dir).get("chen").protected
    wait_loaded(qtbot, chen)


def test_a_learner_added_without_a_pin_opens_without_one(qtbot: QtBot, data_dir: Path) -> None:
    Profiles(data_dir).add("Beatriz")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    press(qtbot, find_by_name(chooser.list_page, "Add a learner"))
    form = chooser.add_page
    qtbot.keyClicks(form.name, "Dana " * 13)  # 64 characters: typed in full, then told
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.problem.text() == "A name has at most 60 characters; this one has 64."
    assert form.name.text() == "Dana " * 13
    form.name.clear()
    qtbot.keyClicks(form.name, "beatriz")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.problem.text().startswith("There is already a learner called beatriz.")
    form.name.clear()
    qtbot.keyClicks(form.name, "Dana")  # both PIN fields left empty: no PIN
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    dana = chooser.successor
    assert isinstance(dana, MainWindow)
    wait_loaded(qtbot, dana)
    assert dana.data_dir == data_dir / "profiles" / "dana"
    assert not Profiles(data_dir).get("dana").protected
    assert dana.windowTitle() == "Zavmo Desktop: Dana"


def test_an_unknown_profile_on_the_command_line_says_who_there_is(
    qapp: QApplication, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zavmo_desktop.app import main

    Profiles(data_dir).add("Beatriz")
    assert main(["--data-dir", str(data_dir), "--profile", "Zed"]) == 2
    assert "no learner called 'Zed' here. Learners: First learner, Beatriz." in (
        capsys.readouterr().err
    )
    lock = InstanceLock(data_dir)
    lock.acquire()  # it was let go
    lock.release()


def wrong_pin(chooser: ProfileChooser) -> None:
    chooser.choose("beatriz-ferreira")
    chooser.pin_page.field.setText("1111")
    chooser.pin_page.submit()
    assert chooser.pin_page.message.isVisible()


def too_long_a_name(chooser: ProfileChooser) -> None:
    chooser.show_add()
    chooser.add_page.name.setText("Dana " * 13)
    chooser.add_page.submit()
    assert chooser.add_page.problem.text().startswith("A name has at most 60 characters")


@pytest.mark.parametrize(
    "look", [{"text_scale": 100}, {"text_scale": 200}, {"theme": "dark"}], ids=str
)
def test_every_page_of_the_chooser_passes_the_accessibility_walk(
    qtbot: QtBot, data_dir: Path, look: dict[str, object]
) -> None:
    from tests.accessibility import assert_accessible, settle

    learner = Learner.open(data_dir, [BUNDLED_CONTENT])
    for key, value in look.items():  # the chooser takes the last learner's look
        learner.settings.set(key, value)
    learner.close()
    Profiles(data_dir).add("Beatriz Ferreira", pin="2468")
    chooser = start(qtbot, data_dir)
    assert isinstance(chooser, ProfileChooser)
    chooser.resize(900, 640)
    for show in (chooser.show_list, lambda: chooser.choose("beatriz-ferreira"),
                 lambda: wrong_pin(chooser), chooser.show_add,
                 lambda: too_long_a_name(chooser)):  # fmt: skip
        show()
        settle()
        assert_accessible(chooser)


def test_a_switch_while_the_data_is_opening_waits_for_it(qtbot: QtBot, data_dir: Path) -> None:
    from zavmo_desktop.app import prepare_window

    window = prepare_window(["--data-dir", str(data_dir)])
    assert isinstance(window, MainWindow)
    window.show()
    window.start_loading()
    assert window.switch_learner() is None  # not now: a backup may be being restored
    qtbot.waitUntil(lambda: window.chooser_after is not None, timeout=30_000)
    assert isinstance(window.chooser_after, ProfileChooser)
    flush_deletes()
    assert not shiboken6.isValid(window)
