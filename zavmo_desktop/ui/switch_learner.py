"""Switch learner: save everything, close this learner's data, and show the chooser.

Nothing of this learner's window is kept: the next learner gets a new MainWindow built
from nothing (ui/profile_start.py), and this one, with every screen it built, is deleted.
The root's instance lock goes to the chooser, so a second start still finds the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.storage.instance_lock import InstanceLock

if TYPE_CHECKING:
    from zavmo_desktop.core.profiles.registry import Profile
    from zavmo_desktop.core.profiles.session import Session
    from zavmo_desktop.ui.learner_account import LearnerAccount
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

    def learner_account(self) -> LearnerAccount:
        from zavmo_desktop.ui.learner_account import LearnerAccount

        return LearnerAccount(self.session, self._learner_changed)

    def _learner_changed(self, profile: Profile) -> None:
        """Renamed, or a PIN set: the list of learners exists now, so the title says whose."""
        window: Any = self
        window.learner_name = profile.name
        window.setWindowTitle(f"Zavmo Desktop: {profile.name}")

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
        _remove_speech(window)
        chooser = show_chooser(self.session, window)
        self.hand_over_lock()
        self.chooser_after = chooser
        window.close()
        window.deleteLater()  # every screen and widget of this learner goes with it
        return chooser

    def hand_over_lock(self) -> None:
        """The chooser that replaces this window has the root's lock now: closing this
        one must not let it go."""
        self._lock = InstanceLock(self._lock.path.parent)  # the same file, not held

    def _switch_once_loaded(self) -> None:
        window: Any = self
        window.loaded.disconnect(self._switch_once_loaded)
        self._switch_when_loaded = False
        self.switch_learner()


def _remove_speech(window: Any) -> None:
    """The sentences this learner heard go with their window (module text, but theirs)."""
    import shutil

    from zavmo_desktop.ui.own_data_window import speech_of

    for folder in speech_of(window):
        shutil.rmtree(folder, ignore_errors=True)
