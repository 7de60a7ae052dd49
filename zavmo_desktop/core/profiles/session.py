"""What every learner's window on one data root shares while the app runs.

One app runs per data root (the instance lock is the root's), whichever learner is in:
the chooser, Switch learner and Remove must never meet a second app writing the same
registry or a learner's files behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from zavmo_desktop.core.profiles import DEFAULT_ID

if TYPE_CHECKING:
    from zavmo_desktop.core.org.choices import OrgConfig
    from zavmo_desktop.core.storage.instance_lock import InstanceLock


@dataclass
class Session:
    root: Path
    lock: InstanceLock
    org: OrgConfig | None = None
    bundled_content: tuple[Path, ...] = ()
    extra_content: tuple[Path, ...] = ()  # --content, for every learner
    profile_id: str = DEFAULT_ID  # the learner whose window this is
    failures: list[BaseException] = field(default_factory=list)  # for the exit code

    def content_for(self, folder: Path) -> list[Path]:
        """The packs a learner's window loads: the app's own, the ones this learner
        imported (kept in their own folder), and any given on the command line."""
        return [*self.bundled_content, *installed_packs(folder), *self.extra_content]

    def for_profile(self, profile_id: str) -> Session:
        return replace(self, profile_id=profile_id)


def installed_packs(data_dir: Path) -> list[Path]:
    """Imported content packs; the packs code is imported only when some are installed."""
    if not (data_dir / "packs" / "installed.json").is_file():
        return []
    from zavmo_desktop.core.packs.registry import installed_pack_folders

    return installed_pack_folders(data_dir)
