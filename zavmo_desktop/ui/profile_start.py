"""Starting on a data root with more than one learner, and moving between learners.

app.py comes here only when the root has a list of learners (or --profile was given): a
single learner's start stays as lean as before. Every learner's window is a new
MainWindow on that learner's own folder; the chooser and the windows pass the root's one
instance lock from hand to hand, so no second app can open the same root meanwhile.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from zavmo_desktop.core.profiles import UnknownProfile
from zavmo_desktop.core.profiles.registry import Profiles
from zavmo_desktop.core.settings import resolve
from zavmo_desktop.core.storage.files import private_folder
from zavmo_desktop.core.storage.settings_peek import peek_settings
from zavmo_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from zavmo_desktop.core.profiles.session import Session
    from zavmo_desktop.ui.main_window import MainWindow
    from zavmo_desktop.ui.profile_chooser import ProfileChooser


def start_with_profiles(session: Session, wanted: str | None) -> QWidget:
    """The learner's window when who it is for is known (and has no PIN), else the chooser.
    Not shown yet: app.py shows it, as it does a single learner's window."""
    registry = Profiles(session.root)
    if wanted:
        profile = registry.find(wanted)
        if profile is None:
            session.lock.release()
            names = ", ".join(p.name for p in registry.learners())
            raise UnknownProfile(f"There is no learner called {wanted!r} here. Learners: {names}.")
        if not profile.protected:
            return learner_window(session, registry, profile.id)
        chooser = make_chooser(session, registry)
        chooser.choose(profile.id)  # straight to their PIN
        return _started(chooser)
    if not registry.needs_chooser():
        return learner_window(session, registry, registry.learners()[0].id)
    return _started(make_chooser(session, registry))


def _started(chooser: ProfileChooser) -> ProfileChooser:
    from zavmo_desktop.ui.start_loading import collect_garbage_again

    collect_garbage_again()  # the learners can act: start-up is over (app.prepare_window)
    return chooser


def learner_window(session: Session, registry: Profiles, profile_id: str) -> MainWindow:
    from zavmo_desktop.ui.main_window import MainWindow

    folder = private_folder(registry.folder_of(profile_id))
    # This learner's look from the first frame; the previous learner's must not carry over.
    apply_theme(resolve(_with_locks(session, peek_settings(folder))), app_sheet=False)
    window = MainWindow(folder, session.content_for(folder), session.lock, session.org,
                        session=session.for_profile(profile_id))  # fmt: skip
    # Once their data is open: a learner whose data could not be opened was never in, and
    # the list shown again keeps the look of whoever was (they may need large text).
    window.ready.connect(lambda: registry.mark_used(profile_id))
    if registry.path.exists():  # whose learning space this is, in the title bar
        window.learner_name = registry.get(profile_id).name
        window.setWindowTitle(f"Zavmo Desktop: {window.learner_name}")
    return window


def make_chooser(session: Session, registry: Profiles) -> ProfileChooser:
    from zavmo_desktop.ui.profile_chooser import ProfileChooser

    # The look of whoever was in last (a look only, no work): most often the learner at
    # the keyboard now, who may need large text or calm colours to read the list at all.
    stored = peek_settings(registry.folder_of(registry.last_used().id))
    look = resolve(_with_locks(session, stored))
    sheet = apply_theme(look, app_sheet=False)
    chooser = ProfileChooser(session, registry, open_chosen)
    chooser.setStyleSheet(sheet)
    return chooser


def open_chosen(profile_id: str, chooser: ProfileChooser) -> MainWindow:
    """From the chooser: the learner's window takes its place (and its lock)."""
    registry = Profiles(chooser.session.root)
    window = learner_window(chooser.session, registry, profile_id)
    window.failed.connect(chooser.session.failures.append)  # the exit code says so
    window.failed.connect(lambda error: back_to_chooser(window, error))
    _show_in_place_of(window, chooser)
    window.start_loading()
    return window


def back_to_chooser(window: MainWindow, error: BaseException) -> ProfileChooser:
    """A learner's data that could not be opened: the list again, saying why, so they can
    try again or another learner can come in. Nothing was opened, so nothing is saved."""
    from zavmo_desktop.core.storage.problems import describe_failure

    name = window.learner_name or "this learner"
    chooser = show_chooser(window.session, window)
    window.hand_over_lock()
    window.chooser_after = chooser
    chooser.tell(f"Zavmo could not open {name}'s learning space, so you are back at the "
                 f"list. {' '.join(describe_failure(error, window.data_dir).split())} "
                 "You can choose the name again to try once more.")  # fmt: skip
    window.close()
    window.deleteLater()
    chooser.bring_to_front()  # the keyboard is the list's, on the first name
    return chooser


def show_chooser(session: Session, replacing: QWidget) -> ProfileChooser:
    """After Switch learner: the chooser in the learner window's place."""
    chooser = make_chooser(session, Profiles(session.root))
    _show_in_place_of(chooser, replacing)
    chooser.show_list()  # focus on the first name, now that it is shown
    return chooser


def _show_in_place_of(widget: MainWindow | ProfileChooser, replacing: QWidget) -> None:
    from zavmo_desktop.ui.single_instance import ActivationServer, stop_listening

    widget.setGeometry(replacing.geometry())
    stop_listening(replacing)
    server = ActivationServer(widget.session.root, widget)  # a later start brings it forward
    server.activate_requested.connect(widget.bring_to_front)
    widget.show()  # before the one it replaces closes: the app goes on with a window open
    widget.activateWindow()


def _with_locks(session: Session, stored: Mapping[str, Any]) -> Mapping[str, Any]:
    """A learner's stored look with the organisation's defaults and locks over it."""
    return session.org.first_look(stored) if session.org is not None else stored
