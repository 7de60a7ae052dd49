"""The current learner's entry in the list of learners, for Settings' Who is learning:
their name and PIN, changed in the registry (core.profiles) and nowhere else.

A lone learner with no list yet can rename themselves or set a PIN too: the list is
written then, with them as its one learner (and with a PIN, the chooser asks for it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from zavmo_desktop.core.profiles.registry import PinTry, Profile, ProfileError, Profiles

if TYPE_CHECKING:
    from zavmo_desktop.core.profiles.session import Session

T = TypeVar("T")


class LearnerAccount:
    def __init__(self, session: Session, changed: Callable[[Profile], None]) -> None:
        """`changed(profile)` after every change that was written (the window's title)."""
        self._registry = Profiles(session.root)
        self.profile_id = session.profile_id
        self._changed = changed

    @property
    def profile(self) -> Profile:
        return self._registry.get(self.profile_id)

    def rename(self, name: str) -> str:
        """Nothing ("") once renamed, else what to change."""
        try:
            profile = self._written(lambda: self._registry.rename(self.profile_id, name))
        except ProfileError as error:
            return str(error)
        self._changed(profile)
        return ""

    def change_pin(self, current: str, new: str | None) -> PinTry:
        """Raises ProfileError for a new PIN that is not allowed, or a list not written."""
        result = self._written(lambda: self._registry.change_pin(self.profile_id, current, new))
        if result.accepted:
            self._changed(self.profile)
        return result

    def _written(self, change: Callable[[], T]) -> T:
        try:
            return change()
        except OSError as error:  # a full disk, a read-only folder: nothing changed
            from zavmo_desktop.core.storage.problems import classify, explain

            root = self._registry.root
            raise ProfileError(explain(classify(error, root), root)) from error
