"""Switch learner: save everything, close this learner's data, and show the chooser.

Nothing of this learner's window is kept: the next learner gets a new MainWindow built
from nothing (ui/profile_start.py), and this one, with every screen it built, is deleted.
The root's instance lock goes to the chooser, so a second start still finds the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.storage.instance_lock import InstanceLock

if TYPE_CHECKING:
    from zavmo_desktop.core.profiles.session import Session
    from zavmo_desktop.ui.profile_chooser import ProfileChooser


class SwitchLearner:
    """Mixed into MainWindow: uses its learner, lock, loading state and closing steps."""

    _session: Session | None
    _lock: InstanceLock
    chooser_after: ProfileChooser | None = None  # what took over after Switch learner
    _switch_when_loaded = False

    @property
    def session(self) -> Session:
        if self._session is None:  # a window made without one: its folder is the root
            from zavmo_desktop import paths
            from zavmo_desktop.core.profiles.session import Session

            window: Any = self
            bundled = (paths.bundled_content_dir(),)
            self._session = Session(self._lock.path.parent, self._lock, window._org, bundled)
        return self._session

    def switch_learner(self) -> ProfileChooser | None:
        """The chooser that took over; None if the learner stayed (unsaved words they chose
        to keep Zavmo open for) or the data is still being opened (it switches then)."""
        window: Any = self
        if window._loading:  # perhaps restoring a backup: the switch waits for it
            if not self._switch_when_loaded:
                self._switch_when_loaded = True
                window.loaded.connect(self._switch_once_loaded)
            return None
        if window.learner is None:
            return None
        from zavmo_desktop.ui.closing import close_learner, save_everything
        from zavmo_desktop.ui.profile_start import show_chooser
        from zavmo_desktop.ui.unsaved_words import may_close_with

        unsaved, reason = save_everything(window)
        if not may_close_with(window, unsaved, reason):
            return None
        close_learner(window.learner)
        window.learner = None
        chooser = show_chooser(self.session, window)
        self._lock = InstanceLock(self._lock.path.parent)  # not held: the chooser has it now
        self.chooser_after = chooser
        window.close()
        window.deleteLater()  # every screen and widget of this learner goes with it
        return chooser

    def _switch_once_loaded(self) -> None:
        window: Any = self
        window.loaded.disconnect(self._switch_once_loaded)
        self._switch_when_loaded = False
        self.switch_learner()
