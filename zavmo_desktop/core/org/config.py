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
        raw = path.read_bytes()
    except OSError as error:
        return OrgConfig(
            problems=[f"{path}: cannot read the organisation config ({error.strerror})"]
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
        for key in sorted(set(data) - _KEYS):
            self.problem(f"unknown key {key!r} (known: {', '.join(sorted(_KEYS))})")
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
        if path.suffix.lower() != ".png":
            # SVG can carry scripts and external references; PNG only keeps it simple and safe.
            self.problem(f"logo {logo!r} must be a PNG file")
        elif not path.is_file() or path.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            self.problem(f"logo {logo!r} is missing or not a readable PNG")
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
        except ValueError as error:
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
