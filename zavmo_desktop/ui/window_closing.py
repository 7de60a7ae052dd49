"""Closing the window (MainWindow's part): never while the learner's data is being opened
(the loader may be restoring a backup, and holds the lock until it is done); else save
everything, offer what could not be saved, close the learner's data, release the lock."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zavmo_desktop.ui.start_loading import collect_garbage_again

if TYPE_CHECKING:
    from zavmo_desktop.core.learner import Learner
    from zavmo_desktop.core.storage.instance_lock import InstanceLock


class WindowClosing:
    """Mixed into MainWindow: uses its learner, lock and loading state."""

    learner: Learner | None
    _lock: InstanceLock
    _loading: bool
    _close_when_loaded: bool
    _loading_label: Any

    def _may_close(self) -> bool:
        """True once all is saved (or the learner let unsaved words go) and the lock is free."""
        if self._loading:
            self._close_when_loaded = True
            if self.learner is None:  # else the content is read: that takes a moment only
                self._loading_label.setText("Closing once your learning data is safe…")
            return False
        if self.learner is not None:
            from zavmo_desktop.ui.closing import close_learner, save_everything
            from zavmo_desktop.ui.unsaved_words import may_close_with

            unsaved, reason = save_everything(self)
            if not may_close_with(self, unsaved, reason):
                return False
            close_learner(self.learner)
            self.learner = None
        self._lock.release()
        collect_garbage_again()  # closed before it was ready
        return True
