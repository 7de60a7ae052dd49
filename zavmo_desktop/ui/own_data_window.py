"""The window's part in the learner's own data: the Privacy page under Settings, and
Erase all my data, after which a new window starts as on the first run (onboarding)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.storage.instance_lock import InstanceLock
from zavmo_desktop.ui.screen_table import PRIVACY

if TYPE_CHECKING:
    from zavmo_desktop.ui.main_window import MainWindow


class OwnDataWindow:
    """Mixed into MainWindow: uses its learner, lock, stack and screens."""

    learner: Any
    data_dir: Any
    clock: Any
    stack: Any
    _lock: InstanceLock
    _content_dirs: Any
    successor: MainWindow | None = None  # the window that took over after an erase

    def show_privacy(self) -> None:
        window: Any = self
        window._leave_reading()
        window.stack.setCurrentWidget(window.screen(PRIVACY))
        window._mark_current("Settings")
        window.screen(PRIVACY).back_button.setFocus()

    def erase_and_start_again(self) -> MainWindow:
        """Close the database, erase every learner file, and hand the lock to a new window
        that starts as the first run did. Nothing is saved on the way: it is being erased."""
        # Imported here: erase reaches sqlite3 and the content index, which a first frame
        # does not need (tests/ui/test_start_path.py).
        from zavmo_desktop.core.own_data.erase import EraseError, erase_all

        window: Any = self
        assert self.learner is not None
        window.stop_reading_aloud()
        self.learner.close()
        self.learner = None
        problem = ""
        try:
            erase_all(self.data_dir, include_lock=False, speech_folders=speech_of(window))
        except EraseError as error:
            problem = str(error)
        successor = self._successor()
        if problem:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(successor, "Not everything was erased", problem)
        return successor

    def _successor(self) -> MainWindow:
        from zavmo_desktop.core.settings import resolve
        from zavmo_desktop.core.storage.settings_peek import peek_settings
        from zavmo_desktop.ui.main_window import MainWindow
        from zavmo_desktop.ui.single_instance import ActivationServer
        from zavmo_desktop.ui.theme import apply_theme

        window: Any = self
        # The first run's look, as app.py gives it: the erased learner's font and colours
        # must not carry over.
        org = window._org  # the organisation's locks, look and packs hold for the new start
        stored = peek_settings(self.data_dir)
        apply_theme(resolve(org.first_look(stored) if org else stored), app_sheet=False)
        successor = MainWindow(self.data_dir, self._content_dirs, self._lock, org,
                               session=window.session)  # fmt: skip
        successor.setWindowTitle(window.windowTitle())
        successor.learner_name = window.learner_name
        root = self._lock.path.parent  # a learner's own folder, or the root it is on
        self._lock = InstanceLock(root)  # not held: the new window has the lock now
        successor.clock = self.clock
        successor.setGeometry(window.geometry())
        successor.failed.connect(successor.explain_failure)
        server = ActivationServer(root, successor)
        server.activate_requested.connect(successor.bring_to_front)
        successor.show()  # before this one closes: the app goes on with a window open
        successor.start_loading()
        self.successor = successor
        window.close()
        # Its screens and focus timer go now (the timer would keep trying to save); the
        # empty window itself goes with the app.
        window.takeCentralWidget().deleteLater()
        return successor


def speech_of(window: Any) -> list[Any]:
    """This learner's window's speech folders, if read aloud was used: another learner's
    window earlier in this run had folders of its own, and they are left alone."""
    read_aloud = window._read_aloud  # None until a screen that speaks was built
    return list(read_aloud.speech_folders) if read_aloud is not None else []
