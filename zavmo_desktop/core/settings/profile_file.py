"""An accessibility profile as a small file, so a learner can take their settings elsewhere."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zavmo_desktop.core.settings import SPECS

FORMAT = "zavmo-accessibility-profile"
VERSION = 1
SUFFIX = ".zavmo-profile.json"
MAX_BYTES = 64 * 1024  # a real profile is under 2 KB


class ProfileError(ValueError):
    """The file is not a profile this app can read; nothing was changed."""


@dataclass
class Profile:
    values: dict[str, Any]
    skipped: list[str] = field(default_factory=list)  # one line per value left out, and why


def write_profile(path: Path, values: Mapping[str, Any]) -> None:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "settings": {key: values[key] for key in SPECS if key in values},
    }
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    partial.replace(path)


def read_profile(path: Path) -> Profile:
    """The valid settings in a profile file; bad values are listed, not applied."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProfileError(f"{path}: too large to be a settings profile")
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"{path}: could not be read ({error})") from error
    except json.JSONDecodeError as error:
        raise ProfileError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from error
    return _profile_from(document, path)


def _profile_from(document: Any, path: Path) -> Profile:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ProfileError(f"{path}: not a Zavmo accessibility profile")
    if document.get("version") != VERSION:
        raise ProfileError(
            f"{path}: made by a different version of Zavmo (profile version "
            f"{document.get('version')!r}); export it again from that copy"
        )
    settings = document.get("settings")
    if not isinstance(settings, dict):
        raise ProfileError(f'{path}: has no "settings" section')
    profile = Profile(values={})
    for key, value in settings.items():
        spec = SPECS.get(key)
        if spec is None:
            profile.skipped.append(f"{key}: not a setting this version knows")
            continue
        try:
            profile.values[key] = spec.validate(value)
        except ValueError as error:
            profile.skipped.append(str(error))
    return profile
