"""Read and check the organisation's TOML config; anything wrong is reported and left out."""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zavmo_desktop.core.org.accent import accent_problem
from zavmo_desktop.core.org.features import Features
from zavmo_desktop.core.settings import SPECS
from zavmo_desktop.core.xapi.lrs_settings import LrsSettings

ENV_VAR = "ZAVMO_ORG_CONFIG"
FEATURES = (
    "discover", "pathway", "review", "portfolio", "read_aloud", "focus_timer", "export", "glossary",
)  # fmt: skip
_KEYS = {
    "name", "logo", "accent_colour", "defaults", "locked", "hide_features", "preload_packs",
    "signing_keys", "lrs",
}  # fmt: skip
_ED25519_DER_PREFIX = bytes.fromhex("302a300506032b6570032100")  # SubjectPublicKeyInfo header
MAX_CONFIG_BYTES = 1024 * 1024  # a settings file; anything larger is not one
MAX_LOGO_BYTES = 1024 * 1024
_LOGO_TYPES = {".png": b"\x89PNG\r\n\x1a\n", ".svg": b""}  # SVG: checked for <svg below
DEFAULT_REASON = "it is the same for everyone here"
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


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


def load_org_config(path: Path | None) -> OrgConfig:
    """The config at path, with every problem in .problems; never raises for bad input."""
    if path is None:
        return OrgConfig()
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        why = error.strerror or type(error).__name__
        return OrgConfig(problems=[f"{path}: cannot read the organisation config ({why})"])
    if len(raw) > MAX_CONFIG_BYTES:
        return OrgConfig(
            problems=[f"{path}: is larger than {MAX_CONFIG_BYTES // 1024} KiB: not a config"]
        )
    import tomllib  # only when there is a config to read

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return OrgConfig(problems=[f"{path}: the organisation config is not UTF-8 text"])
    except tomllib.TOMLDecodeError as error:
        return OrgConfig(problems=[_toml_message(path, error)])
    return _Reader(path).read(data)


