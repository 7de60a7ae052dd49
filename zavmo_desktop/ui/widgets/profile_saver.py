"""Saving the learner's profile as they answer, through the app's guarded write path.

The draft is what the learner wants; what is stored is the draft with every answer that
does not make sense left at its saved value (core.profile.model.keep_valid). Typing is
saved after a short pause. When a save fails (a full disk, a read-only drive) the status
says so where they are, the fields keep what they entered, and PendingSaves keeps trying.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from zavmo_desktop.core.profile.model import (
    LearnerProfile,
    days_words,
    keep_valid,
)
from zavmo_desktop.core.storage.learner_profile import ProfileRepository
from zavmo_desktop.ui.widgets.pending_saves import PendingSaves
from zavmo_desktop.ui.widgets.save_status import SaveStatus

SAVE_DELAY_MS = 250
KEY = "learner profile"


class ProfileSaver(QObject):
    saved_now = Signal()  # a save went through

    def __init__(
        self, owner: QWidget, repository: ProfileRepository, folder: Path | None,
        role_title: Callable[[str], str],
    ) -> None:  # fmt: skip
        super().__init__(owner)
        self._repository = repository
        self._role_title = role_title
        self.saved = repository.load()
        self.draft = self.saved
        self.status = SaveStatus()
        self.pending = PendingSaves(owner, folder)
        self.pending.changed.connect(self._pending_changed)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def want(self, draft: LearnerProfile, *, now: bool = False) -> None:
        """The learner's latest answers; saved after a pause, or `now`."""
        self.draft = draft
        if now:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> bool:
        """Save the valid part of the draft now, if it differs; False if it could not be."""
        self._timer.stop()
        kept = keep_valid(self.draft, self.saved)
        if kept == self.saved and self.pending.waiting_text(KEY) is None:
            return True
        stored: list[LearnerProfile] = []
        ok = self.pending.save(
            KEY, "Your profile", self._as_text(kept),
            lambda: stored.append(self._repository.save(kept)),
        )  # fmt: skip
        if ok:
            self.saved = stored[-1]
            self.saved_now.emit()
        return ok

    def reload(self) -> bool:
        """Take up what is stored (another screen may have changed it), unless something
        waits to be saved here; True if the answers shown should change."""
        if self.pending.waiting_text(KEY) is not None or self._timer.isActive():
            return False
        stored = self._repository.load()
        changed = stored != self.draft
        self.saved = self.draft = stored
        return changed

    def _pending_changed(self) -> None:
        if self.pending.problem is not None:
            self.status.not_saved(self.pending.message)
        else:
            self.saved = self._repository.load()
            self.status.saved()

    def _as_text(self, profile: LearnerProfile) -> str:
        """The answers in words, for the text file offered if the window closes unsaved."""
        hours = profile.hours_per_week
        lines = [
            f"Name or nickname: {profile.name}",
            f"Role you are working towards: {self._role_title(profile.role)}",
            f"Hours per week: {'' if hours is None else f'{hours:g}'}",
            f"Days you would like to study: {days_words(profile.study_days)}",
            f"Start date: {profile.start_date or ''}",
            f"Target date: {profile.target_date or ''}",
        ]
        return "\n".join(lines)
