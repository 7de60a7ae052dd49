"""The learners on one data root: who they are, where their data is, their PIN and waits.

Before a second learner is added there is no registry file: the root is the one learner's
data folder, as it always was (the "default" profile). Adding one writes profiles.json in
the root; every later profile is a complete data folder of its own in profiles/<id>/.
The default profile stays in the root itself, so no existing file ever moves.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from zavmo_desktop.core.own_data.erase import EraseError, erase_all
from zavmo_desktop.core.profiles import DEFAULT_ID, PROFILES_FOLDER, REGISTRY_NAME
from zavmo_desktop.core.profiles.pin import (
    MAX_WAIT_S,
    PinHash,
    hash_pin,
    pin_matches,
    pin_problem,
    wait_after,
)
from zavmo_desktop.core.storage.files import partial_of, private_folder, settle

FORMAT = 1
MAX_NAME = 60
FIRST_LEARNER = "First learner"  # the default profile's name when it has none of its own
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


class ProfileError(Exception):
    """A request the registry refuses; the message says why and what to do instead."""


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    created: datetime
    pin: PinHash | None = field(default=None, repr=False)
    failed_tries: int = 0
    next_try_at: datetime | None = None

    @property
    def protected(self) -> bool:
        return self.pin is not None


@dataclass(frozen=True)
class PinTry:
    accepted: bool
    wait_s: float  # before the next try is accepted (0: at once)
    checked: bool  # False: refused unchecked, because the wait was not over


def utc_now() -> datetime:
    return datetime.now(UTC)


class Profiles:
    """The registry of one data root. Every change is written whole (temporary file, fsync,
    rename), so a power cut leaves the old list or the new one."""

    def __init__(self, root: Path, now: Callable[[], datetime] = utc_now) -> None:
        self.root = root
        self.path = root / REGISTRY_NAME
        self._now = now
        self.problem = ""  # what went wrong reading the file, if anything

    # Reading

    def learners(self) -> list[Profile]:
        return self._load()[0]

    def get(self, profile_id: str) -> Profile:
        for profile in self.learners():
            if profile.id == profile_id:
                return profile
        raise ProfileError(f"There is no learner {profile_id!r} on this computer.")

    def find(self, name_or_id: str) -> Profile | None:
        """For --profile: a learner's id, or their name in any case."""
        wanted = name_or_id.strip().casefold()
        for profile in self.learners():
            if wanted in (profile.id, profile.name.casefold()):
                return profile
        return None

    def needs_chooser(self) -> bool:
        """More than one learner, or one behind a PIN: someone must say who they are."""
        profiles = self.learners()
        return len(profiles) > 1 or any(p.protected for p in profiles)

    def last_used(self) -> Profile:
        profiles, last = self._load()
        return next((p for p in profiles if p.id == last), profiles[0])

    def folder_of(self, profile_id: str) -> Path:
        """The profile's data folder. The default is the root; others are one level inside
        root/profiles and never a link, so erasing one can reach nothing outside it."""
        if profile_id == DEFAULT_ID:
            return self.root
        if not _ID.match(profile_id):
            raise ProfileError(f"{profile_id!r} is not a learner's folder name.")
        return self.root / PROFILES_FOLDER / profile_id

    # Changing

    def add(self, name: str, pin: str | None = None) -> Profile:
        profiles, last = self._load()
        name = self._checked_name(name, profiles)
        pin_hash = self._checked_pin(pin)
        profile = Profile(_new_id(name, profiles), name, self._now(), pin_hash)
        private_folder(self.root / PROFILES_FOLDER)  # (mkdir's parents would get 0755)
        private_folder(self.folder_of(profile.id))
        self._save([*profiles, profile], last)
        return profile

    def rename(self, profile_id: str, name: str) -> Profile:
        profiles, _last = self._load()
        others = [p for p in profiles if p.id != profile_id]
        return self._change(profile_id, name=self._checked_name(name, others))

    def set_pin(self, profile_id: str, pin: str | None) -> Profile:
        return self._change(
            profile_id, pin=self._checked_pin(pin), failed_tries=0, next_try_at=None
        )

    def change_pin(self, profile_id: str, current: str, new: str | None) -> PinTry:
        """Change or remove (`new` None) a PIN, only with the current one, which is tried
        as at the chooser: the same count of wrong tries and the same wait. A new PIN that
        is not allowed raises ProfileError before the current one is tried, so a slip in
        the new PIN never costs a try."""
        problem = pin_problem(new) if new else ""
        if problem:
            raise ProfileError(problem)
        result = self.try_pin(profile_id, current)
        if result.accepted:
            self.set_pin(profile_id, new)
        return result

    def mark_used(self, profile_id: str) -> None:
        if not self.path.exists():
            return  # one learner: nothing to remember, and no file to make for it
        profiles, last = self._load()
        if last != profile_id:
            self._save(profiles, profile_id)

    def try_pin(self, profile_id: str, pin: str) -> PinTry:
        """Check a PIN, unless the wait after earlier wrong tries is not over: then it is
        refused unchecked. The count and the time are kept in the file, so closing the app
        does not end a wait."""
        profile = self.get(profile_id)
        if profile.pin is None:
            return PinTry(True, 0.0, True)
        now = self._now()
        if profile.next_try_at is not None and now < profile.next_try_at:
            # A clock put back could make a stored time far off: never more than the cap.
            waiting = min((profile.next_try_at - now).total_seconds(), MAX_WAIT_S)
            return PinTry(False, waiting, False)
        if pin_matches(pin, profile.pin):
            if profile.failed_tries or profile.next_try_at:
                self._change(profile_id, failed_tries=0, next_try_at=None)
            return PinTry(True, 0.0, True)
        failed = profile.failed_tries + 1
        wait = wait_after(failed)
        next_try = now + timedelta(seconds=wait) if wait else None
        self._change(profile_id, failed_tries=failed, next_try_at=next_try)
        return PinTry(False, wait, True)

    def remove(self, profile_id: str) -> list[Path]:
        """Erase one learner's data and take them off the list; the others' files are not
        touched. The default profile's erase removes only its own named files from the
        root (core.own_data.places), never profiles/ or this registry."""
        profiles, last = self._load()
        if not any(p.id == profile_id for p in profiles):
            raise ProfileError(f"There is no learner {profile_id!r} on this computer.")
        if len(profiles) == 1:
            raise ProfileError("This is the only learner. To erase their data, open Zavmo "
                               "and choose Erase all my data in Settings.")  # fmt: skip
        removed = self._erase_files(profile_id)
        left = [p for p in profiles if p.id != profile_id]
        self._save(left, last if last != profile_id else left[0].id)
        return removed

    def _erase_files(self, profile_id: str) -> list[Path]:
        folder = self.folder_of(profile_id)
        if profile_id == DEFAULT_ID:
            return erase_all(folder, include_lock=False, speech_folders=[])
        if not folder.exists():
            return []
        inside = (self.root / PROFILES_FOLDER).resolve()
        if folder.is_symlink() or folder.resolve().parent != inside:
            raise EraseError(f"Zavmo did not erase {folder}: it is not one of its own "
                             "learner folders. Nothing was removed.")  # fmt: skip
        removed = erase_all(folder, include_lock=True, speech_folders=[])
        try:
            shutil.rmtree(folder)  # what else the app kept there (imported packs ...)
        except OSError as error:
            raise EraseError(f"Zavmo could not remove {folder}: {error.strerror}.") from error
        return [*removed, folder]

    def _change(self, profile_id: str, **changes: object) -> Profile:
        profiles, last = self._load()
        found = [p for p in profiles if p.id == profile_id]
        if not found:
            raise ProfileError(f"There is no learner {profile_id!r} on this computer.")
        changed = replace(found[0], **changes)  # type: ignore[arg-type]
        self._save([changed if p.id == profile_id else p for p in profiles], last)
        return changed

    def _checked_name(self, name: str, others: list[Profile]) -> str:
        name = " ".join(name.split())
        if not name:
            raise ProfileError("Type a name for the learner: their first name is enough.")
        if len(name) > MAX_NAME:
            raise ProfileError(f"A name has at most {MAX_NAME} characters; this one has "
                               f"{len(name)}.")  # fmt: skip
        if any(p.name.casefold() == name.casefold() for p in others):
            raise ProfileError(f"There is already a learner called {name}. Add something "
                               "to tell them apart, such as an initial.")  # fmt: skip
        return name

    def _checked_pin(self, pin: str | None) -> PinHash | None:
        if not pin:
            return None
        problem = pin_problem(pin)
        if problem:
            raise ProfileError(problem)
        return hash_pin(pin)

    # The file

    def _load(self) -> tuple[list[Profile], str]:
        if not self.path.exists():
            return [self._implicit_default()], DEFAULT_ID
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            profiles = [_profile_from(entry) for entry in stored["profiles"]]
            if not profiles or len({p.id for p in profiles}) != len(profiles):
                raise ValueError("no learners, or one listed twice")
            return profiles, str(stored.get("last_used", profiles[0].id))
        except (OSError, ValueError, KeyError, TypeError) as error:
            self.problem = f"Zavmo could not read the list of learners in {self.path} ({error})."
            return self._found_on_disk(), DEFAULT_ID

    def _found_on_disk(self) -> list[Profile]:
        """A damaged list: every learner folder still opens (by its folder name), so no one
        is locked out of their own work. docs/profiles.md explains what this means for PINs."""
        found = [self._implicit_default()]
        folder = self.root / PROFILES_FOLDER
        if folder.is_dir():
            for child in sorted(folder.iterdir()):
                if _ID.match(child.name) and child.is_dir() and not child.is_symlink():
                    found.append(Profile(child.name, child.name, self._now()))
        return found

    def _implicit_default(self) -> Profile:
        name = peek_learner_name(self.root) or FIRST_LEARNER
        return Profile(DEFAULT_ID, name[:MAX_NAME], self._now())

    def _save(self, profiles: list[Profile], last: str) -> None:
        text = json.dumps(
            {"format": FORMAT, "last_used": last, "profiles": [_as_json(p) for p in profiles]},
            indent=2,
            ensure_ascii=False,
        )
        partial = partial_of(self.path)
        try:
            partial.write_text(text + "\n", encoding="utf-8")
            settle(partial, self.path)
        finally:
            partial.unlink(missing_ok=True)
        self.problem = ""