def _toml_message(path: Path, error: Exception) -> str:
    text = str(error)
    found = _TOML_LINE.search(text)
    if found is None:
        return f"{path}: {text}"
    return f"{path}:{found.group(1)}: {_TOML_LINE.sub('', text).strip()}"


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.config = OrgConfig(source=path)

    def problem(self, message: str) -> None:
        self.config.problems.append(f"{self.path}: {message}")

    def read(self, data: dict[str, Any]) -> OrgConfig:
        unknown = sorted(set(data) - _KEYS)
        if unknown:  # one warning for them all: a config from a newer version has several
            keys = "key" if len(unknown) == 1 else "keys"
            named = ", ".join(repr(key) for key in unknown)
            self.problem(f"unknown {keys} {named}, left out (known: {', '.join(sorted(_KEYS))})")
        self.config.name = self.text(data, "name")
        self.read_logo(data)
        self.read_accent(data)
        self.config.defaults = self.settings(data.get("defaults", {}), "defaults")
        self.read_locked(data.get("locked", {}))
        self.read_features(data)
        self.config.preload_packs = [
            self.path.parent / p for p in self.texts(data, "preload_packs")
        ]
        self.config.signing_keys = [
            raw for text in self.texts(data, "signing_keys") if (raw := self.signing_key(text))
        ]
        self.read_lrs(data.get("lrs"))
        return self.config

    def text(self, data: Mapping[str, Any], key: str, where: str = "") -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.problem(f"{where}{key} must be text, not {type(value).__name__}")
            return ""
        return value

    def texts(self, data: Mapping[str, Any], key: str) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(f"{key} must be a list of text")
            return []
        return value

    def read_logo(self, data: Mapping[str, Any]) -> None:
        logo = self.text(data, "logo")
        if not logo:
            return
        path = self.path.parent / logo
        why = _logo_problem(path)
        if why:
            self.problem(f"logo {logo!r} {why}; no logo is shown")
        else:
            self.config.logo = path

    def read_accent(self, data: Mapping[str, Any]) -> None:
        colour = self.text(data, "accent_colour")
        if not colour:
            return
        why = accent_problem(colour)
        if why:
            self.problem(f"{why}; the usual accent is used")
        else:
            self.config.accent_colour = colour.lower()

    def settings(self, table: Any, where: str) -> dict[str, Any]:
        if not isinstance(table, dict):
            self.problem(f"{where} must be a table of settings")
            return {}
        return {key: value for key, value in table.items() if self.setting_ok(key, value, where)}

    def setting_ok(self, key: str, value: Any, where: str) -> bool:
        if key not in SPECS:
            self.problem(f"{where}: unknown setting {key!r}")
            return False
        try:
            SPECS[key].validate(value)
        except (ValueError, TypeError) as error:  # TypeError: a table where a choice goes
            self.problem(f"{where}.{key}: {error}")
            return False
        return True

    def read_locked(self, table: Any) -> None:
        if not isinstance(table, dict):
            self.problem("locked must be a table of settings")
            return
        for key, entry in table.items():
            if not isinstance(entry, dict) or "value" not in entry:
                self.problem(f"locked.{key} must be a table with value and reason")
                continue
            for extra in sorted(set(entry) - {"value", "reason"}):
                self.problem(f"locked.{key}: unknown key {extra!r} (known: reason, value)")
            reason = self.text(entry, "reason", f"locked.{key}.")
            if self.setting_ok(key, entry["value"], "locked"):
                self.config.locked[key] = LockedSetting(entry["value"], reason)

    def read_features(self, data: Mapping[str, Any]) -> None:
        names = self.texts(data, "hide_features")
        for name in names:
            if name not in FEATURES:
                self.problem(
                    f"hide_features: unknown feature {name!r} (known: {', '.join(FEATURES)})"
                )
        self.config.hidden_features = frozenset(n for n in names if n in FEATURES)
        if "focus_timer" in self.config.hidden_features:
            # Locked off, so nothing (a preset, a shortcut, an imported profile) brings it back.
            reason = "the focus timer is not used here"
            self.config.locked["show_focus_timer"] = LockedSetting(False, reason)

    def signing_key(self, text: str) -> bytes | None:
        body = "".join(line for line in text.strip().splitlines() if not line.startswith("-----"))
        try:
            key = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            self.problem("signing_keys: a key is neither base64 nor PEM")
            return None
        if key.startswith(_ED25519_DER_PREFIX):
            key = key[len(_ED25519_DER_PREFIX) :]
        if len(key) != 32:
            self.problem(f"signing_keys: an Ed25519 public key is 32 bytes, this one is {len(key)}")
            return None
        return key

    def read_lrs(self, table: Any) -> None:
        if table is None:
            return
        if not isinstance(table, dict):
            self.problem("lrs must be a table")
            return
        unknown = set(table) - {
            "endpoint",
            "username",
            "password",
            "account_homepage",
            "account_name",
            "use_email",
        }
        for key in sorted(unknown):
            self.problem(f"lrs: unknown key {key!r}")
        texts = {
            k: self.text(table, k, "lrs.")
            for k in ("endpoint", "username", "password", "account_homepage", "account_name")
        }
        use_email = table.get("use_email", False)
        if not isinstance(use_email, bool):
            self.problem("lrs.use_email must be true or false")
            use_email = False
        if not texts["endpoint"].startswith(("https://", "http://")):
            self.problem("lrs.endpoint must be an http(s) URL; records stay on this laptop")
            return
        if not texts["account_homepage"]:
            # xAPI names an account by its home page: without one no learner can be named.
            self.problem("lrs.account_homepage is needed; records stay on this laptop")
            return
        self.config.lrs = LrsSettings(**texts, use_email=use_email)


def _logo_problem(path: Path) -> str | None:
    """Why the logo file cannot be used, or None; its image is decoded later, by the UI."""
    magic = _LOGO_TYPES.get(path.suffix.lower())
    if magic is None:
        return "must be a PNG or SVG file"
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "is missing or cannot be read"
    if size > MAX_LOGO_BYTES:
        return f"is {size // 1024} KiB; a logo may be at most {MAX_LOGO_BYTES // 1024} KiB"
    if magic and not head.startswith(magic):
        return "is not a PNG image"
    if not magic and b"<svg" not in head:
        return "is not an SVG image"
    return None
