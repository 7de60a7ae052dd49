"""The organisation's choices, and where its config file is: all a start with no config
needs, without the reader (core/org/config.py) and what it imports."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zavmo_desktop.core.org.features import Features

if TYPE_CHECKING:
    from zavmo_desktop.core.xapi.lrs_settings import LrsSettings

ENV_VAR = "ZAVMO_ORG_CONFIG"
DEFAULT_REASON = "it is the same for everyone here"


@dataclass(frozen=True)
class LockedSetting:
    value: Any
    reason: str


@dataclass
class OrgConfig:
    """The organisation's choices; an empty one (no config) changes nothing."""

    source: Path | None = None
    name: str = ""
    logo: Path | None = None
    accent_colour: str | None = None
    defaults: dict[str, Any] = field(default_factory=dict)
    locked: dict[str, LockedSetting] = field(default_factory=dict)
    hidden_features: frozenset[str] = frozenset()
    preload_packs: list[Path] = field(default_factory=list)
    signing_keys: list[bytes] = field(default_factory=list)  # raw 32-byte Ed25519 public keys
    lrs: LrsSettings | None = None
    problems: list[str] = field(default_factory=list)  # "path: message", shown at start

    def setting_values(self) -> dict[str, Any]:
        """What the organisation sets: its defaults, with the locked values over them."""
        return {**self.defaults, **{key: lock.value for key, lock in self.locked.items()}}

    def locked_keys(self) -> frozenset[str]:
        return frozenset(self.locked)

    @property
    def features(self) -> Features:
        return Features(self.hidden_features)

    @property
    def display_name(self) -> str:
        return self.name or "your organisation"

    def lock_messages(self) -> dict[str, str]:
        """What the learner reads beside each locked setting: who set it, and why."""
        return {
            key: f"Set by {self.display_name}: {lock.reason or DEFAULT_REASON}"
            for key, lock in self.locked.items()
        }

    def first_look(self, stored: Mapping[str, Any]) -> dict[str, Any]:
        """The learner's stored settings with the organisation's over and under them, as the
        Settings object will resolve them: for the first frame, before the database opens."""
        locked = {key: lock.value for key, lock in self.locked.items()}
        return {**self.defaults, **stored, **locked}


def find_config_file(option: str | None, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The config to read: --org-config, then ZAVMO_ORG_CONFIG, then the site config folder."""
    if option:
        return Path(option)
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR])
    import platformdirs  # only when neither was given

    from zavmo_desktop.paths import APP_AUTHOR, APP_NAME

    site = Path(platformdirs.site_config_dir(APP_NAME, APP_AUTHOR)) / "org.toml"
    return site if site.is_file() else None