def _as_json(profile: Profile) -> dict[str, object]:
    return {
        "id": profile.id,
        "name": profile.name,
        "created": profile.created.isoformat(),
        "pin": profile.pin.as_json() if profile.pin else None,
        "failed_tries": profile.failed_tries,
        "next_try_at": profile.next_try_at.isoformat() if profile.next_try_at else None,
    }


def _profile_from(entry: dict[str, object]) -> Profile:
    profile_id = str(entry["id"])
    if profile_id != DEFAULT_ID and not _ID.match(profile_id):
        raise ValueError(f"{profile_id!r} is not a learner's folder name")
    pin = entry.get("pin")
    next_try = entry.get("next_try_at")
    return Profile(
        id=profile_id,
        name=str(entry["name"])[:MAX_NAME],
        created=datetime.fromisoformat(str(entry["created"])),
        pin=PinHash.from_json(pin) if isinstance(pin, dict) else None,
        failed_tries=int(str(entry.get("failed_tries", 0))),
        next_try_at=datetime.fromisoformat(str(next_try)) if next_try else None,
    )


def _new_id(name: str, profiles: list[Profile]) -> str:
    """A readable folder name from the learner's name (ASCII letters and digits only)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:30] or "learner"
    taken = {p.id for p in profiles} | {DEFAULT_ID}
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def peek_learner_name(folder: Path) -> str:
    """The name the learner gave in their own profile, read-only; "" if none or unreadable."""
    from zavmo_desktop.core.storage import DATABASE_NAME

    path = folder / DATABASE_NAME
    if not path.exists():
        return ""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT display_name FROM learner_profile LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return ""
    return " ".join(str(row[0] or "").split()) if row else ""
